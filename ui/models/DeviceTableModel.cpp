#include "DeviceTableModel.h"

#include <QLocale>

namespace dermaplan::ui {

void DeviceTableModel::setStatuses(QList<DeviceStatus> statuses, QDate today) {
    beginResetModel();
    m_statuses = std::move(statuses);
    m_today = today;
    endResetModel();
}

qint64 DeviceTableModel::deviceIdAt(int row) const {
    return row >= 0 && row < m_statuses.size() ? m_statuses.at(row).state.device.id : 0;
}

bool DeviceTableModel::isRetired(int row) const {
    // Retired on any date, as the Devices page acts on it (a retirement may be dated ahead).
    return row >= 0 && row < m_statuses.size() && m_statuses[row].state.device.retiredOn;
}

int DeviceTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_statuses.size());
}

int DeviceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeviceTableModel::text(const DeviceStatus& status, int column) const {
    const QLocale locale;
    const Device& d = status.state.device;
    switch (column) {
    case NameColumn:
        return QStringLiteral("%1 (%2)").arg(d.name, d.kind);
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

QVariant DeviceTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeviceStatus& status = m_statuses.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(status, index.column());
    case DeviceIdRole:
        return status.state.device.id;
    default:
        return {};
    }
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Device");
    case NeedleColumn:
        return tr("Needle");
    case UsesColumn:
        return tr("Uses");
    case FirstUseColumn:
        return tr("First used");
    case AgeColumn:
        return tr("Age");
    case CleanedColumn:
        return tr("Last cleaned");
    case ReplaceByColumn:
        return tr("Replace by");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace dermaplan::ui
