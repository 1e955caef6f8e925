#include "AreaStatusModel.h"

#include "rules/ReadinessText.h"
#include "rules/RuleBook.h"

#include <QLocale>

namespace dermaplan::ui {

QString readinessMark(ReadinessLevel level) {
    switch (level) {
    case ReadinessLevel::Go:
        return QStringLiteral("✔");
    case ReadinessLevel::Advised:
        return QStringLiteral("⚠");
    case ReadinessLevel::Wait:
        break;
    }
    return QStringLiteral("✖");
}

AreaStatusModel::AreaStatusModel(const RuleBook& rules, QObject* parent)
    : QAbstractTableModel(parent)
    , m_rules(rules) {}

void AreaStatusModel::setAreas(QList<AreaDay> areas, QDate today) {
    beginResetModel();
    m_areas = std::move(areas);
    m_today = today;
    endResetModel();
}

QString AreaStatusModel::areaIdAt(int row) const {
    return row >= 0 && row < m_areas.size() ? m_areas.at(row).area : QString();
}

int AreaStatusModel::rowOf(const QString& areaId) const {
    for (qsizetype row = 0; row < m_areas.size(); ++row)
        if (m_areas.at(row).area == areaId)
            return int(row);
    return -1;
}

int AreaStatusModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_areas.size());
}

int AreaStatusModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AreaStatusModel::text(const AreaDay& a, int column) const {
    const QLocale locale;
    const QString name = m_rules.areaName(a.area);
    switch (column) {
    case AreaColumn:
        return name;
    case LastColumn: {
        const auto& last = a.readiness.lastSession;
        return last ? tr("%1 · %2").arg(locale.toString(last->date, QLocale::ShortFormat),
                                        countingNeedle(*last).toString())
                    : tr("none");
    }
    case NextColumn:
        return readinessMark(a.level) + u' ' +
               describeReadiness(a.readiness, m_today, m_rules, locale, a.nextNeedle);
    case WeekColumn: {
        QStringList planned;
        for (const Occurrence& o : a.thisWeek)
            planned << tr("%1 %2").arg(locale.dayName(o.date.dayOfWeek(), QLocale::ShortFormat),
                                       o.needle.toString());
        return planned.isEmpty() ? tr("nothing planned") : planned.join(QStringLiteral(", "));
    }
    case LogColumn:
        return tr("Log %1…").arg(name.toLower());
    default:
        return {};
    }
}

QVariant AreaStatusModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AreaDay& area = m_areas.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return text(area, index.column());
    case AreaIdRole:
        return area.area;
    default:
        return {};
    }
}

QVariant AreaStatusModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AreaColumn:
        return tr("Area");
    case LastColumn:
        return tr("Last session");
    case NextColumn:
        return tr("Next session");
    case WeekColumn:
        return tr("This week");
    default:
        return {};
    }
}

} // namespace dermaplan::ui
