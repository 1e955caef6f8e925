// Opening, refusing, migrating and checking database files: real files in temporary folders.
#include "StorageTestSupport.h"
#include "TestSupport.h"

#include "storage/Backups.h"
#include "storage/FollowUpStore.h"
#include "storage/SessionStore.h"
#include "storage/VerifiedFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <random>

using namespace dermaplan;
using namespace dermaplan::test;

namespace dermaplan::test {
Session sampleSession(const QString& area, QDate date) {
    Session s;
    s.area = area;
    s.date = date;
    s.needle = NeedleLength::fromMillimetres(0.5);
    s.notes = QStringLiteral("sample");
    return s;
}
} // namespace dermaplan::test

namespace {

class DatabaseTest : public StorageTest {
protected:
    // Opens `file`, expects a refusal naming the file and containing `problem`, and checks that
    // nothing was written: same bytes, no journal files.
    void expectRefusedUntouched(const QString& file, const QString& problem) {
        const QByteArray before = bytes(file);
        auto db = Database::open(file, kToday);
        ASSERT_FALSE(db) << "opened a file that should be refused";
        const QString message = db.error().toString();
        EXPECT_TRUE(message.contains(file)) << message.toStdString();
        EXPECT_TRUE(message.contains(problem, Qt::CaseInsensitive)) << message.toStdString();
        EXPECT_EQ(bytes(file), before) << "the refused file was modified";
        for (const char* suffix : {"-wal", "-shm", "-journal"})
            EXPECT_FALSE(QFileInfo::exists(file + QString::fromLatin1(suffix))) << suffix;
    }

    void writeFile(const QString& file, const QByteArray& content) {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
};

} // namespace

namespace {

// How SQLite reads what readiness needs of an area's window (SessionStore::latestPerNeedle):
// the needle, device and time of each session since a date.
QString readinessScanPlan(const Database& db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id, needle_um, device_id, time FROM "
                               "sessions WHERE area = 'face' AND date >= '2024-01-01'")))
        return q.lastError().text();
    QString plan;
    while (q.next())
        plan += q.value(3).toString() + u'\n';
    return plan;
}

} // namespace

TEST_F(DatabaseTest, ReadinessReadsTheAreaIndexAloneInANewAndAnUpgradedFile) {
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    EXPECT_TRUE(readinessScanPlan(*db).contains(u"COVERING INDEX sessions_by_area_date"))
        << readinessScanPlan(*db).toStdString();
    const QString copy = path(QStringLiteral("v2.sqlite"));
    ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v2.sqlite")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    auto upgraded = openOrFail(copy);
    ASSERT_TRUE(upgraded);
    EXPECT_TRUE(readinessScanPlan(*upgraded).contains(u"COVERING INDEX sessions_by_area_date"))
        << readinessScanPlan(*upgraded).toStdString();
    EXPECT_EQ(SessionStore(*upgraded).list({})->size(), 2);
}

TEST_F(DatabaseTest, CreatesANewFileOwnerOnlyWithWalAndForeignKeys) {
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    EXPECT_EQ(QFileInfo(path()).permissions() &
                  (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
              QFile::Permissions());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("wal"));
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 2); // FULL
    EXPECT_EQ(db->schemaVersion(), Database::currentSchemaVersion);
    EXPECT_TRUE(db->checkIntegrity());
}

TEST_F(DatabaseTest, AnAdoptedFileEndsOwnerOnlyWithItsLog) {
    constexpr auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                          QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    const QString empty = path(QStringLiteral("empty.sqlite"));
    ASSERT_TRUE(QFile(empty).open(QIODevice::WriteOnly));
    ASSERT_TRUE(QFile::setPermissions(empty, open));
    const QString existing = path(QStringLiteral("existing.sqlite"));
    { ASSERT_TRUE(openOrFail(existing)); }
    ASSERT_TRUE(QFile::setPermissions(existing, open & ~(QFile::WriteGroup | QFile::WriteOther)));
    for (const QString& file : {empty, existing}) {
        auto db = openOrFail(file);
        ASSERT_TRUE(db);
        for (const QString& f :
             {file, file + QStringLiteral("-wal"), file + QStringLiteral("-shm")})
            EXPECT_EQ(QFileInfo(f).permissions() & open, QFile::ReadOwner | QFile::WriteOwner)
                << f.toStdString();
    }
}

