#include "ImportSpool.h"

#include "SessionRow.h"
#include "SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace dermaplan {

namespace {

// The spool's own tables. `sessions` has the log's columns (sessionrow reads and binds both) and
// `devices` stays empty: a file's device ids mean nothing here, so a spooled session has no
// device needle.
const QStringList& schema() {
    static const QStringList statements{
        QStringLiteral("CREATE TABLE sessions (id INTEGER PRIMARY KEY, line INTEGER NOT NULL, "
                       "uuid TEXT NOT NULL, date TEXT NOT NULL, time TEXT, area TEXT NOT NULL, "
                       "zones TEXT NOT NULL, needle_um INTEGER NOT NULL, performed_by TEXT NOT "
                       "NULL, device_id INTEGER, pain INTEGER, reaction TEXT NOT NULL, products "
                       "TEXT NOT NULL, notes TEXT NOT NULL, override_reason TEXT NOT NULL, "
                       "rule_broken TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT '', items "
                       "TEXT NOT NULL, answers INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE devices (id INTEGER PRIMARY KEY, needle_um INTEGER)"),
        QStringLiteral("CREATE TABLE followups (session INTEGER NOT NULL, date TEXT NOT NULL, "
                       "state TEXT NOT NULL, notes TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX followups_by_session ON followups(session)"),
        QStringLiteral("CREATE TABLE present (session INTEGER PRIMARY KEY)"),
        QStringLiteral("CREATE TABLE flags (session INTEGER PRIMARY KEY, message TEXT NOT NULL)"),
    };
    return statements;
}

// The columns read after columns(): the checklist (both walks), then the answers and the flag
// (forEachToStore).
constexpr int kItems = sessionrow::col::Count;
constexpr int kAnswers = kItems + 1;
constexpr int kFlag = kItems + 2;

} // namespace

struct ImportSpool::Statements {
    explicit Statements(const QSqlDatabase& db)
        : session(db,
                  QStringLiteral("INSERT INTO sessions (id, line, uuid, %1, items, answers) "
                                 "VALUES (?, ?, ?, %2, ?, ?)")
                      .arg(sessionrow::written(),
                           QStringList(sessionrow::kWrittenCount, QStringLiteral("?")).join(u',')))
        , answer(db, QStringLiteral(
                         "INSERT INTO followups (session, date, state, notes) VALUES (?, ?, ?, ?)"))
        , present(db, QStringLiteral("INSERT OR IGNORE INTO present (session) VALUES (?)"))
        , flag(db, QStringLiteral("INSERT OR REPLACE INTO flags (session, message) VALUES (?, ?)"))
        , answersOf(db, QStringLiteral("SELECT date, state, notes FROM followups WHERE session = ? "
                                       "ORDER BY rowid")) {}
    SqliteStatement session;
    SqliteStatement answer;
    SqliteStatement present;
    SqliteStatement flag;
    SqliteStatement answersOf;
};

ImportSpool::ImportSpool(QString connectionName)
    : m_connectionName(std::move(connectionName)) {}

