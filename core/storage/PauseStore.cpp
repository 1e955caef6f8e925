#include "PauseStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

namespace col {
enum { Id, FirstDay, LastDay, Area, Reason, Count };
} // namespace col
const QString kColumns =
    sql::selectList<col::Count>(std::array{u"id", u"first_day", u"last_day", u"area", u"reason"});

Pause readPause(const QSqlQuery& q) {
    Pause p;
    p.id = q.value(col::Id).toLongLong();
    p.from = QDate::fromString(q.value(col::FirstDay).toString(), Qt::ISODate);
    p.to = QDate::fromString(q.value(col::LastDay).toString(), Qt::ISODate);
    p.area = q.value(col::Area).toString();
    p.reason = q.value(col::Reason).toString();
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
        const auto reused = sql::reusesId(m_db, QStringLiteral("pauses"), pause.id, keepId);
        if (!reused)
            return reused.error();
        const bool withId = *reused;
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
    return sql::takeRowById(m_db, QStringLiteral("pauses"), QStringLiteral("pause"), id,
                            [this](qint64 row) { return get(row); });
}

Result<Pause> PauseStore::get(qint64 id) const {
    return sql::rowById(m_db, QStringLiteral("pauses"), kColumns, QStringLiteral("pause"), id,
                        readPause);
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
