// Daily rotating backups, explicit backups and restore.
#include "StorageTestSupport.h"

#include "storage/Backups.h"
#include "storage/SessionStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

class BackupTest : public StorageTest {
protected:
    QStringList backupNames() const {
        return QDir(m_dir.filePath(QStringLiteral("backups"))).entryList(QDir::Files, QDir::Name);
    }
    void writeOn(QDate day) {
        auto db = openOrFail(path(), day);
        ASSERT_TRUE(db);
        ASSERT_TRUE(SessionStore(*db).add(sampleSession(QStringLiteral("body"), day)));
    }
};

} // namespace

TEST_F(BackupTest, NoBackupOfAnEmptyNewDatabase) {
    writeOn(kToday); // the first write finds nothing to back up yet
    EXPECT_TRUE(backupNames().isEmpty()) << backupNames().join(u' ').toStdString();
}

TEST_F(BackupTest, OneDailyBackupOnTheFirstWriteOfTheDay) {
    writeOn(kToday.addDays(-1));
    writeOn(kToday);
    writeOn(kToday);
    EXPECT_EQ(backupNames(), QStringList{QStringLiteral("dermaplan-2026-11-24.sqlite")});
    auto backup = Database::open(
        m_dir.filePath(QStringLiteral("backups/dermaplan-2026-11-24.sqlite")), kToday);
    ASSERT_TRUE(backup);
    EXPECT_EQ(*SessionStore(**backup).count({}), 1)
        << "the backup holds the state before today's first write";
}

TEST_F(BackupTest, RotationKeepsSevenDailiesAndOnePerMonthForAYear) {
    // Writes every 5 days over ~14 months.
    QDate day(2025, 9, 1);
    const QDate last(2026, 11, 24);
    for (; day <= last; day = day.addDays(5))
        writeOn(day);
    writeOn(last);
    // Unrelated files in the folder are never touched.
    QFile other(m_dir.filePath(QStringLiteral("backups/my-notes.txt")));
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.close();
    QFile keepMe(m_dir.filePath(
        QStringLiteral("backups/dermaplan-before-restore-2025-01-01-000000-000.sqlite")));
    ASSERT_TRUE(keepMe.open(QIODevice::WriteOnly));
    keepMe.close();
    writeOn(last.addDays(1));

    QStringList dailies;
    for (const QString& name : backupNames())
        if (QRegularExpression(QStringLiteral(R"(^dermaplan-\d{4}-\d{2}-\d{2}\.sqlite$)"))
                .match(name)
                .hasMatch())
            dailies << name;
    QSet<QString> months;
    for (const QString& d : dailies)
        months.insert(d.mid(10, 7));
    // The newest seven...
    EXPECT_TRUE(dailies.contains(QStringLiteral("dermaplan-2026-11-25.sqlite")));
    EXPECT_TRUE(dailies.contains(QStringLiteral("dermaplan-2026-11-24.sqlite")));
    // ...one per month back to December 2025 (12 months), and nothing older.
    for (int m = 0; m < 12; ++m)
        EXPECT_TRUE(
            months.contains(QDate(2026, 11, 1).addMonths(-m).toString(QStringLiteral("yyyy-MM"))))
            << m;
    EXPECT_FALSE(months.contains(QStringLiteral("2025-09")));
    EXPECT_LE(dailies.size(), 7 + 12);
    EXPECT_TRUE(backupNames().contains(QStringLiteral("my-notes.txt")));
    EXPECT_TRUE(backupNames().contains(
        QStringLiteral("dermaplan-before-restore-2025-01-01-000000-000.sqlite")));
}

TEST_F(BackupTest, BackupToNeverOverwritesAndIsOwnerOnly) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    const QString target = m_dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(db->backupTo(target));
    EXPECT_EQ(QFileInfo(target).permissions() & (QFile::ReadOther | QFile::ReadGroup),
              QFile::Permissions());
    EXPECT_FALSE(db->backupTo(target));
}