ImportSpool::~ImportSpool() {
    m_statements.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<ImportSpool>> ImportSpool::create() {
    const QString name =
        QStringLiteral("dermaplan-spool-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<ImportSpool> spool(new ImportSpool(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    // An empty name: SQLite's private temporary database, removed when closed (and never left
    // behind: its file is unlinked as soon as it is made).
    db.setDatabaseName(QString());
    if (!db.open())
        return spool->sqlError(db.lastError().text(), QStringLiteral("making the import's spool"));
    // Nothing here outlives the import: no journal, no syncs; 16 MiB of pages at most.
    for (const QString& pragma :
         {u"PRAGMA journal_mode=OFF"_s, u"PRAGMA synchronous=OFF"_s, u"PRAGMA cache_size=-16384"_s})
        if (auto done = spool->exec(pragma, QStringLiteral("making the import's spool")); !done)
            return done.error();
    for (const QString& statement : schema())
        if (auto done = spool->exec(statement, QStringLiteral("making the import's spool")); !done)
            return done.error();
    spool->m_statements = std::make_unique<Statements>(db);
    const Statements& s = *spool->m_statements;
    for (const SqliteStatement* statement :
         {&s.session, &s.answer, &s.present, &s.flag, &s.answersOf})
        if (!statement->isValid())
            return spool->sqlError(statement->lastError().text(),
                                   QStringLiteral("making the import's spool"));
    return spool;
}

Error ImportSpool::sqlError(const QString& message, const QString& doing) const {
    return Error::plain(QStringLiteral("%1: %2").arg(doing, message));
}

Status ImportSpool::exec(const QString& sql, const QString& doing) {
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(sql))
        return sqlError(q.lastError().text(), doing);
    return success();
}

Status ImportSpool::beginWriting() {
    if (m_writing)
        return success();
    auto begun = exec(QStringLiteral("BEGIN"), QStringLiteral("writing the import's spool"));
    m_writing = begun.ok();
    return begun;
}

Status ImportSpool::add(const Session& session, int line) {
    const QString doing = QStringLiteral("spooling the import");
    if (auto begun = beginWriting(); !begun)
        return begun;
    SqliteStatement& insert = m_statements->session;
    const qint64 id = ++m_size;
    insert.bind(1, id);
    insert.bind(2, qint64(line));
    insert.bind(3, sql::notNull(session.uuid));
    sessionrow::bindSession(insert, session, 4);
    insert.bind(4 + sessionrow::kWrittenCount, session.contraindications.join(u';'));
    insert.bind(5 + sessionrow::kWrittenCount, session.followUps.size());
    if (!insert.run())
        return sqlError(insert.lastError().text(), doing);
    SqliteStatement& answer = m_statements->answer;
    for (const FollowUp& f : session.followUps) {
        answer.bind(1, id);
        answer.bind(2, isoDateText(f.date));
        answer.bind(3, sql::notNull(f.state));
        answer.bind(4, sql::notNull(f.notes));
        if (!answer.run())
            return sqlError(answer.lastError().text(), doing);
    }
    return success();
}

Status ImportSpool::ensureCommitted() {
    if (!m_writing)
        return success();
    m_writing = false;
    return exec(QStringLiteral("COMMIT"), QStringLiteral("spooling the import"));
}

Result<QList<std::pair<int, QString>>> ImportSpool::repeatedUuids(int limit) {
    if (auto committed = ensureCommitted(); !committed)
        return committed.error();
    SqliteStatement q(QSqlDatabase::database(m_connectionName, false),
                      QStringLiteral("SELECT line, uuid FROM (SELECT line, uuid, row_number() OVER "
                                     "(PARTITION BY uuid ORDER BY id) AS n FROM sessions WHERE "
                                     "uuid != '') WHERE n > 1 ORDER BY line LIMIT ?"));
    q.bind(1, qint64(limit));
    QList<std::pair<int, QString>> out;
    while (q.next())
        out.append({int(q.integer(0)), q.text(1)});
    if (q.lastError().isValid())
        return sqlError(q.lastError().text(), QStringLiteral("reading the import's spool"));
    return out;
}

Status ImportSpool::forEachByArea(const std::function<Status(const Session&)>& visit) {
    if (auto committed = ensureCommitted(); !committed)
        return committed;
    SqliteStatement q(QSqlDatabase::database(m_connectionName, false),
                      QStringLiteral("SELECT %1, items FROM sessions ORDER BY area, date, id")
                          .arg(sessionrow::columns()));
    while (q.next()) {
        // The checklist too: a ticked item may refuse the session.
        Session s = sessionrow::readSession(q);
        s.contraindications = q.text(kItems).split(u';', Qt::SkipEmptyParts);
        if (auto done = visit(s); !done)
            return done;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError().text(), QStringLiteral("reading the import's spool"));
    return success();
}

Status ImportSpool::markPresent(qint64 id) {
    if (auto begun = beginWriting(); !begun)
        return begun;
    m_statements->present.bind(1, id);
    if (!m_statements->present.run())
        return sqlError(m_statements->present.lastError().text(),
                        QStringLiteral("writing the import's spool"));
    return success();
}

Status ImportSpool::flag(qint64 id, const QString& message) {
    if (auto begun = beginWriting(); !begun)
        return begun;
    m_statements->flag.bind(1, id);
    m_statements->flag.bind(2, message);
    if (!m_statements->flag.run())
        return sqlError(m_statements->flag.lastError().text(),
                        QStringLiteral("writing the import's spool"));
    return success();
}

Status ImportSpool::forEachToStore(const std::function<Status(const Session&)>& visit) {
    if (auto committed = ensureCommitted(); !committed)
        return committed;
    SqliteStatement q(QSqlDatabase::database(m_connectionName, false),
                      QStringLiteral("SELECT %1, items, answers, (SELECT message FROM flags WHERE "
                                     "session = sessions.id) FROM sessions WHERE id NOT IN "
                                     "(SELECT session FROM present) ORDER BY date, id")
                          .arg(sessionrow::columns()));
    SqliteStatement& answers = m_statements->answersOf;
    while (q.next()) {
        Session s = sessionrow::readSession(q);
        s.contraindications = q.text(kItems).split(u';', Qt::SkipEmptyParts);
        if (!q.isNull(kFlag))
            s.ruleBroken = q.text(kFlag);
        if (q.integer(kAnswers) > 0) {
            answers.bind(1, s.id);
            while (answers.next())
                s.followUps << FollowUp{0, 0, isoDateFromText(answers.text(0)), answers.text(1),
                                        answers.text(2)};
            if (answers.lastError().isValid())
                return sqlError(answers.lastError().text(),
                                QStringLiteral("reading the import's spool"));
        }
        if (auto done = visit(s); !done)
            return done;
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError().text(), QStringLiteral("reading the import's spool"));
    return success();
}

Result<QList<Session>> ImportSpool::flagged(int limit) {
    if (auto committed = ensureCommitted(); !committed)
        return committed.error();
    SqliteStatement q(QSqlDatabase::database(m_connectionName, false),
                      QStringLiteral("SELECT %1, f.message FROM sessions JOIN flags f ON "
                                     "f.session = sessions.id ORDER BY date, id LIMIT ?")
                          .arg(sessionrow::columns()));
    q.bind(1, qint64(limit));
    QList<Session> out;
    while (q.next()) {
        out << sessionrow::readSession(q);
        out.last().ruleBroken = q.text(sessionrow::col::Count);
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError().text(), QStringLiteral("reading the import's spool"));
    return out;
}

} // namespace dermaplan
