#include "DeviceTableModel.h"

#include <QLocale>

namespace dermaplan::ui {

DeviceTableModel::DeviceTableModel(QObject* parent)
    : RecordTableModel({tr("Device"), tr("Needle"), tr("Uses"), tr("First used"), tr("Age"),
                        tr("Last cleaned"), tr("Replace by"), tr("Status")},
                       parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void DeviceTableModel::setStatuses(QList<DeviceStatus> statuses, QDate today) {
    beginResetModel();
    m_statuses = std::move(statuses);
    m_today = today;
    endResetModel();
}

qint64 DeviceTableModel::recordId(int row) const {
    return m_statuses.at(row).state.device.id;
}

bool DeviceTableModel::isRetired(int row) const {
    // Retired on any date, as the Devices page acts on it (a retirement may be dated ahead).
    return row >= 0 && row < m_statuses.size() && m_statuses[row].state.device.retiredOn;
}

QString DeviceTableModel::text(int row, int column) const {
    const DeviceStatus& status = m_statuses.at(row);
    const QLocale locale;
    const Device& d = status.state.device;
    switch (column) {
    case NameColumn:
        return tr("%1 (%2)").arg(d.name, deviceKindLabel(d.kind));
    case NeedleColumn:
        return d.needle.toString();
    case UsesColumn:
        return tr("%1 of %2").arg(status.state.usesSoFar).arg(status.useLimit);
    case FirstUseColumn:
        return d.firstUse.isValid() ? locale.toString(d.firstUse, QLocale::ShortFormat)
                                    : tr("not yet");
    case AgeColumn:
        return d.firstUse.isValid() ? tr("%n day(s)", nullptr, int(d.firstUse.daysTo(m_today)))
                                    : QString();
    case CleanedColumn:
        return status.state.lastCleaned
                   ? locale.toString(*status.state.lastCleaned, QLocale::ShortFormat)
                   : tr("never");
    case ReplaceByColumn:
        return status.replaceBy.isValid() ? locale.toString(status.replaceBy, QLocale::ShortFormat)
                                          : QString();
    case StatusColumn: {
        const QString mark =
            status.level == DeviceStatus::Level::ReplaceNow                            ? tr("✖ ")
            : status.level == DeviceStatus::Level::ReplaceSoon || status.needsCleaning ? tr("⚠ ")
            : status.level == DeviceStatus::Level::Fine                                ? tr("✔ ")
                                                                                       : QString();
        return mark + deviceStatusText(status, locale);
    }
    default:
        return {};
    }
}

} // namespace dermaplan::ui
