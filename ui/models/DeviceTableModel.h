#pragma once

#include "RecordTableModel.h"

#include "rules/DeviceStatus.h"

#include <QDate>

namespace dermaplan::ui {

// Devices and their status (uses, age, cleaning, when to replace) as a table for the Devices
// page. The logbook decides the status; this only shows it.
class DeviceTableModel final : public RecordTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        NeedleColumn,
        UsesColumn,
        FirstUseColumn,
        AgeColumn,
        CleanedColumn,
        ReplaceByColumn,
        StatusColumn,
        ColumnCount
    };

    explicit DeviceTableModel(QObject* parent = nullptr);

    // Shows `statuses`; ages are counted to `today`.
    void setStatuses(QList<DeviceStatus> statuses, QDate today);
    [[nodiscard]] bool isRetired(int row) const;

private:
    [[nodiscard]] int recordCount() const override { return int(m_statuses.size()); }
    [[nodiscard]] qint64 recordId(int row) const override;
    [[nodiscard]] QString text(int row, int column) const override;

    QList<DeviceStatus> m_statuses;
    QDate m_today;
};

} // namespace dermaplan::ui
