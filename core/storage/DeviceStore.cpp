#include "DeviceStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SqlValues.h"
#include "domain/IsoDate.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

using sql::notNull;

namespace col {
enum { Id, Name, Kind, NeedleUm, NeedleCount, FirstUse, RetiredOn, Count };
} // namespace col
const QString kColumns = sql::selectList<col::Count>(std::array{
    u"id", u"name", u"kind", u"needle_um", u"needle_count", u"first_use", u"retired_on"});

void bindDevice(QSqlQuery& q, const Device& d) {
    q.bindValue(QStringLiteral(":name"), notNull(d.name));
    q.bindValue(QStringLiteral(":kind"), notNull(d.kind));
    q.bindValue(QStringLiteral(":needle"), d.needle.micrometres());
    q.bindValue(QStringLiteral(":count"), d.needleCount);
    q.bindValue(QStringLiteral(":first"), d.firstUse.isValid()
                                              ? QVariant(d.firstUse.toString(Qt::ISODate))
                                              : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(QStringLiteral(":retired"), d.retiredOn
                                                ? QVariant(d.retiredOn->toString(Qt::ISODate))
                                                : QVariant(QMetaType(QMetaType::QString)));
}

Device readDevice(const QSqlQuery& q) {
    Device d;
    d.id = q.value(col::Id).toLongLong();
    d.name = q.value(col::Name).toString();
    d.kind = q.value(col::Kind).toString();
    d.needle = NeedleLength::fromMicrometres(q.value(col::NeedleUm).toInt());
    d.needleCount = q.value(col::NeedleCount).toInt();
    if (!q.value(col::FirstUse).isNull())
        d.firstUse = QDate::fromString(q.value(col::FirstUse).toString(), Qt::ISODate);
    if (!q.value(col::RetiredOn).isNull())
        d.retiredOn = QDate::fromString(q.value(col::RetiredOn).toString(), Qt::ISODate);
    return d;
}

} // namespace

Result<qint64> DeviceStore::add(const Device& device) {
    return insert(device, false);
}

Result<qint64> DeviceStore::reinsert(const Device& device) {
    return insert(device, true);
}

Result<qint64> DeviceStore::insert(const Device& device, bool keepId) {
    qint64 id = 0;
    auto done = m_db.write([&](QSqlDatabase& conn) -> Status {
        // A removed row's id may have been taken since: then the device gets a new one.
        const auto reused = sql::reusesId(m_db, QStringLiteral("devices"), device.id, keepId);
        if (!reused)
            return reused.error();
        const bool withId = *reused;
        QSqlQuery q(conn);
        q.prepare(withId ? QStringLiteral("INSERT INTO devices (id, name, kind, needle_um, "
                                          "needle_count, first_use, retired_on) VALUES (:id, "
                                          ":name, :kind, :needle, :count, :first, :retired)")
                         : QStringLiteral("INSERT INTO devices (name, kind, needle_um, "
                                          "needle_count, first_use, retired_on) VALUES (:name, "
                                          ":kind, :needle, :count, :first, :retired)"));
        bindDevice(q, device);
        if (withId)
            q.bindValue(QStringLiteral(":id"), device.id);
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("saving the device"));
        id = q.lastInsertId().toLongLong();
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Status DeviceStore::remove(qint64 id) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE device_id = ?"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return m_db.sqlError(q.lastError(), QStringLiteral("reading the device's sessions"));
        if (q.value(0).toInt() > 0)
            return Error::inField(
                QStringLiteral("device"),
                QStringLiteral("sessions were logged with this device: retire it instead"));
        q.prepare(QStringLiteral("DELETE FROM device_cleanings WHERE device_id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("removing the device's cleanings"));
        return sql::deleteRowById(m_db, conn, QStringLiteral("devices"), QStringLiteral("device"),
                                  id);
    });
}

Status DeviceStore::update(const Device& device) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral(
            "UPDATE devices SET name = :name, kind = :kind, needle_um = :needle, needle_count = "
            ":count, first_use = :first, retired_on = :retired WHERE id = :id"));
        bindDevice(q, device);
        q.bindValue(QStringLiteral(":id"), device.id);
        return sql::execOnRowById(m_db, q, QStringLiteral("device"), device.id,
                                  QStringLiteral("updating the device"));
    });
}

