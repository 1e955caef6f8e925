#pragma once

#include "logbook/DayGuide.h"

#include <QAbstractTableModel>
#include <QDate>

namespace dermaplan {
class RuleBook;
}

namespace dermaplan::ui {

// Today's table, a row an area (Logbook::dayGuide's areas): its last session, when the needle of
// its next planned session (or each needle) is allowed again, marked ✔ go, ⚠ advised or ✖ wait,
// and what is planned this week. The last column holds the row's "Log …" action (the view puts a
// button there); its text is what the button says.
class AreaStatusModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AreaColumn, LastColumn, NextColumn, WeekColumn, LogColumn, ColumnCount };
    static constexpr int AreaIdRole = Qt::UserRole + 1;

    explicit AreaStatusModel(const RuleBook& rules, QObject* parent = nullptr);

    // Shows `areas` as they are on `today`.
    void setAreas(QList<AreaDay> areas, QDate today);
    [[nodiscard]] QString areaIdAt(int row) const;
    // The row of `areaId`, or -1.
    [[nodiscard]] int rowOf(const QString& areaId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString text(const AreaDay& area, int column) const;

    const RuleBook& m_rules;
    QList<AreaDay> m_areas;
    QDate m_today;
};

// ✔ go, ⚠ allowed with advice (or only for shorter needles), ✖ wait: marks that read without
// colour.
[[nodiscard]] QString readinessMark(ReadinessLevel level);

} // namespace dermaplan::ui
