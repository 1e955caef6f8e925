// The logbook's devices (Logbook.h), in their own file: their state and status, and every write.
#include "logbook/Logbook.h"
#include "rules/RecordCheck.h"
#include "storage/DeviceStore.h"

namespace dermaplan {

Result<QList<Device>> Logbook::devices(bool includeRetired) const {
    return DeviceStore(m_db).list(includeRetired);
}

Result<DeviceStatus> Logbook::deviceStatus(qint64 id) const {
    const QDate day = today();
    // Uses up to and including today.
    const auto state = DeviceStore(m_db).state(id, day.addDays(1));
    if (!state)
        return state.error();
    return dermaplan::deviceStatus(*state, m_rules, day);
}

Result<QList<DeviceStatus>> Logbook::deviceStatuses(bool includeRetired) const {
    const auto list = devices(includeRetired);
    if (!list)
        return list.error();
    QList<DeviceStatus> out;
    for (const Device& d : *list) {
        const auto status = deviceStatus(d.id);
        if (!status)
            return status.error();
        out << *status;
    }
    return out;
}

Result<Device> Logbook::device(qint64 id) const {
    return DeviceStore(m_db).get(id);
}

Result<qint64> Logbook::addDevice(const Device& device) {
    if (const auto valid = validateDevice(device, m_rules, today()); !valid)
        return valid.error();
    return written(DeviceStore(m_db).add(device));
}

Status Logbook::recordCleaning(qint64 id, const QDateTime& when) {
    return written(DeviceStore(m_db).recordCleaning(id, when));
}

Status Logbook::retireDevice(qint64 id, QDate day) {
    return written(DeviceStore(m_db).retire(id, day));
}

Status Logbook::updateDevice(const Device& device) {
    // Retiring, returning to use and their undo keep the first use the device was stored with,
    // even if the clock has since gone back a day: only what it is made of is checked again.
    if (const auto valid = validateDevice(device, m_rules, QDate()); !valid)
        return valid;
    return written(DeviceStore(m_db).update(device));
}

Result<qint64> Logbook::restoreDevice(const Device& device) {
    return written(DeviceStore(m_db).reinsert(device));
}

Status Logbook::removeDevice(qint64 id) {
    return written(DeviceStore(m_db).remove(id));
}

Status Logbook::removeCleaning(qint64 id, const QDateTime& when) {
    return written(DeviceStore(m_db).removeCleaning(id, when));
}

} // namespace dermaplan