TEST_F(DatabaseTest, CreatesMissingFolders) {
    const QString nested = m_dir.filePath(QStringLiteral("a/b/c/dermaplan.sqlite"));
    EXPECT_TRUE(openOrFail(nested));
    EXPECT_TRUE(QFileInfo::exists(nested));
}

TEST_F(DatabaseTest, RefusesATextFileAndLeavesItByteIdentical) {
    writeFile(path(), "just some notes, not a database\n");
    expectRefusedUntouched(path(), QStringLiteral("not a database"));
}

TEST_F(DatabaseTest, RefusesRandomBytesAndLeavesThemByteIdentical) {
    QByteArray garbage(16384, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    writeFile(path(), garbage);
    expectRefusedUntouched(path(), QStringLiteral("not a database"));
}

TEST_F(DatabaseTest, RefusesATruncatedDatabase) {
    {
        auto db = openOrFail(path());
        SessionStore store(*db);
        for (int i = 0; i < 200; ++i) {
            Session s = sampleSession(QStringLiteral("body"), kToday.addDays(-i));
            s.notes = QString(400, u'x');
            ASSERT_TRUE(store.add(s));
        }
    }
    ASSERT_FALSE(QFileInfo::exists(path() + QStringLiteral("-wal")))
        << "closing should checkpoint the log";
    QFile f(path());
    const qint64 size = f.size();
    ASSERT_GT(size, 8192);
    ASSERT_TRUE(f.resize(size / 2));
    expectRefusedUntouched(path(), QStringLiteral("damaged"));
}

TEST_F(DatabaseTest, RefusesADatabaseWithDamagedPages) {
    {
        auto db = openOrFail(path());
        SessionStore store(*db);
        for (int i = 0; i < 200; ++i) {
            Session s = sampleSession(QStringLiteral("body"), kToday.addDays(-i));
            s.notes = QString(400, u'y');
            ASSERT_TRUE(store.add(s));
        }
    }
    QByteArray content = bytes(path());
    // Overwrite the middle pages (not the header) with garbage.
    for (qsizetype i = content.size() / 3; i < content.size() * 2 / 3; ++i)
        content[i] = char(i % 256);
    writeFile(path(), content);
    expectRefusedUntouched(path(), QStringLiteral("damaged"));
}

TEST_F(DatabaseTest, RefusesADirectory) {
    ASSERT_TRUE(QDir().mkpath(path()));
    auto db = Database::open(path(), kToday);
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().toString().contains(QStringLiteral("directory")));
    EXPECT_TRUE(QFileInfo(path()).isDir());
}

TEST_F(DatabaseTest, RefusesANewerSchemaFixtureAndLeavesItByteIdentical) {
    const QString copy = path(QStringLiteral("newer.sqlite"));
    ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v99.sqlite")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    expectRefusedUntouched(copy, QStringLiteral("newer version"));
}

TEST_F(DatabaseTest, RefusalPointsToTheNewestBackup) {
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession())); // first write of the day: daily backup
    }
    {
        auto db = openOrFail(path(), kToday.addDays(1));
        ASSERT_TRUE(SessionStore(*db).add(sampleSession(QStringLiteral("scalp"))));
    }
    writeFile(path(), "overwritten by accident");
    auto db = Database::open(path(), kToday);
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("backups/dermaplan-2026-11-25.sqlite")))
        << db.error().message.toStdString();
}

