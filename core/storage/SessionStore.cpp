#include "SessionStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SessionRow.h"
#include "SqlValues.h"
#include "SqliteStatement.h"
#include "domain/IsoDate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>
#include <type_traits>

namespace dermaplan {

namespace {

using sql::notNull;
using namespace sessionrow;
using sessionrow::bindSession; // beside the QSqlQuery one below

// Binds the written fields to a query's placeholders first, first + 1, ... (positional: Qt
// would otherwise map names to positions at every execution).
void bindSession(QSqlQuery& q, const Session& s, int first) {
    int at = first;
    putWritten(s, [&](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::optional<QString>>)
            q.bindValue(at++, value ? QVariant(*value) : QVariant(QMetaType(QMetaType::QString)));
        else if constexpr (std::is_same_v<T, std::optional<qint64>>)
            q.bindValue(at++, value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong)));
        else
            q.bindValue(at++, value);
    });
    Q_ASSERT(at - first == kWrittenCount);
}

Status writeContraindications(Database& db, QSqlDatabase& conn, qint64 id,
                              const QStringList& items) {
    QSqlQuery del(conn);
    del.prepare(QStringLiteral("DELETE FROM session_contraindications WHERE session_id = ?"));
    del.addBindValue(id);
    if (!del.exec())
        return db.sqlError(del.lastError(), QStringLiteral("saving the checklist"));
    QSqlQuery ins(conn);
    ins.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO session_contraindications (session_id, item) VALUES (?, ?)"));
    for (const QString& item : items) {
        ins.addBindValue(id);
        ins.addBindValue(item);
        if (!ins.exec())
            return db.sqlError(ins.lastError(), QStringLiteral("saving the checklist"));
    }
    return success();
}

// Inserts new sessions through statements prepared once and bound straight from the session's
// strings (SqliteStatement): an import stores 100,000 rows with one of these.
class SessionInserter {
public:
    SessionInserter(Database& db, const QSqlDatabase& conn, bool keepId)
        : m_db(db)
        , m_insert(conn, QStringLiteral("INSERT INTO sessions (%1uuid, %2, created_at, updated_at) "
                                        "VALUES (%3)")
                             .arg(keepId ? QStringLiteral("id, ") : QString(), written(),
                                  QStringList(kWrittenCount + (keepId ? 4 : 3), QStringLiteral("?"))
                                      .join(u',')))
        , m_item(conn, QStringLiteral("INSERT OR IGNORE INTO session_contraindications "
                                      "(session_id, item) VALUES (?, ?)"))
        , m_keepId(keepId) {}

    [[nodiscard]] Result<qint64> insert(const Session& s) {
        if (!m_insert.isValid() || !m_item.isValid())
            return m_db.sqlError(m_insert.isValid() ? m_item.lastError() : m_insert.lastError(),
                                 QStringLiteral("saving the session"));
        int at = 1;
        if (m_keepId)
            m_insert.bind(at++, s.id);
        m_insert.bind(at++, s.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                             : s.uuid);
        bindSession(m_insert, s, at);
        at += kWrittenCount;
        m_insert.bind(at++, m_now);
        m_insert.bind(at, m_now);
        if (!m_insert.run())
            return m_db.sqlError(m_insert.lastError(), QStringLiteral("saving the session"));
        const qint64 id = m_insert.lastInsertId();
        for (const QString& item : s.contraindications) {
            m_item.bind(1, id);
            m_item.bind(2, item);
            if (!m_item.run())
                return m_db.sqlError(m_item.lastError(), QStringLiteral("saving the checklist"));
        }
        return id;
    }

private:
    Database& m_db;
    SqliteStatement m_insert;
    SqliteStatement m_item;
    bool m_keepId = false;
    // The columns' default, taken once: SQLite would format the clock twice for every row.
    const QString m_now =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
};

// WHERE clause and bound values for a filter.
struct Where {
    QString sql;
    QVariantList values;
};

