// Moving the database out of the old two-level data folder: copy, check, then remove.
#include "StorageTestSupport.h"

#include "storage/Backups.h"
#include "storage/DataFolder.h"
#include "storage/SessionStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

class DataFolderTest : public StorageTest {
protected:
    // The layout the old versions made: share/dermaplan/dermaplan/dermaplan.sqlite, backups
    // beside it, the new database one level up.
    QString legacy() const {
        return m_dir.filePath(QStringLiteral("dermaplan/dermaplan/dermaplan.sqlite"));
    }
    QString target() const { return m_dir.filePath(QStringLiteral("dermaplan/dermaplan.sqlite")); }

    // Two sessions, a daily backup taken the next day, and a set-aside copy.
    void makeLegacy() {
        ASSERT_TRUE(QDir().mkpath(QFileInfo(legacy()).absolutePath()));
        {
            auto db = openOrFail(legacy(), kToday.addDays(-1));
            ASSERT_TRUE(db);
            ASSERT_TRUE(SessionStore(*db).add(sampleSession(QStringLiteral("face"))));
        }
        auto db = openOrFail(legacy(), kToday);
        ASSERT_TRUE(db);
        ASSERT_TRUE(SessionStore(*db).add(sampleSession(QStringLiteral("scalp"))));
        ASSERT_TRUE(backups::makeFolder(backups::setAsideFolderFor(legacy())));
        QFile aside(backups::setAsideFolderFor(legacy()) + QStringLiteral("/old.sqlite"));
        ASSERT_TRUE(aside.open(QIODevice::WriteOnly));
        aside.write("kept as it was");
    }

    int sessionsIn(const QString& path) {
        auto db = openOrFail(path);
        return db ? *SessionStore(*db).count({}) : -1;
    }
};

} // namespace

TEST_F(DataFolderTest, MovesTheDatabaseAndItsBackupsThenRemovesTheOldFiles) {
    makeLegacy();
    const QStringList oldBackups = backups::listFor(legacy());
    ASSERT_FALSE(oldBackups.isEmpty());

    const auto moved = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_TRUE(moved) << moved.error().toString().toStdString();
    EXPECT_TRUE(moved->moved);
    EXPECT_EQ(moved->backups, oldBackups.size() + 1); // and the set-aside copy
    EXPECT_EQ(sessionsIn(target()), 2);
    EXPECT_EQ(backups::listFor(target()).size(), oldBackups.size());
    QFile aside(backups::setAsideFolderFor(target()) + QStringLiteral("/old.sqlite"));
    ASSERT_TRUE(aside.open(QIODevice::ReadOnly));
    EXPECT_EQ(aside.readAll(), QByteArray("kept as it was"));
    EXPECT_FALSE(QFileInfo::exists(legacy()));
    EXPECT_FALSE(QFileInfo::exists(legacy() + QStringLiteral("-wal")));
    EXPECT_FALSE(QFileInfo::exists(QFileInfo(legacy()).absolutePath())) << "the old folder is gone";

    const auto again = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->moved) << "once moved, nothing more to do";
}

TEST_F(DataFolderTest, ANewDatabaseAlreadyThereIsNeverReplaced) {
    makeLegacy();
    {
        auto fresh = openOrFail(target());
        ASSERT_TRUE(fresh);
    }
    const auto moved = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_TRUE(moved);
    EXPECT_FALSE(moved->moved);
    EXPECT_EQ(sessionsIn(target()), 0);
    EXPECT_EQ(sessionsIn(legacy()), 2) << "the old one is left alone";
}

TEST_F(DataFolderTest, AFailedCopyRemovesWhatItMadeAndKeepsTheOldFiles) {
    makeLegacy();
    // A backup of the same name is already in the new folder: copying over it is refused.
    const QString clash = backups::folderFor(target()) + u'/' +
                          QFileInfo(backups::listFor(legacy()).constFirst()).fileName();
    ASSERT_TRUE(backups::makeFolder(backups::folderFor(target())));
    QFile other(clash);
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.write("someone else's");
    other.close();

    const auto moved = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_FALSE(moved);
    EXPECT_TRUE(moved.error().toString().contains(clash)) << moved.error().toString().toStdString();
    EXPECT_FALSE(QFileInfo::exists(target())) << "the copy is removed";
    EXPECT_EQ(QDir(backups::folderFor(target())).entryList(QDir::Files),
              QStringList{QFileInfo(clash).fileName()})
        << "only the file that was there before";
    EXPECT_EQ(sessionsIn(legacy()), 2);
    EXPECT_FALSE(backups::listFor(legacy()).isEmpty());
}

TEST_F(DataFolderTest, NotWhileAnotherProgramHasTheOldDatabaseOpen) {
    makeLegacy();
    auto other = openOrFail(legacy()); // an older Dermaplan, still running
    ASSERT_TRUE(other);
    const auto moved = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_FALSE(moved) << "its writes would go to a removed file";
    EXPECT_TRUE(moved.error().toString().contains(QStringLiteral("another program")))
        << moved.error().toString().toStdString();
    EXPECT_FALSE(QFileInfo::exists(target()));
    // The other program goes on as before.
    ASSERT_TRUE(SessionStore(*other).add(sampleSession(QStringLiteral("neck"))));
    other.reset();
    EXPECT_EQ(sessionsIn(legacy()), 3);
    // Once it has closed, the move goes ahead.
    const auto later = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    ASSERT_TRUE(later) << later.error().toString().toStdString();
    EXPECT_TRUE(later->moved);
    EXPECT_EQ(sessionsIn(target()), 3);
}

TEST_F(DataFolderTest, ADamagedOldDatabaseIsLeftWhereItIs) {
    ASSERT_TRUE(QDir().mkpath(QFileInfo(legacy()).absolutePath()));
    QFile bad(legacy());
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray(4096, 'x'));
    bad.close();
    const auto moved = dataFolder::moveLegacyDatabase(legacy(), target(), kToday);
    EXPECT_FALSE(moved);
    EXPECT_FALSE(QFileInfo::exists(target()));
    EXPECT_EQ(QFileInfo(legacy()).size(), 4096);
}

TEST(DataFolder, TheDefaultIsOneFolderLevel) {
    EXPECT_TRUE(
        dataFolder::defaultDatabasePath().endsWith(QStringLiteral("/dermaplan/dermaplan.sqlite")));
    EXPECT_FALSE(
        dataFolder::defaultDatabasePath().contains(QStringLiteral("dermaplan/dermaplan/")));
    EXPECT_TRUE(dataFolder::legacyDatabasePath().endsWith(
        QStringLiteral("/dermaplan/dermaplan/dermaplan.sqlite")));
}