TEST_F(DatabaseTest, OpensTheSchemaVersion1FixtureAndReadsItsRows) {
    const QString copy = path(QStringLiteral("v1.sqlite"));
    ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v1.sqlite")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    auto db = openOrFail(copy);
    ASSERT_TRUE(db);
    const auto sessions = SessionStore(*db).list({});
    ASSERT_TRUE(sessions);
    ASSERT_EQ(sessions->size(), 2);
    EXPECT_EQ(sessions->at(0).notes, QStringLiteral("fixture, with a comma"));
    EXPECT_EQ(sessions->at(0).time, QTime(21, 15));
    EXPECT_EQ(sessions->at(0).contraindications, QStringList{QStringLiteral("darker-skin")});
    EXPECT_EQ(sessions->at(1).zones,
              (QStringList{QStringLiteral("crown"), QStringLiteral("hairline")}));
    EXPECT_EQ(db->schemaVersion(), Database::currentSchemaVersion) << "upgraded on open";
    EXPECT_EQ(db->databaseUuid().size(), 32);
    EXPECT_TRUE(db->checkIntegrity());
    bool backedUp = false;
    for (const QString& b : db->backups())
        backedUp |= b.contains(QStringLiteral("before-migration-v1"));
    EXPECT_TRUE(backedUp) << "a backup is taken before upgrading a schema-1 file";
}

TEST_F(DatabaseTest, OpensTheSchemaVersion2FixtureKeepsItsIdentityAndAddsRuleBroken) {
    const QString copy = path(QStringLiteral("v2.sqlite"));
    ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v2.sqlite")), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QString identity;
    {
        QSqlDatabase raw =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture-v2"));
        raw.setDatabaseName(copy);
        raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'database_uuid'")) &&
                    q.next());
        identity = q.value(0).toString();
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture-v2"));
    auto db = openOrFail(copy);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schemaVersion(), Database::currentSchemaVersion);
    EXPECT_EQ(db->databaseUuid(), identity) << "the identity survives the upgrade";
    const auto sessions = SessionStore(*db).list({});
    ASSERT_TRUE(sessions);
    ASSERT_EQ(sessions->size(), 2);
    EXPECT_EQ(sessions->at(0).notes, QStringLiteral("schema 2, with a comma"));
    EXPECT_EQ(sessions->at(1).overrideReason, QStringLiteral("kept")) << "history is not rewritten";
    EXPECT_EQ(sessions->at(0).ruleBroken, QString());
    Session flagged = sessions->at(0);
    flagged.ruleBroken = QStringLiteral("too soon");
    ASSERT_TRUE(SessionStore(*db).update(flagged));
    EXPECT_EQ(SessionStore(*db).get(flagged.id)->ruleBroken, QStringLiteral("too soon"));
    bool backedUp = false;
    for (const QString& b : db->backups())
        backedUp |= b.contains(QStringLiteral("before-migration-v2"));
    EXPECT_TRUE(backedUp) << "a backup is taken before upgrading a schema-2 file";
}

TEST_F(DatabaseTest, AVersion4FileGainsFollowUpsThatGoWithTheirSession) {
    // A file as the build before follow-ups left it: schema 4, with a session.
    const QList<Migration> upTo4(Database::migrations().begin(),
                                 Database::migrations().begin() + 4);
    ASSERT_EQ(upTo4.constLast().version, 4);
    qint64 sessionId = 0;
    {
        auto v4 = Database::open(path(), kToday, upTo4);
        ASSERT_TRUE(v4) << v4.error().toString().toStdString();
        ASSERT_EQ((*v4)->schemaVersion(), 4);
        const auto id = SessionStore(**v4).add(sampleSession());
        ASSERT_TRUE(id);
        sessionId = *id;
        QSqlQuery q((*v4)->connection());
        EXPECT_FALSE(q.exec(QStringLiteral("SELECT 1 FROM followups"))) << "no table yet";
    }
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schemaVersion(), Database::currentSchemaVersion);
    bool backedUp = false;
    for (const QString& b : db->backups())
        backedUp |= b.contains(QStringLiteral("before-migration-v4"));
    EXPECT_TRUE(backedUp) << "a backup is taken before upgrading a schema-4 file";
    FollowUp answer;
    answer.sessionId = sessionId;
    answer.date = kToday;
    answer.state = QStringLiteral("redness");
    answer.notes = QStringLiteral("warm, no pus");
    const auto stored = FollowUpStore(*db).add(answer);
    ASSERT_TRUE(stored) << stored.error().toString().toStdString();
    answer.id = *stored;
    EXPECT_EQ(*FollowUpStore(*db).forSessions({sessionId}), QList<FollowUp>{answer});
    answer.sessionId = sessionId + 1;
    EXPECT_FALSE(FollowUpStore(*db).add(answer)) << "an answer needs its session";
    QSqlQuery raw(db->connection());
    raw.prepare(QStringLiteral(
        "INSERT INTO followups (session_id, date, state) VALUES (?, '2026-11-25', 'fine')"));
    raw.addBindValue(sessionId + 1);
    EXPECT_FALSE(raw.exec()) << "the schema itself refuses an answer without its session";
    ASSERT_TRUE(SessionStore(*db).remove(sessionId));
    EXPECT_TRUE(FollowUpStore(*db).forSessions({sessionId})->isEmpty())
        << "deleting a session deletes its answers";
}

