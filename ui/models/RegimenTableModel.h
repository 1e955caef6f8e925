#pragma once

#include "RecordTableModel.h"

#include "domain/Regimen.h"

namespace dermaplan {
class RuleBook;
}

namespace dermaplan::ui {

// Regimens as a table for the Plan page: name, area, needle, cadence, first and last day.
class RegimenTableModel final : public RecordTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AreaColumn,
        NeedleColumn,
        EveryColumn,
        FromColumn,
        UntilColumn,
        ColumnCount
    };

    explicit RegimenTableModel(const RuleBook& rules, QObject* parent = nullptr);

    void setRegimens(QList<Regimen> regimens);

private:
    [[nodiscard]] int recordCount() const override { return int(m_regimens.size()); }
    [[nodiscard]] qint64 recordId(int row) const override { return m_regimens.at(row).id; }
    [[nodiscard]] QString text(int row, int column) const override;

    const RuleBook& m_rules;
    QList<Regimen> m_regimens;
};

} // namespace dermaplan::ui
