#include "RegimenTableModel.h"

#include "rules/RuleBook.h"

#include <QLocale>

namespace dermaplan::ui {

RegimenTableModel::RegimenTableModel(const RuleBook& rules, QObject* parent)
    : QAbstractTableModel(parent)
    , m_rules(rules) {}

void RegimenTableModel::setRegimens(QList<Regimen> regimens) {
    beginResetModel();
    m_regimens = std::move(regimens);
    endResetModel();
}

qint64 RegimenTableModel::regimenIdAt(int row) const {
    return row >= 0 && row < m_regimens.size() ? m_regimens.at(row).id : 0;
}

int RegimenTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_regimens.size());
}

int RegimenTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RegimenTableModel::text(const Regimen& r, int column) const {
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return r.name;
    case AreaColumn: {
        const Area* area = m_rules.area(r.area);
        return area ? area->name : r.area;
    }
    case NeedleColumn:
        return r.needle.toString();
    case EveryColumn:
        return tr("%n day(s)", nullptr, r.everyDays);
    case FromColumn:
        return locale.toString(r.start, QLocale::ShortFormat);
    case UntilColumn: {
        const std::optional<QDate> last = r.lastDay();
        return last ? locale.toString(*last, QLocale::ShortFormat) +
                          (r.endedOn ? tr(" (ended)") : QString())
                    : tr("ongoing");
    }
    default:
        return {};
    }
}

QVariant RegimenTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Regimen& regimen = m_regimens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(regimen, index.column());
    case RegimenIdRole:
        return regimen.id;
    default:
        return {};
    }
}

QVariant RegimenTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Regimen");
    case AreaColumn:
        return tr("Area");
    case NeedleColumn:
        return tr("Needle");
    case EveryColumn:
        return tr("Every");
    case FromColumn:
        return tr("From");
    case UntilColumn:
        return tr("Until");
    default:
        return {};
    }
}

} // namespace dermaplan::ui