Status DeviceStore::retire(qint64 id, QDate day) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("UPDATE devices SET retired_on = ? WHERE id = ?"));
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(id);
        return sql::execOnRowById(m_db, q, QStringLiteral("device"), id,
                                  QStringLiteral("retiring the device"));
    });
}

// Cleanings are kept to the minute (isoMinuteText): that is how people say when they cleaned, and
// how every face shows it.
Status DeviceStore::recordCleaning(qint64 id, const QDateTime& when) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(
            QStringLiteral("INSERT INTO device_cleanings (device_id, cleaned_at) VALUES (?, ?)"));
        q.addBindValue(id);
        q.addBindValue(isoMinuteText(when));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("recording the cleaning"));
        return success();
    });
}

Status DeviceStore::removeCleaning(qint64 id, const QDateTime& when) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral(
            "DELETE FROM device_cleanings WHERE rowid = (SELECT rowid FROM device_cleanings WHERE "
            "device_id = ? AND cleaned_at = ? LIMIT 1)"));
        q.addBindValue(id);
        q.addBindValue(isoMinuteText(when));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("taking back the cleaning"));
        if (q.numRowsAffected() != 1)
            return Error::inFile(m_db.path(),
                                 QStringLiteral("no such cleaning of device %1").arg(id));
        return success();
    });
}

Result<Device> DeviceStore::get(qint64 id) const {
    return sql::rowById(m_db, QStringLiteral("devices"), kColumns, QStringLiteral("device"), id,
                        readDevice);
}

Result<QList<Device>> DeviceStore::list(bool includeRetired) const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM devices%2 ORDER BY id")
                    .arg(kColumns,
                         includeRetired ? QString() : QStringLiteral(" WHERE retired_on IS NULL"))))
        return m_db.sqlError(q.lastError(), QStringLiteral("reading devices"));
    QList<Device> out;
    while (q.next())
        out << readDevice(q);
    return out;
}

Result<QList<QDateTime>> DeviceStore::cleanings(qint64 id) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT cleaned_at FROM device_cleanings WHERE device_id = ? ORDER BY cleaned_at"));
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading cleanings"));
    QList<QDateTime> out;
    while (q.next())
        out << QDateTime::fromString(q.value(0).toString(), Qt::ISODate);
    return out;
}

Result<QList<Cleaning>> DeviceStore::allCleanings() const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT device_id, cleaned_at FROM device_cleanings ORDER BY device_id, cleaned_at"));
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading cleanings"));
    QList<Cleaning> out;
    while (q.next())
        out << Cleaning{q.value(0).toLongLong(),
                        QDateTime::fromString(q.value(1).toString(), Qt::ISODate)};
    return out;
}

Result<DeviceState> DeviceStore::state(qint64 id, QDate before, qint64 excludeSession) const {
    const auto device = get(id);
    if (!device)
        return device.error();
    DeviceState state;
    state.device = *device;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT COUNT(*), MIN(date), MAX(date || 'T' || COALESCE(time, '00:00')) FROM sessions "
        "WHERE device_id = ? AND date < ? "
        "AND id != ?"));
    q.addBindValue(id);
    q.addBindValue(before.toString(Qt::ISODate));
    q.addBindValue(excludeSession);
    if (!q.exec() || !q.next())
        return m_db.sqlError(q.lastError(), QStringLiteral("counting uses"));
    state.usesSoFar = q.value(0).toInt();
    if (!q.value(2).isNull())
        state.lastUsed = QDateTime::fromString(q.value(2).toString(), Qt::ISODate);
    // Without a recorded first use, the first session with it counts as one.
    if (!state.device.firstUse.isValid() && !q.value(1).isNull())
        state.device.firstUse = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    q.finish();
    QSqlQuery c(m_db.connection());
    c.prepare(QStringLiteral("SELECT MAX(cleaned_at) FROM device_cleanings WHERE device_id = ?"));
    c.addBindValue(id);
    if (!c.exec() || !c.next())
        return m_db.sqlError(c.lastError(), QStringLiteral("reading cleanings"));
    if (!c.value(0).isNull())
        state.lastCleaned = QDateTime::fromString(c.value(0).toString(), Qt::ISODate);
    return state;
}

} // namespace dermaplan