TEST_F(BackupTest, RestoreBringsBackTheBackupAndKeepsBothFiles) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(db->backupTo(copy));
    ASSERT_TRUE(SessionStore(*db).add(sampleSession(QStringLiteral("scalp"))));
    db.reset();

    ASSERT_TRUE(Database::restore(path(), copy, kToday));
    EXPECT_TRUE(QFileInfo::exists(copy)) << "a restore must never delete what it restores from";
    auto restored = openOrFail(path());
    EXPECT_EQ(*SessionStore(*restored).count({}), 1);
    bool savedCurrent = false;
    for (const QString& b : backups::setAsideFor(path()))
        if (b.contains(QStringLiteral("before-restore"))) {
            auto before = Database::open(b, kToday);
            savedCurrent = before && *SessionStore(**before).count({}) == 2;
        }
    EXPECT_TRUE(savedCurrent)
        << "the current database (2 sessions) is backed up before the restore";
}

TEST_F(BackupTest, RestoreOfADamagedBackupChangesNothing) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    db.reset();
    const QByteArray before = bytes(path());
    const QString bad = m_dir.filePath(QStringLiteral("bad.sqlite"));
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("SQLite format 3");
    f.close();
    const auto done = Database::restore(path(), bad, kToday);
    ASSERT_FALSE(done);
    EXPECT_TRUE(done.error().toString().contains(QStringLiteral("nothing was changed")));
    EXPECT_EQ(bytes(path()), before);
}

TEST_F(BackupTest, RestoreRefusesABackupFromANewerVersion) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    db.reset();
    const QByteArray before = bytes(path());
    const auto done =
        Database::restore(path(), dataFile(QStringLiteral("storage/schema-v99.sqlite")), kToday);
    ASSERT_FALSE(done);
    EXPECT_TRUE(done.error().toString().contains(QStringLiteral("newer")));
    EXPECT_EQ(bytes(path()), before);
}