TEST_F(DatabaseTest, EachDatabaseHasItsOwnStableIdentity) {
    QString first;
    {
        auto a = openOrFail(path(QStringLiteral("a.sqlite")));
        first = a->databaseUuid();
        EXPECT_EQ(first.size(), 32);
        EXPECT_NE(openOrFail(path(QStringLiteral("b.sqlite")))->databaseUuid(), first);
    }
    EXPECT_EQ(openOrFail(path(QStringLiteral("a.sqlite")))->databaseUuid(), first)
        << "stable across opens";
}

TEST_F(DatabaseTest, MigratesStepByStepWithABackupFirst) {
    // Version 1 on disk with data, then two further test-only steps.
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    QList<Migration> steps = Database::migrations();
    const int current = Database::currentSchemaVersion;
    steps << Migration{current + 1,
                       QStringLiteral("add a mood column"),
                       {QStringLiteral("ALTER TABLE sessions ADD COLUMN mood TEXT")}}
          << Migration{current + 2,
                       QStringLiteral("index it"),
                       {QStringLiteral("CREATE INDEX sessions_mood ON sessions(mood)")}};
    auto db = Database::open(path(), kToday, steps);
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), current + 2);
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT mood FROM sessions")));
    bool backedUp = false;
    for (const QString& b : (*db)->backups())
        backedUp |= b.contains(QStringLiteral("before-migration-v%1").arg(current));
    EXPECT_TRUE(backedUp) << (*db)->backups().join(u' ').toStdString();
}

TEST_F(DatabaseTest, AFailingMigrationStepRollsBackAndNamesTheStep) {
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    QList<Migration> steps = Database::migrations();
    const int current = Database::currentSchemaVersion;
    steps << Migration{current + 1,
                       QStringLiteral("good step"),
                       {QStringLiteral("ALTER TABLE sessions ADD COLUMN mood TEXT")}}
          << Migration{
                 current + 2,
                 QStringLiteral("broken step"),
                 {QStringLiteral("CREATE TABLE extra (x)"), QStringLiteral("THIS IS NOT SQL")}};
    auto failed = Database::open(path(), kToday, steps);
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("broken step")))
        << failed.error().message.toStdString();
    // The upgrade is one transaction: the good step went with the broken one, and the file is
    // at the version it had, with its data.
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(db);
        EXPECT_EQ(db->schemaVersion(), current);
        QSqlQuery q(db->connection());
        EXPECT_FALSE(q.exec(QStringLiteral("SELECT mood FROM sessions")));
        EXPECT_FALSE(q.exec(QStringLiteral("SELECT x FROM extra")));
        EXPECT_EQ(*SessionStore(*db).count({}), 1);
    }
    auto db = Database::open(path(), kToday, QList<Migration>(steps.begin(), steps.end() - 1));
    ASSERT_TRUE(db) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), current + 1);
}

TEST_F(DatabaseTest, ReadOnlyFileCanBeReadButNotWritten) {
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    ASSERT_TRUE(QFile::setPermissions(path(), QFile::ReadOwner | QFile::ReadGroup));
    const QByteArray before = bytes(path());
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    EXPECT_TRUE(db->isReadOnly());
    EXPECT_EQ(*SessionStore(*db).count({}), 1);
    const auto added = SessionStore(*db).add(sampleSession(QStringLiteral("scalp")));
    ASSERT_FALSE(added);
    EXPECT_TRUE(added.error().toString().contains(QStringLiteral("read-only")))
        << added.error().toString().toStdString();
    EXPECT_TRUE(added.error().toString().contains(path()));
    db.reset();
    EXPECT_EQ(bytes(path()), before);
    QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner);
}