Where whereFor(const SessionFilter& f) {
    QStringList parts;
    Where w;
    if (f.area) {
        parts << QStringLiteral("area = ?");
        w.values << *f.area;
    }
    if (f.from) {
        parts << QStringLiteral("date >= ?");
        w.values << sql::dateBound(*f.from);
    }
    if (f.to) {
        parts << QStringLiteral("date <= ?");
        w.values << sql::dateBound(*f.to);
    }
    if (f.needle) {
        parts << QStringLiteral("needle_um = ?");
        w.values << f.needle->micrometres();
    }
    if (f.search && !f.search->isEmpty()) {
        QString pattern = *f.search;
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        parts << QStringLiteral(
            "(notes LIKE ? ESCAPE '\\' OR reaction LIKE ? ESCAPE '\\' OR products LIKE ? ESCAPE "
            "'\\' OR override_reason LIKE ? ESCAPE '\\')");
        w.values << pattern << pattern << pattern << pattern;
    }
    if (!parts.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return w;
}

} // namespace

Result<qint64> SessionStore::add(const Session& session) {
    return insertOne(session, false);
}

Result<QList<qint64>> SessionStore::addAll(const QList<Session>& sessions,
                                           const Progress& progress) {
    QList<qint64> ids;
    ids.reserve(sessions.size());
    auto done = addEach([&](const Store& store) -> Status {
        for (const Session& s : sessions) {
            const auto id = store(s);
            if (!id)
                return id.error();
            ids << *id;
            if (progress && !progress(ids.size(), sessions.size()))
                return cancelled();
        }
        return success();
    });
    if (!done)
        return done.error();
    return ids;
}

Error SessionStore::cancelled() const {
    return Error::inFile(m_db.path(), QStringLiteral("cancelled: nothing was imported"));
}

Status SessionStore::addEach(const std::function<Status(const Store& store)>& feed) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        // Up to 32 MiB of pages for the length of a large insert (SQLite's default is 2 MiB):
        // the indexes stay in memory instead of spilling into the log mid-way.
        QSqlQuery cache(conn);
        (void)cache.exec(QStringLiteral("PRAGMA cache_size=-32768"));
        const auto restoreCache =
            qScopeGuard([&] { (void)cache.exec(QStringLiteral("PRAGMA cache_size=-2000")); });
        SessionInserter inserter(m_db, conn, false);
        return feed([&inserter](const Session& s) { return inserter.insert(s); });
    });
}

Result<qint64> SessionStore::reinsert(const Session& session) {
    return insertOne(session, true);
}

Result<qint64> SessionStore::insertOne(const Session& session, bool putBack) {
    qint64 id = 0;
    auto done = m_db.write([&](QSqlDatabase& conn) -> Status {
        // SQLite hands a deleted row's id to the next insert: if a session logged since has
        // it, the one put back takes a new id (its uuid is what identifies it).
        const auto reused = sql::reusesId(m_db, QStringLiteral("sessions"), session.id, putBack);
        if (!reused)
            return reused.error();
        const bool keepId = *reused;
        auto inserted = SessionInserter(m_db, conn, keepId).insert(session);
        if (!inserted)
            return inserted.error();
        id = *inserted;
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Status SessionStore::update(const Session& session) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(
            QStringLiteral(
                "UPDATE sessions SET (%1) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), updated_at = "
                "strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ? AND (? = '' OR updated_at = ?)")
                .arg(written()));
        bindSession(q, session, 0);
        q.bindValue(kWrittenCount, session.id);
        // The version the edit started from: a change made meanwhile is not overwritten.
        q.bindValue(kWrittenCount + 1, notNull(session.updatedAt));
        q.bindValue(kWrittenCount + 2, notNull(session.updatedAt));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("updating the session"));
        if (q.numRowsAffected() != 1) {
            q.finish();
            const bool exists = get(session.id).ok();
            return Error::inFile(
                m_db.path(),
                exists ? QStringLiteral("the session of %1 was changed by another program "
                                        "since it was read; nothing was overwritten: "
                                        "open it again to see the change")
                             .arg(session.date.toString(Qt::ISODate))
                       : QStringLiteral("no session with id %1").arg(session.id));
        }
        return writeContraindications(m_db, conn, session.id, session.contraindications);
    });
}

