#include "RegimenTableModel.h"

#include "rules/RuleBook.h"

#include <QLocale>

namespace dermaplan::ui {

RegimenTableModel::RegimenTableModel(const RuleBook& rules, QObject* parent)
    : RecordTableModel(
          {tr("Regimen"), tr("Area"), tr("Needle"), tr("Every"), tr("From"), tr("Until")}, parent)
    , m_rules(rules) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void RegimenTableModel::setRegimens(QList<Regimen> regimens) {
    beginResetModel();
    m_regimens = std::move(regimens);
    endResetModel();
}

QString RegimenTableModel::text(int row, int column) const {
    const Regimen& r = m_regimens.at(row);
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return r.name;
    case AreaColumn:
        return m_rules.areaName(r.area);
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

} // namespace dermaplan::ui
