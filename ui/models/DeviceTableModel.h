#pragma once

#include "rules/DeviceStatus.h"

#include <QAbstractTableModel>
#include <QDate>

namespace dermaplan::ui {

// Devices and their status (uses, age, cleaning, when to replace) as a table for the Devices
// page. The logbook decides the status; this only shows it.
class DeviceTableModel final : public QAbstractTableModel {
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
    static constexpr int DeviceIdRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    // Shows `statuses`; ages are counted to `today`.
    void setStatuses(QList<DeviceStatus> statuses, QDate today);
    [[nodiscard]] qint64 deviceIdAt(int row) const;
    [[nodiscard]] bool isRetired(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString text(const DeviceStatus& status, int column) const;

    QList<DeviceStatus> m_statuses;
    QDate m_today;
};

} // namespace dermaplan::ui
