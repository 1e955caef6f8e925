#include "FollowUpStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SqlValues.h"
#include "domain/IsoDate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

namespace col {
enum { Id, SessionId, Date, State, Notes, Count };
} // namespace col
const QString kColumns =
    sql::selectList<col::Count>(std::array{u"id", u"session_id", u"date", u"state", u"notes"});

FollowUp readFollowUp(const QSqlQuery& q) {
    FollowUp f;
    f.id = q.value(col::Id).toLongLong();
    f.sessionId = q.value(col::SessionId).toLongLong();
    f.date = QDate::fromString(q.value(col::Date).toString(), Qt::ISODate);
    f.state = q.value(col::State).toString();
    f.notes = q.value(col::Notes).toString();
    return f;
}

// A list as one bound value, which SQLite's json_each() turns back into rows: one prepared
// statement for any number of ids or names.
QString jsonList(const QJsonArray& values) {
    return QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QList<FollowUp>> FollowUpStore::readAll(QSqlQuery& q) const {
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading follow-ups"));
    QList<FollowUp> out;
    while (q.next())
        out << readFollowUp(q);
    return out;
}

Result<qint64> FollowUpStore::add(const FollowUp& followUp) {
    return insert(followUp, false);
}

Result<qint64> FollowUpStore::reinsert(const FollowUp& followUp) {
    return insert(followUp, true);
}

Result<qint64> FollowUpStore::insert(const FollowUp& followUp, bool keepId) {
    qint64 id = 0;
    const Status done = m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery session(conn);
        session.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE id = ?"));
        session.addBindValue(followUp.sessionId);
        if (!session.exec())
            return m_db.sqlError(session.lastError(), QStringLiteral("reading the session"));
        if (!session.next())
            return Error::inField(QStringLiteral("session"),
                                  QStringLiteral("no session with id %1").arg(followUp.sessionId));
        const auto reused = sql::reusesId(m_db, QStringLiteral("followups"), followUp.id, keepId);
        if (!reused)
            return reused.error();
        const bool withId = *reused;
        QSqlQuery q(conn);
        q.prepare(withId ? QStringLiteral("INSERT INTO followups (id, session_id, date, state, "
                                          "notes) VALUES (:id, :session, :date, :state, :notes)")
                         : QStringLiteral("INSERT INTO followups (session_id, date, state, notes) "
                                          "VALUES (:session, :date, :state, :notes)"));
        if (withId)
            q.bindValue(QStringLiteral(":id"), followUp.id);
        q.bindValue(QStringLiteral(":session"), followUp.sessionId);
        q.bindValue(QStringLiteral(":date"), followUp.date.toString(Qt::ISODate));
        q.bindValue(QStringLiteral(":state"), sql::notNull(followUp.state));
        q.bindValue(QStringLiteral(":notes"), sql::notNull(followUp.notes));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("saving the follow-up"));
        id = q.lastInsertId().toLongLong();
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Status FollowUpStore::remove(qint64 id) {
    return m_db.write([&](QSqlDatabase& conn) {
        return sql::deleteRowById(m_db, conn, QStringLiteral("followups"),
                                  QStringLiteral("follow-up"), id);
    });
}

Result<FollowUp> FollowUpStore::get(qint64 id) const {
    return sql::rowById(m_db, QStringLiteral("followups"), kColumns, QStringLiteral("follow-up"),
                        id, readFollowUp);
}

Result<QList<FollowUp>> FollowUpStore::forSessions(const QList<qint64>& sessionIds) const {
    if (sessionIds.isEmpty())
        return QList<FollowUp>();
    QJsonArray ids;
    for (const qint64 id : sessionIds)
        ids.append(id);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM followups WHERE session_id IN (SELECT value FROM "
                             "json_each(?)) ORDER BY session_id, date, id")
                  .arg(kColumns));
    q.addBindValue(jsonList(ids));
    return readAll(q);
}

Result<QList<FollowUp>> FollowUpStore::ofSessionsThatMayHold(const HoldingQuery& query) const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT %1 FROM followups WHERE session_id IN ("
                  " SELECT f.session_id FROM followups f JOIN sessions s ON s.id = f.session_id"
                  " WHERE (:all OR s.area IN (SELECT value FROM json_each(:areas)))"
                  " AND (f.state IN (SELECT value FROM json_each(:holding))"
                  "  OR (f.state IN (SELECT value FROM json_each(:lasting))"
                  "   AND julianday(f.date) - julianday(s.date) >= :lastingDays))"
                  // The latest answer ended the reaction before the day asked about: it is over.
                  " AND NOT EXISTS (SELECT 1 FROM (SELECT l.state, l.date FROM followups l"
                  "  WHERE l.session_id = f.session_id ORDER BY l.date DESC, l.id DESC LIMIT 1)"
                  "  AS latest WHERE latest.date < :endedBefore"
                  "  AND (latest.state IN (SELECT value FROM json_each(:ending))"
                  // One that ends only a lasting reaction ends nothing after a holding answer.
                  "   OR (latest.state IN (SELECT value FROM json_each(:endingLasting))"
                  "    AND NOT EXISTS (SELECT 1 FROM followups h WHERE h.session_id = f.session_id"
                  "     AND h.state IN (SELECT value FROM json_each(:holding)))))))"
                  " ORDER BY session_id, date, id")
                  .arg(kColumns));
    q.bindValue(QStringLiteral(":all"), query.areas.isEmpty() ? 1 : 0);
    q.bindValue(QStringLiteral(":areas"), jsonList(QJsonArray::fromStringList(query.areas)));
    q.bindValue(QStringLiteral(":holding"), jsonList(QJsonArray::fromStringList(query.holding)));
    q.bindValue(QStringLiteral(":lasting"), jsonList(QJsonArray::fromStringList(query.lasting)));
    q.bindValue(QStringLiteral(":lastingDays"), query.lastingAfterDays);
    q.bindValue(QStringLiteral(":ending"), jsonList(QJsonArray::fromStringList(query.ending)));
    q.bindValue(QStringLiteral(":endingLasting"),
                jsonList(QJsonArray::fromStringList(query.endingLasting)));
    q.bindValue(QStringLiteral(":endedBefore"), sql::dateBound(query.endedBefore));
    return readAll(q);
}

} // namespace dermaplan
