// The recovery dialog shown when the database is refused, driven as a user would.
#include "TestSupport.h"

#include "DatabaseRecovery.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"
#include "widgets/Messages.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

class RecoveryTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path() const { return m_dir.filePath(QStringLiteral("dermaplan.sqlite")); }

    // Two days of history (so there is a daily backup), then the file is damaged.
    void historyThenDamage() {
        for (int day = 0; day < 2; ++day) {
            auto db = Database::open(path(), kToday.addDays(day - 1));
            ASSERT_TRUE(db);
            Session s;
            s.area = QStringLiteral("scalp");
            s.needle = NeedleLength::fromMillimetres(0.5);
            s.date = kToday.addDays(day - 10);
            ASSERT_TRUE(SessionStore(**db).add(s));
        }
        QFile f(path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("damaged beyond repair");
    }

    static QByteArray bytes(const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(RecoveryTest, RestoringTheNewestBackupOpensTheHistory) {
    historyThenDamage();
    const QStringList offered = Database::backupsFor(path());
    ASSERT_EQ(offered.size(), 1) << "yesterday's history, backed up before today's first write";
    ui::MessageAnswers answers({QStringLiteral("Restore the Newest Backup")});
    auto db = ui::openWithRecovery(path(), kToday);
    ASSERT_TRUE(db);
    ASSERT_EQ(answers.shown().size(), 1);
    EXPECT_TRUE(answers.unmatched().isEmpty());
    const QString shown = answers.shown().at(0).text;
    EXPECT_TRUE(shown.contains(QStringLiteral("did not change this file"))) << shown.toStdString();
    EXPECT_EQ(*SessionStore(db->database()).count({}), 1);
    // The damaged file was set aside whole, and is not offered as a backup next time.
    const QStringList aside = backups::setAsideFor(path());
    ASSERT_EQ(aside.size(), 1);
    EXPECT_EQ(bytes(aside.constFirst()), "damaged beyond repair");
    EXPECT_EQ(Database::backupsFor(path()), offered);
}

TEST_F(RecoveryTest, ClosingLeavesTheRefusedFileAsItWas) {
    historyThenDamage();
    ui::MessageAnswers answers({QStringLiteral("Close")});
    EXPECT_FALSE(ui::openWithRecovery(path(), kToday));
    ASSERT_EQ(answers.shown().size(), 1);
    EXPECT_TRUE(answers.unmatched().isEmpty());
    const QString shown = answers.shown().at(0).text;
    EXPECT_TRUE(shown.contains(path())) << "the message names the file";
    EXPECT_EQ(bytes(path()), "damaged beyond repair");
    EXPECT_TRUE(backups::setAsideFor(path()).isEmpty());
}