Status SessionStore::remove(qint64 id) {
    return m_db.write([&](QSqlDatabase& conn) {
        return sql::deleteRowById(m_db, conn, QStringLiteral("sessions"), QStringLiteral("session"),
                                  id);
    });
}

Status SessionStore::removeEach(const QList<std::pair<qint64, QString>>& idsAndUuids) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ? AND uuid = ?"));
        for (const auto& [id, uuid] : idsAndUuids) {
            q.bindValue(0, id);
            q.bindValue(1, uuid);
            if (const auto removed = sql::execOnRowById(m_db, q, QStringLiteral("session"), id,
                                                        QStringLiteral("deleting the session"));
                !removed)
                return removed;
        }
        return success();
    });
}

namespace {

// The query for the sessions matching `filter`, in its order, with its values bound.
// `withItems`: a last column holds the checklist answers, ';'-separated.
// The answers the follow-up column lists: [[id, date, state, notes], ...].
QList<FollowUp> followUpsFromJson(qint64 sessionId, const QString& json) {
    QList<FollowUp> out;
    if (json.size() <= 2)
        return out; // "[]": the common case, no parse
    const QJsonArray rows = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& row : rows) {
        const QJsonArray r = row.toArray();
        FollowUp f;
        f.id = r.at(0).toInteger();
        f.sessionId = sessionId;
        f.date = QDate::fromString(r.at(1).toString(), Qt::ISODate);
        f.state = r.at(2).toString();
        f.notes = r.at(3).toString();
        out << f;
    }
    // SQLite does not promise to aggregate in the subquery's order.
    std::sort(out.begin(), out.end(), [](const FollowUp& a, const FollowUp& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    return out;
}

SqliteStatement prepareSelect(const QSqlDatabase& conn, const SessionFilter& filter, bool withItems,
                              bool withFollowUps = false) {
    const Where where = whereFor(filter);
    QString extras;
    if (withItems)
        extras += QStringLiteral(", (SELECT group_concat(item, ';') FROM (SELECT item FROM "
                                 "session_contraindications WHERE session_id = sessions.id ORDER "
                                 "BY item))");
    // A JSON array of [id, date, state, notes] per answer, oldest first: one row per session.
    if (withFollowUps)
        extras += QStringLiteral(", (SELECT json_group_array(json_array(id, date, state, notes)) "
                                 "FROM (SELECT id, date, state, notes FROM followups WHERE "
                                 "session_id = sessions.id ORDER BY date, id))");
    QString sql =
        QStringLiteral("SELECT %1%4 FROM sessions%2 ORDER BY date %3, COALESCE(time, '') %3, id %3")
            .arg(columns(), where.sql,
                 filter.newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC"), extras);
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
    SqliteStatement q(conn, sql);
    int at = 1;
    for (const QVariant& v : where.values)
        q.bind(at++, v);
    if (filter.limit >= 0) {
        q.bind(at++, qint64(filter.limit));
        q.bind(at, qint64(filter.offset));
    }
    return q;
}

} // namespace

Status SessionStore::forEach(const SessionFilter& filter,
                             const std::function<Status(const Session&)>& visit,
                             bool withFollowUps) const {
    SqliteStatement q = prepareSelect(m_db.connection(), filter, true, withFollowUps);
    if (!q.isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading sessions"));
    constexpr int kItems = col::Count; // the columns after columns()
    constexpr int kFollowUps = kItems + 1;
    while (q.next()) {
        Session s = readSession(q);
        s.contraindications = q.text(kItems).split(u';', Qt::SkipEmptyParts);
        if (withFollowUps)
            s.followUps = followUpsFromJson(s.id, q.text(kFollowUps));
        if (auto done = visit(s); !done)
            return done;
    }
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading sessions"));
    return success();
}

Result<QList<Session>> SessionStore::latestPerNeedle(const QString& area, QDate from) const {
    // Sessions without a time count as midnight, as comesBefore() orders them.
    SqliteStatement q(
        m_db.connection(),
        QStringLiteral(
            "SELECT %1 FROM sessions WHERE id IN (SELECT id FROM (SELECT id, row_number() "
            "OVER (PARTITION BY max(needle_um, COALESCE((SELECT d.needle_um FROM devices d "
            "WHERE d.id = s.device_id), 0)) ORDER BY date DESC, COALESCE(time, '00:00') "
            "DESC, id DESC) AS latest FROM sessions s WHERE area = ? AND date >= ?) WHERE "
            "latest = 1) ORDER BY date, COALESCE(time, '00:00'), id")
            .arg(columns()));
    q.bind(1, area);
    q.bind(2, sql::dateBound(from));
    QList<Session> out;
    while (q.next())
        out << readSession(q);
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading sessions"));
    return out;
}

Result<QList<Session>> SessionStore::list(const SessionFilter& filter, bool withFollowUps) const {
    SqliteStatement q = prepareSelect(m_db.connection(), filter, false, withFollowUps);
    constexpr int kFollowUps = col::Count; // the column after columns()
    QList<Session> out;
    while (q.next()) {
        out << readSession(q);
        if (withFollowUps)
            out.last().followUps = followUpsFromJson(out.last().id, q.text(kFollowUps));
    }
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading sessions"));
    if (out.isEmpty())
        return out;
    // The checklist answers, for these sessions only (a page, a window): by their ids through
    // the primary key, not the whole table; a long list (an export) reads the table once.
    QSqlQuery c(m_db.connection());
    c.setForwardOnly(true);
    constexpr qsizetype kFewSessions = 500;
    if (out.size() <= kFewSessions) {
        QStringList marks;
        marks.fill(QStringLiteral("?"), out.size());
        c.prepare(QStringLiteral("SELECT session_id, item FROM session_contraindications WHERE "
                                 "session_id IN (%1) ORDER BY session_id, item")
                      .arg(marks.join(u',')));
        for (const Session& s : std::as_const(out))
            c.addBindValue(s.id);
    } else {
        c.prepare(QStringLiteral(
            "SELECT session_id, item FROM session_contraindications ORDER BY session_id, item"));
    }
    if (!c.exec())
        return m_db.sqlError(c.lastError(), QStringLiteral("reading the checklist"));
    QHash<qint64, QStringList> items;
    while (c.next())
        items[c.value(0).toLongLong()] << c.value(1).toString();
    if (!items.isEmpty())
        for (Session& s : out)
            s.contraindications = items.value(s.id);
    return out;
}

Result<int> SessionStore::count(const SessionFilter& filter) const {
    const Where where = whereFor(filter);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM sessions") + where.sql);
    for (const QVariant& v : where.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return m_db.sqlError(q.lastError(), QStringLiteral("counting sessions"));
    return q.value(0).toInt();
}

Result<Session> SessionStore::get(qint64 id) const {
    Session s;
    {
        SqliteStatement q(m_db.connection(),
                          QStringLiteral("SELECT %1 FROM sessions WHERE id = ?").arg(columns()));
        q.bind(1, id);
        if (!q.next())
            return q.lastError().isValid()
                       ? m_db.sqlError(q.lastError(), QStringLiteral("reading a session"))
                       : Error::inFile(m_db.path(),
                                       QStringLiteral("no session with id %1").arg(id));
        s = readSession(q);
    }
    QSqlQuery c(m_db.connection());
    c.prepare(QStringLiteral(
        "SELECT item FROM session_contraindications WHERE session_id = ? ORDER BY item"));
    c.addBindValue(id);
    if (!c.exec())
        return m_db.sqlError(c.lastError(), QStringLiteral("reading the checklist"));
    while (c.next())
        s.contraindications << c.value(0).toString();
    return s;
}

Result<std::optional<Session>> SessionStore::findByUuid(const QString& uuid) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM sessions WHERE uuid = ?"));
    q.addBindValue(uuid);
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("looking up a session"));
    if (!q.next())
        return std::optional<Session>();
    const auto s = get(q.value(0).toLongLong());
    if (!s)
        return s.error();
    return std::optional<Session>(*s);
}

Result<QList<Session>> SessionStore::inArea(const QString& area) const {
    SessionFilter f;
    f.area = area;
    return list(f);
}

} // namespace dermaplan
