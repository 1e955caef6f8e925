// Daily rotating backups, explicit backups and restore.
#include "StorageTestSupport.h"

#include "storage/SessionStore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

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
    for (const QString& b : restored->backups())
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

TEST_F(BackupTest, RestoreReplacesADamagedDatabase) {
    auto db = openOrFail(path());
    ASSERT_TRUE(SessionStore(*db).add(sampleSession()));
    const QString copy = m_dir.filePath(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(db->backupTo(copy));
    db.reset();
    QFile f(path());
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("garbage");
    f.close();
    ASSERT_FALSE(Database::open(path(), kToday));
    ASSERT_TRUE(Database::restore(path(), copy, kToday));
    auto restored = openOrFail(path());
    ASSERT_TRUE(restored);
    EXPECT_EQ(*SessionStore(*restored).count({}), 1);
}