TEST_F(BackupTest, RotationKeepsExactlySevenDailiesAndTwelveMonthlies) {
    const QString dir = m_dir.filePath(QStringLiteral("backups"));
    ASSERT_TRUE(QDir().mkpath(dir));
    QList<QDate> days;
    for (QDate d(2025, 6, 3); d <= QDate(2026, 11, 24); d = d.addDays(3))
        days << d;
    for (const QDate& d : std::as_const(days)) {
        QFile f(dir + u'/' + backups::dailyName(d));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    backups::rotate(dir, QDate(2026, 11, 24));
    QSet<QString> expected;
    QList<QDate> newest = days;
    std::sort(newest.begin(), newest.end(), std::greater<>());
    for (int i = 0; i < 7; ++i)
        expected.insert(backups::dailyName(newest[i]));
    QSet<int> months;
    for (const QDate& d : std::as_const(newest))
        if (months.size() < 12 && !months.contains(d.year() * 12 + d.month())) {
            months.insert(d.year() * 12 + d.month());
            expected.insert(backups::dailyName(d));
        }
    const QStringList left = backupNames();
    EXPECT_EQ(QSet<QString>(left.begin(), left.end()), expected);
    EXPECT_EQ(left.size(), 7 + 11) << "the newest month's newest backup is also a daily one";
}

TEST_F(BackupTest, AClockPushedForwardCannotDeleteTheMonthlyBackups) {
    QDate day(2026, 1, 10);
    for (int m = 0; m < 11; ++m)
        writeOn(day.addMonths(m));
    writeOn(kToday);
    const QStringList before = backupNames();
    // A wrong clock (or DERMAPLAN_TODAY) far ahead: one more backup, and none of the old ones go.
    writeOn(QDate(2031, 6, 1));
    QStringList after = backupNames();
    for (const QString& name : before)
        EXPECT_TRUE(after.contains(name)) << name.toStdString() << " was deleted";
}

TEST_F(BackupTest, AHalfWrittenBackupIsNeverTakenForTodaysAndAFailedOneWritesNothing) {
    writeOn(kToday.addDays(-1));
    // Left by a backup cut short: it must not count as today's.
    ASSERT_TRUE(QDir().mkpath(m_dir.filePath(QStringLiteral("backups"))));
    const QString partial = m_dir.filePath(QStringLiteral("backups/") + backups::dailyName(kToday) +
                                           QStringLiteral(".partial-4242-0"));
    QFile f(partial);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.write("half a backup");
    ASSERT_TRUE(f.flush());
    ASSERT_TRUE(f.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                              QFileDevice::FileModificationTime));
    f.close();
    writeOn(kToday);
    const QString todays = m_dir.filePath(QStringLiteral("backups/") + backups::dailyName(kToday));
    ASSERT_TRUE(QFileInfo::exists(todays));
    auto copy = Database::open(todays, kToday);
    ASSERT_TRUE(copy) << "today's backup is a whole, checked database";
    EXPECT_EQ(*SessionStore(**copy).count({}), 1);
    EXPECT_FALSE(QFileInfo::exists(partial));

    // No room for a backup folder: the write fails, says why, and stores nothing.
    const QString other = m_dir.filePath(QStringLiteral("other/db.sqlite"));
    {
        auto db = openOrFail(other, kToday.addDays(-1));
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    QDir(m_dir.filePath(QStringLiteral("other/backups"))).removeRecursively();
    QFile blocker(m_dir.filePath(QStringLiteral("other/backups")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
    blocker.close();
    auto db = openOrFail(other, kToday);
    const auto added = SessionStore(*db).add(sampleSession(QStringLiteral("scalp")));
    ASSERT_FALSE(added);
    EXPECT_TRUE(added.error().message.contains(QStringLiteral("backup")))
        << added.error().toString().toStdString();
    EXPECT_EQ(*SessionStore(*db).count({}), 1) << "nothing was written";
}

TEST_F(BackupTest, RestoreWhileAnotherProgramHasTheDatabaseOpen) {
    auto app = openOrFail(path()); // the app, open all along
    ASSERT_TRUE(SessionStore(*app).add(sampleSession(QStringLiteral("face"))));
    ASSERT_TRUE(SessionStore(*app).add(sampleSession(QStringLiteral("neck"))));
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(app->backupTo(copy));
    ASSERT_TRUE(SessionStore(*app).add(sampleSession(QStringLiteral("scalp"))));

    ASSERT_TRUE(Database::restore(path(), copy, kToday)); // the CLI, meanwhile
    EXPECT_EQ(*SessionStore(*app).count({}), 2) << "the open program sees the restored history";
    ASSERT_TRUE(SessionStore(*app).add(sampleSession(QStringLiteral("body"))))
        << "and keeps writing to it";
    app.reset();
    auto reopened = openOrFail(path());
    ASSERT_TRUE(reopened);
    EXPECT_EQ(*SessionStore(*reopened).count({}), 3) << "what it wrote after the restore is kept";
    EXPECT_TRUE(reopened->checkIntegrity());
    // The history the restore replaced (3 sessions) is set aside, whole, outside the backups
    // a recovery would offer as the newest.
    const QStringList aside = backups::setAsideFor(path());
    ASSERT_EQ(aside.size(), 1);
    auto before = Database::open(aside.constFirst(), kToday);
    ASSERT_TRUE(before);
    EXPECT_EQ(*SessionStore(**before).count({}), 3);
    for (const QString& b : Database::backupsFor(path()))
        EXPECT_FALSE(b.contains(QStringLiteral("before-restore"))) << b.toStdString();
}

TEST_F(BackupTest, RestoringACopyWithItsLogBringsBackTheSessionsInTheLog) {
    const QString crashed = m_dir.filePath(QStringLiteral("crashed.sqlite"));
    {
        auto source = openOrFail(m_dir.filePath(QStringLiteral("source.sqlite")));
        ASSERT_TRUE(SessionStore(*source).add(sampleSession()));
        QSqlQuery q(source->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        q.finish();
        for (int i = 0; i < 5; ++i)
            ASSERT_TRUE(SessionStore(*source).add(sampleSession(QStringLiteral("scalp"))));
        ASSERT_TRUE(QFile::copy(m_dir.filePath(QStringLiteral("source.sqlite")), crashed));
        ASSERT_TRUE(QFile::copy(m_dir.filePath(QStringLiteral("source.sqlite-wal")),
                                crashed + QStringLiteral("-wal")));
    }
    const QByteArray logBefore = bytes(crashed + QStringLiteral("-wal"));
    writeOn(kToday);
    ASSERT_TRUE(Database::restore(path(), crashed, kToday));
    auto restored = openOrFail(path());
    ASSERT_TRUE(restored);
    EXPECT_EQ(*SessionStore(*restored).count({}), 6) << "the five sessions in the log came too";
    EXPECT_EQ(bytes(crashed + QStringLiteral("-wal")), logBefore) << "the copy was not changed";
}

// (Replaces "RestoreReplacesADamagedDatabase": the same, with a leftover log.)
TEST_F(BackupTest, ADamagedFileAndItsLogAreSetAsideWholeBeforeTheSwap) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(db->backupTo(copy));
    db.reset();
    QFile f(path());
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("garbage");
    f.close();
    QFile log(path() + QStringLiteral("-wal"));
    ASSERT_TRUE(log.open(QIODevice::WriteOnly));
    log.write("a leftover log");
    log.close();
    ASSERT_TRUE(Database::restore(path(), copy, kToday));
    EXPECT_FALSE(QFileInfo::exists(path() + QStringLiteral("-wal")) &&
                 bytes(path() + QStringLiteral("-wal")) == "a leftover log")
        << "the old log must not stay beside the restored file";
    const QStringList aside = backups::setAsideFor(path());
    ASSERT_EQ(aside.size(), 1);
    EXPECT_EQ(bytes(aside.constFirst()), "garbage");
    EXPECT_EQ(bytes(aside.constFirst() + QStringLiteral("-wal")), "a leftover log");
    auto restored = openOrFail(path());
    ASSERT_TRUE(restored);
    EXPECT_EQ(*SessionStore(*restored).count({}), 1);
}

// A restore while another program keeps logging: every session whose commit returned is either
// in the restored history (logged after it) or in the history set aside (logged before it).
TEST_F(BackupTest, ARestoreWhileAnotherProgramLogsLosesNoAcknowledgedSession) {
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    }
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    {
        auto db = openOrFail(path());
        ASSERT_TRUE(db->backupTo(copy));
    }
    std::atomic<bool> stop = false;
    QMutex lock;
    QSet<QString> acknowledged;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        auto db = Database::open(path(), kToday);
        if (!db)
            return;
        SessionStore store(**db);
        for (int i = 0; !stop; ++i) {
            Session s = sampleSession(QStringLiteral("body"), kToday.addDays(-(i % 300)));
            if (const auto id = store.add(s)) {
                const QMutexLocker locked(&lock);
                acknowledged.insert(store.get(*id)->uuid);
            }
        }
    }));
    writer->start();
    QThread::msleep(150);
    ASSERT_TRUE(Database::restore(path(), copy, kToday));
    QThread::msleep(150);
    stop = true;
    ASSERT_TRUE(writer->wait(60000));
    ASSERT_GT(acknowledged.size(), 10);

    QSet<QString> kept;
    for (const QString& file : QStringList{path()} + backups::setAsideFor(path())) {
        auto db = Database::open(file, kToday);
        ASSERT_TRUE(db) << file.toStdString();
        const auto sessions = SessionStore(**db).list({});
        ASSERT_TRUE(sessions);
        for (const Session& s : *sessions)
            kept.insert(s.uuid);
    }
    int lost = 0;
    for (const QString& uuid : std::as_const(acknowledged))
        lost += !kept.contains(uuid);
    EXPECT_EQ(lost, 0) << "of " << acknowledged.size() << " acknowledged sessions";
}

// Backups named by a clock that ran ahead are kept but never push real backups out.
TEST_F(BackupTest, FutureDatedBackupsDoNotCountAmongTheNewest) {
    const QString dir = m_dir.filePath(QStringLiteral("backups"));
    ASSERT_TRUE(QDir().mkpath(dir));
    for (int i = 0; i < 10; ++i) {
        QFile future(dir + u'/' + backups::dailyName(QDate(2031, 1, 1).addDays(i)));
        ASSERT_TRUE(future.open(QIODevice::WriteOnly));
        QFile real(dir + u'/' + backups::dailyName(kToday.addDays(-i)));
        ASSERT_TRUE(real.open(QIODevice::WriteOnly));
    }
    backups::rotate(dir, kToday);
    for (int i = 0; i < 7; ++i)
        EXPECT_TRUE(backupNames().contains(backups::dailyName(kToday.addDays(-i))))
            << "the 7 newest real backups stay: " << i;
    EXPECT_EQ(backupNames().filter(QStringLiteral("2031-")).size(), 10) << "and nothing else";
}