TEST_F(DatabaseTest, DataVersionChangesWhenAnotherConnectionWrites) {
    auto a = openOrFail(path());
    auto b = openOrFail(path());
    const qint64 before = a->dataVersion();
    ASSERT_TRUE(SessionStore(*b).add(sampleSession()));
    EXPECT_NE(a->dataVersion(), before);
}

namespace {

// A Dermaplan database with sessions still in its write-ahead log, copied while a connection
// holds it open (as after a crash): `copy`, `copy-wal` (non-empty) and, if asked, `copy-shm`.
void copyWithLeftoverLog(const QString& source, const QString& copy, bool withShm) {
    auto db = Database::open(source, kToday);
    ASSERT_TRUE(db);
    {
        // Everything so far into the main file; what follows stays in the log.
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(
            SessionStore(**db).add(sampleSession(QStringLiteral("face"), kToday.addDays(-i))));
    ASSERT_GT(QFileInfo(source + QStringLiteral("-wal")).size(), 0);
    ASSERT_TRUE(QFile::copy(source, copy));
    ASSERT_TRUE(QFile::copy(source + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
    if (withShm) {
        ASSERT_TRUE(QFile::copy(source + QStringLiteral("-shm"), copy + QStringLiteral("-shm")));
    }
}

// Overwrites `length` bytes at `offset` of `file` with garbage.
void scribble(const QString& file, qint64 offset, int length) {
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_TRUE(f.seek(offset));
    f.write(QByteArray(length, '\x5a'));
}

} // namespace

TEST_F(DatabaseTest, ADamagedFileWithALeftoverLogIsRefusedAndItsLogKept) {
    for (const bool withShm : {false, true}) {
        SCOPED_TRACE(withShm ? "with -shm" : "without -shm");
        const QString source = path(QStringLiteral("source-%1.sqlite").arg(withShm));
        const QString copy = path(QStringLiteral("damaged-%1.sqlite").arg(withShm));
        copyWithLeftoverLog(source, copy, withShm);
        // Damage every page but the first of the main file: the log holds only the pages the
        // sessions changed, so the damage shows through it.
        for (qint64 page = 1; page < QFileInfo(copy).size() / 4096; ++page)
            scribble(copy, page * 4096, 64);
        const QByteArray main = bytes(copy);
        const QByteArray wal = bytes(copy + QStringLiteral("-wal"));
        const QByteArray shm = bytes(copy + QStringLiteral("-shm"));
        auto db = Database::open(copy, kToday);
        ASSERT_FALSE(db) << "a damaged file was opened";
        EXPECT_TRUE(db.error().message.contains(QStringLiteral("damaged")))
            << db.error().toString().toStdString();
        EXPECT_EQ(bytes(copy), main) << "the refused file was changed";
        EXPECT_EQ(bytes(copy + QStringLiteral("-wal")), wal) << "its log was changed or merged";
        EXPECT_EQ(QFileInfo::exists(copy + QStringLiteral("-shm")), withShm);
        EXPECT_EQ(bytes(copy + QStringLiteral("-shm")), shm);
    }
}

// With no room for the private copy a file with a log is checked on, nothing is opened on the
// file itself (even a read-only connection would create its -shm): it is refused, untouched,
// with a message that says why.
TEST_F(DatabaseTest, AFileWithALogThatCannotBeCopiedIsRefusedUntouched) {
    const QString copy = path(QStringLiteral("crashed.sqlite"));
    copyWithLeftoverLog(path(QStringLiteral("source.sqlite")), copy, false);
    const QByteArray main = bytes(copy);
    const QByteArray wal = bytes(copy + QStringLiteral("-wal"));
    const QByteArray tmp = qgetenv("TMPDIR");
    // A file where the temporary folder should be: nothing can be created in it, even by root.
    const QString notAFolder = path(QStringLiteral("not-a-folder"));
    ASSERT_TRUE(QFile(notAFolder).open(QIODevice::WriteOnly));
    qputenv("TMPDIR", notAFolder.toUtf8());
    auto db = Database::open(copy, kToday);
    qputenv("TMPDIR", tmp);
    ASSERT_FALSE(db);
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("cannot be checked")))
        << db.error().toString().toStdString();
    EXPECT_EQ(bytes(copy), main);
    EXPECT_EQ(bytes(copy + QStringLiteral("-wal")), wal);
    EXPECT_FALSE(QFileInfo::exists(copy + QStringLiteral("-shm"))) << "a -shm was created";
    EXPECT_TRUE(openOrFail(copy)) << "with room again it opens";
}

TEST_F(DatabaseTest, AHealthyFileWithALeftoverLogOpensWithEverySessionAndLeavesNoCopyBehind) {
    const QString copy = path(QStringLiteral("crashed.sqlite"));
    copyWithLeftoverLog(path(QStringLiteral("source.sqlite")), copy, false);
    auto db = openOrFail(copy);
    ASSERT_TRUE(db);
    EXPECT_EQ(*SessionStore(*db).count({}), 20) << "the sessions in the log were kept";
}

namespace {

// An SQLite file another program made: one table of its own, and perhaps a schema number.
void makeOtherProgramsDatabase(const QString& file, const QString& table, int userVersion) {
    const QString name = QStringLiteral("other-program");
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        other.setDatabaseName(file);
        ASSERT_TRUE(other.open());
        QSqlQuery q(other);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE %1 (text TEXT)").arg(table)));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO %1 VALUES ('theirs')").arg(table)));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(userVersion)));
        q.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_F(DatabaseTest, AnotherProgramsSqliteFileIsRefusedUntouched) {
    makeOtherProgramsDatabase(path(QStringLiteral("bookmarks.sqlite")), QStringLiteral("bookmarks"),
                              0);
    expectRefusedUntouched(path(QStringLiteral("bookmarks.sqlite")),
                           QStringLiteral("not a Dermaplan database"));
    // Another program that also numbers its schema.
    makeOtherProgramsDatabase(path(QStringLiteral("notes.sqlite")), QStringLiteral("notes"), 2);
    expectRefusedUntouched(path(QStringLiteral("notes.sqlite")),
                           QStringLiteral("not a Dermaplan database"));
}

