#pragma once

#include "Result.h"
#include "domain/Device.h"

#include <QDateTime>
#include <QList>

namespace dermaplan {

class Database;

// Rollers, stamps and pens, with their cleaning log. Uses are counted from the sessions logged
// with a device, never stored twice.
class DeviceStore {
public:
    explicit DeviceStore(Database& db)
        : m_db(db) {}

    [[nodiscard]] Result<qint64> add(const Device& device);
    // Puts back a removed device (undo), with its id when that is free; returns its id.
    [[nodiscard]] Result<qint64> reinsert(const Device& device);
    // Removes a device and its cleanings; refused while sessions were logged with it (retire it
    // instead: history keeps its device).
    [[nodiscard]] Status remove(qint64 id);
    [[nodiscard]] Status update(const Device& device);
    [[nodiscard]] Status retire(qint64 id, QDate day);
    [[nodiscard]] Status recordCleaning(qint64 id, const QDateTime& when);
    // Takes back one cleaning recorded at `when` (undo).
    [[nodiscard]] Status removeCleaning(qint64 id, const QDateTime& when);
    [[nodiscard]] Result<Device> get(qint64 id) const;
    [[nodiscard]] Result<QList<Device>> list(bool includeRetired) const;
    [[nodiscard]] Result<QList<QDateTime>> cleanings(qint64 id) const;
    // Every device's cleanings, by device and time (an export carries them).
    [[nodiscard]] Result<QList<Cleaning>> allCleanings() const;
    // The device with its uses logged before `before` (other than the session `excludeSession`)
    // and its last cleaning.
    [[nodiscard]] Result<DeviceState> state(qint64 id, QDate before,
                                            qint64 excludeSession = 0) const;

private:
    [[nodiscard]] Result<qint64> insert(const Device& device, bool keepId);

    Database& m_db;
};

} // namespace dermaplan
