// A writer killed with SIGKILL at random moments, many times: afterwards the file is intact and
// every write the writer reported as committed is there.
#include "StorageTestSupport.h"

#include "storage/SessionStore.h"

#include <QProcess>
#include <QSet>

#include <random>

using namespace dermaplan;
using namespace dermaplan::test;

TEST_F(StorageTest, KilledWriterNeverLosesACommittedSession) {
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> delay(20, 200);
    QSet<QString> committed;
    for (int round = 0; round < 25; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(CRASH_WRITER), {path()});
        ASSERT_TRUE(writer.waitForStarted(10000));
        writer.waitForFinished(delay(random)); // runs until the timeout, then is killed
        writer.kill();                         // SIGKILL: no chance to clean up
        ASSERT_TRUE(writer.waitForFinished(10000));
        for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
            if (line.size() == 36) // a complete uuid line
                committed.insert(QString::fromLatin1(line));

        auto db = Database::open(path(), kToday);
        ASSERT_TRUE(db) << "round " << round << ": " << db.error().toString().toStdString();
        ASSERT_TRUE((*db)->checkIntegrity()) << "round " << round;
        const auto all = SessionStore(**db).list({});
        ASSERT_TRUE(all);
        QSet<QString> present;
        for (const Session& s : *all)
            present.insert(s.uuid);
        for (const QString& uuid : std::as_const(committed))
            ASSERT_TRUE(present.contains(uuid))
                << "round " << round << ": lost " << uuid.toStdString();
    }
    EXPECT_GT(committed.size(), 25) << "the writer should have committed something in most rounds";
}
