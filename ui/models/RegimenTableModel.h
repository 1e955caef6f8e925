#pragma once

#include "domain/Regimen.h"

#include <QAbstractTableModel>

namespace dermaplan {
class RuleBook;
}

namespace dermaplan::ui {

// Regimens as a table for the Plan page: name, area, needle, cadence, first and last day.
class RegimenTableModel final : public QAbstractTableModel {
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
    static constexpr int RegimenIdRole = Qt::UserRole + 1;

    explicit RegimenTableModel(const RuleBook& rules, QObject* parent = nullptr);

    void setRegimens(QList<Regimen> regimens);
    [[nodiscard]] qint64 regimenIdAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString text(const Regimen& regimen, int column) const;

    const RuleBook& m_rules;
    QList<Regimen> m_regimens;
};

} // namespace dermaplan::ui
