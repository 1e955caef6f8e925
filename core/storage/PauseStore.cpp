#include "PauseStore.h"

#include "Database.h"
#include "SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

const QString kColumns = QStringLiteral("id, first_day, last_day, area, reason");

Pause readPause(const QSqlQuery& q) {
    Pause p;
    p.id = q.value(0).toLongLong();
    p.from = QDate::fromString(q.value(1).toString(), Qt::ISODate);
    p.to = QDate::fromString(q.value(2).toString(), Qt::ISODate);
    p.area = q.value(3).toString();
    p.reason = q.value(4).toString();
    return p;
}

} // namespace

Result<qint64> PauseStore::add(const Pause& pause) {
    return insert(pause, false);
}

Result<qint64> PauseStore::reinsert(const Pause& pause) {
    return insert(pause, true);
}

Result<qint64> PauseStore::insert(const Pause& pause, bool keepId) {
    qint64 id = 0;
    const Status done = m_db.write([&](QSqlDatabase& conn) -> Status {
        const bool withId = keepId && pause.id > 0 && !get(pause.id);
        QSqlQuery q(conn);
        q.prepare(withId ? QStringLiteral("INSERT INTO pauses (id, first_day, last_day, area, "
                                          "reason) VALUES (:id, :from, :to, :area, :reason)")
                         : QStringLiteral("INSERT INTO pauses (first_day, last_day, area, reason) "
                                          "VALUES (:from, :to, :area, :reason)"));
        if (withId)
            q.bindValue(QStringLiteral(":id"), pause.id);
        q.bindValue(QStringLiteral(":from"), pause.from.toString(Qt::ISODate));
        q.bindValue(QStringLiteral(":to"), pause.to.toString(Qt::ISODate));
        q.bindValue(QStringLiteral(":area"), sql::notNull(pause.area));
        q.bindValue(QStringLiteral(":reason"), sql::notNull(pause.reason));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("saving the pause"));
        id = q.lastInsertId().toLongLong();
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Result<Pause> PauseStore::remove(qint64 id) {
    Pause removed;
    const Status done = m_db.write([&](QSqlDatabase& conn) -> Status {
        auto pause = get(id);
        if (!pause)
            return pause.error();
        removed = *pause;
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("DELETE FROM pauses WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("removing the pause"));
        if (q.numRowsAffected() != 1)
            return Error::inFile(m_db.path(), QStringLiteral("no pause with id %1").arg(id));
        return success();
    });
    if (!done)
        return done.error();
    return removed;
}

Result<Pause> PauseStore::get(qint64 id) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM pauses WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading a pause"));
    if (!q.next())
        return Error::inFile(m_db.path(), QStringLiteral("no pause with id %1").arg(id));
    return readPause(q);
}

Result<QList<Pause>> PauseStore::endingFrom(QDate from) const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM pauses WHERE last_day >= ? ORDER BY first_day, id")
                  .arg(kColumns));
    q.addBindValue(from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("0000-01-01"));
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading pauses"));
    QList<Pause> out;
    while (q.next())
        out << readPause(q);
    return out;
}

} // namespace dermaplan