TEST_F(DatabaseTest, RandomBytesOverTheHeaderAreDamageNotANewerVersion) {
    { ASSERT_TRUE(openOrFail(path())); }
    QFile::remove(path() + QStringLiteral("-wal"));
    QFile::remove(path() + QStringLiteral("-shm"));
    std::mt19937 random(909464828);
    QFile f(path());
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    // Keep the magic string and the page size: the rest of the header is random, the schema
    // number (offset 60) included.
    ASSERT_TRUE(f.seek(18));
    QByteArray noise(82, '\0');
    for (char& c : noise)
        c = char(random() & 0xff);
    f.write(noise);
    f.close();
    expectRefusedUntouched(path(), QStringLiteral("damaged"));
    const auto again = Database::open(path(), kToday);
    EXPECT_FALSE(again.error().message.contains(QStringLiteral("newer")));
}

TEST_F(DatabaseTest, AHealthyReadOnlyFileInAReadOnlyFolderCanBeRead) {
    const QString folder = m_dir.filePath(QStringLiteral("backup-disk"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/dermaplan.sqlite");
    {
        auto db = openOrFail(file);
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    QDir(folder).removeRecursively(); // nothing but the file itself, as on a copied disk
    ASSERT_TRUE(QDir().mkpath(folder));
    {
        // Re-create the file alone (the database above was checkpointed into it on close).
        auto db = openOrFail(path(QStringLiteral("source.sqlite")));
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    ASSERT_TRUE(QFile::copy(path(QStringLiteral("source.sqlite")), file));
    ASSERT_TRUE(QFile::setPermissions(file, QFile::ReadOwner));
    ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const QStringList before = QDir(folder).entryList(QDir::Files);
    const QByteArray content = bytes(file);
    {
        auto db = Database::open(file, kToday);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        EXPECT_EQ(*SessionStore(**db).count({}), 1);
        const auto added = SessionStore(**db).add(sampleSession(QStringLiteral("scalp")));
        ASSERT_FALSE(added);
        EXPECT_TRUE(added.error().message.contains(QStringLiteral("read-only")))
            << added.error().toString().toStdString();
        EXPECT_FALSE(added.error().message.contains(QStringLiteral("damaged")));
    }
    EXPECT_EQ(QDir(folder).entryList(QDir::Files), before) << "no -wal or -shm was created";
    EXPECT_EQ(bytes(file), content);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
}

// Each expected SQLite failure reaches the user as words, naming the file.
TEST_F(DatabaseTest, OnReadOnlyMediaTheSessionsInTheLogAreReadToo) {
    const QString folder = m_dir.filePath(QStringLiteral("backup-disk"));
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/dermaplan.sqlite");
    copyWithLeftoverLog(path(QStringLiteral("source.sqlite")), file, false);
    ASSERT_TRUE(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const QStringList before = QDir(folder).entryList(QDir::Files);
    const QByteArray main = bytes(file);
    const QByteArray wal = bytes(file + QStringLiteral("-wal"));
    {
        auto db = Database::open(file, kToday);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        EXPECT_TRUE((*db)->isReadOnly());
        EXPECT_EQ(*SessionStore(**db).count({}), 20) << "the sessions only in the log are read";
        EXPECT_FALSE(SessionStore(**db).add(sampleSession(QStringLiteral("scalp"))));
    }
    EXPECT_EQ(QDir(folder).entryList(QDir::Files), before) << "nothing was created beside it";
    EXPECT_EQ(bytes(file), main);
    EXPECT_EQ(bytes(file + QStringLiteral("-wal")), wal);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST_F(DatabaseTest, BusyLockedReadOnlyFullAndIoErrorsEachHaveTheirMessage) {
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    const auto message = [&](int code) {
        const QSqlError e(QStringLiteral("driver"), QStringLiteral("database"),
                          QSqlError::StatementError, QString::number(code));
        const Error mapped = db->sqlError(e, QStringLiteral("saving the session"));
        EXPECT_EQ(mapped.file, path());
        return mapped.message;
    };
    EXPECT_TRUE(message(5).contains(QStringLiteral("busy")));
    EXPECT_TRUE(message(5 | (2 << 8)).contains(QStringLiteral("busy"))) << "SQLITE_BUSY_SNAPSHOT";
    EXPECT_TRUE(message(6).contains(QStringLiteral("locked")));
    EXPECT_TRUE(message(8).contains(QStringLiteral("read-only")));
    EXPECT_TRUE(message(13).contains(QStringLiteral("disk is full")));
    EXPECT_TRUE(message(10 | (3 << 8)).contains(QStringLiteral("input/output error")))
        << "SQLITE_IOERR_WRITE";
    EXPECT_TRUE(message(11).contains(QStringLiteral("damaged")));
    // A failed COMMIT reaches us from Qt without SQLite's code, in SQLite's words.
    const QSqlError commit(QStringLiteral("Unable to commit transaction"),
                           QStringLiteral("database or disk is full"), QSqlError::TransactionError);
    EXPECT_TRUE(db->sqlError(commit, QStringLiteral("saving"))
                    .message.contains(QStringLiteral("disk is full")));
}

// An empty file with a log beside it is not a new database: it is refused, and the log kept.
TEST_F(DatabaseTest, AnEmptyFileWithALogBesideItIsRefusedAndTheLogKept) {
    const QString copy = path(QStringLiteral("crashed.sqlite"));
    copyWithLeftoverLog(path(QStringLiteral("source.sqlite")), copy, false);
    QFile main(copy);
    ASSERT_TRUE(main.open(QIODevice::WriteOnly | QIODevice::Truncate));
    main.close();
    const QByteArray log = bytes(copy + QStringLiteral("-wal"));
    ASSERT_FALSE(Database::open(copy, kToday));
    EXPECT_EQ(bytes(copy + QStringLiteral("-wal")), log) << "the log was dropped or folded in";
    EXPECT_EQ(bytes(copy), QByteArray());
}

// Copies taken before a migration are named by the second: a migration cut short and run again
// at once (or two databases in one folder upgraded together) must not be refused because the
// name is taken. Found by KilledMigrationLeavesTheHistoryWhole.
TEST_F(DatabaseTest, TwoMigrationsInOneSecondEachKeepTheirBackup) {
    for (const char* name : {"first.sqlite", "second.sqlite"}) {
        ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v2.sqlite")),
                                path(QString::fromLatin1(name))));
        QFile::setPermissions(path(QString::fromLatin1(name)),
                              QFile::ReadOwner | QFile::WriteOwner);
    }
    ASSERT_TRUE(openOrFail(path(QStringLiteral("first.sqlite"))));
    ASSERT_TRUE(openOrFail(path(QStringLiteral("second.sqlite"))));
    EXPECT_EQ(
        QDir(path(QStringLiteral("backups")))
            .entryList({QStringLiteral("dermaplan-before-migration-v2-*.sqlite")}, QDir::Files)
            .size(),
        2);
    const QString dir = path(QStringLiteral("backups"));
    const QString taken = backups::unusedName(dir, QStringLiteral("copy"));
    EXPECT_EQ(taken, dir + QStringLiteral("/copy.sqlite"));
    QFile(taken).open(QIODevice::WriteOnly);
    EXPECT_EQ(backups::unusedName(dir, QStringLiteral("copy")),
              dir + QStringLiteral("/copy-2.sqlite"));
}

// Opening reads every page only when the file may have changed since it was last checked
// (VerifiedFiles): start-up then costs the same at any history size.
TEST_F(DatabaseTest, AFileClosedCleanlyIsRememberedAsCheckedAndNothingIsWrittenBesideIt) {
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
        EXPECT_FALSE(verified::isUnchanged(path())) << "remembered while its log is still open";
    }
    EXPECT_TRUE(verified::isUnchanged(path()));
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files),
              QStringList{QStringLiteral("test.sqlite")});
    { ASSERT_TRUE(openOrFail(path())); }
    EXPECT_TRUE(verified::isUnchanged(path())) << "a read-only session forgot it";
}

TEST_F(DatabaseTest, AWriteByAnotherProgramMakesTheNextOpenCheckEveryPageAgain) {
    { ASSERT_TRUE(openOrFail(path())); }
    ASSERT_TRUE(verified::isUnchanged(path()));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), u"other"_qs);
        other.setDatabaseName(path());
        ASSERT_TRUE(other.open());
        QSqlQuery q(other);
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE TABLE scratch (x)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other"_qs);
    EXPECT_FALSE(verified::isUnchanged(path()));
}

TEST_F(DatabaseTest, ARememberedFileDamagedLaterIsStillRefused) {
    {
        auto db = openOrFail(path());
        for (int i = 0; i < 200; ++i) {
            Session s = sampleSession(QStringLiteral("body"), kToday.addDays(-i));
            s.notes = QString(400, u'z');
            ASSERT_TRUE(SessionStore(*db).add(s));
        }
    }
    ASSERT_TRUE(verified::isUnchanged(path()));
    scribble(path(), QFileInfo(path()).size() / 2, 512);
    expectRefusedUntouched(path(), QStringLiteral("damaged"));
    EXPECT_FALSE(verified::isUnchanged(path()));
}

TEST_F(DatabaseTest, DamageFoundByTheFullCheckIsForgotten) {
    {
        auto db = openOrFail(path());
        for (int i = 0; i < 50; ++i)
            ASSERT_TRUE(
                SessionStore(*db).add(sampleSession(QStringLiteral("body"), kToday.addDays(-i))));
    }
    {
        // An index whose definition no longer matches its entries: quick_check at open does not
        // look inside indexes, integrity_check does.
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), u"raw"_qs);
        raw.setDatabaseName(path());
        ASSERT_TRUE(raw.open());
        QSqlQuery q(raw);
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA writable_schema=ON")));
        ASSERT_TRUE(q.exec(QStringLiteral(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX sessions_by_device ON sessions(notes)' "
            "WHERE name = 'sessions_by_device'")));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_qs);
    auto db = openOrFail(path());
    ASSERT_TRUE(db);
    const Status checked = db->checkIntegrity();
    ASSERT_FALSE(checked) << "the damage was not found";
    EXPECT_TRUE(checked.error().message.contains(QStringLiteral("damaged")));
    db.reset();
    EXPECT_FALSE(verified::isUnchanged(path())) << "found damaged, yet remembered as checked";
}
