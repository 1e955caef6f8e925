// A writer killed with SIGKILL at random moments, many times: afterwards the file is intact and
// every write the writer reported as committed is there.
#include "StorageTestSupport.h"

#include "storage/SessionStore.h"

#include <QProcess>
#include <QSet>

#include <cstdio>
#include <random>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

// After a crash or a power cut: the file opens, checks out, and holds every acknowledged session.
void expectIntactWith(const QString& file, const QSet<QString>& acknowledged, int round) {
    auto db = Database::open(file, kToday);
    ASSERT_TRUE(db) << "round " << round << ": " << db.error().toString().toStdString();
    ASSERT_TRUE((*db)->checkIntegrity()) << "round " << round;
    const auto all = SessionStore(**db).list({});
    ASSERT_TRUE(all);
    QSet<QString> present;
    for (const Session& s : *all)
        present.insert(s.uuid);
    for (const QString& uuid : acknowledged)
        ASSERT_TRUE(present.contains(uuid)) << "round " << round << ": lost " << uuid.toStdString();
}

} // namespace

TEST_F(StorageTest, KilledWriterNeverLosesACommittedSession) {
    std::mt19937 random(20261124);
    std::uniform_int_distribution<int> delay(20, 200);
    QSet<QString> committed;
    const int rounds = reliabilityRounds(25);
    for (int round = 0; round < rounds; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(CRASH_WRITER), {path()});
        ASSERT_TRUE(writer.waitForStarted(10000));
        writer.waitForFinished(delay(random)); // runs until the timeout, then is killed
        writer.kill();                         // SIGKILL: no chance to clean up
        ASSERT_TRUE(writer.waitForFinished(10000));
        for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
            if (line.size() == 36) // a complete uuid line
                committed.insert(QString::fromLatin1(line));

        ASSERT_NO_FATAL_FAILURE(expectIntactWith(path(), committed, round));
    }
    EXPECT_GT(committed.size(), 25) << "the writer should have committed something in most rounds";
    std::printf("SIGKILL: %d kills, %d committed sessions, none lost\n", rounds,
                int(committed.size()));
}

namespace {

// Runs the power-loss writer until its cut (or, with a mode, until its writes fail); returns the
// uuids whose commit returned, and what it said on standard error.
QStringList writeUntilPowerCut(const QString& db, long cutAtWrite, const QString& mode = {},
                               QString* said = nullptr) {
    QProcess writer;
    QStringList args{db, QString::number(cutAtWrite)};
    if (!mode.isEmpty())
        args << mode;
    writer.start(QStringLiteral(POWERLOSS_WRITER), args);
    EXPECT_TRUE(writer.waitForFinished(60000));
    const QString errors = QString::fromUtf8(writer.readAllStandardError());
    if (said)
        *said = errors;
    const bool failsOnPurpose = mode == u"--disk-full" || mode == u"--io-error";
    EXPECT_EQ(writer.exitCode(), failsOnPurpose ? 1 : 0) << errors.toStdString();
    QStringList acknowledged;
    for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
        if (line.size() == 36)
            acknowledged << QString::fromLatin1(line);
    return acknowledged;
}

} // namespace

// Power loss, not only process death: the writer's files go back to what they held at their last
// sync at a random write. Everything a commit acknowledged must survive, whole.
// scripts/reliability.sh runs it longer (DERMAPLAN_RELIABILITY_ROUNDS) for docs/reliability.md.
TEST_F(StorageTest, PowerLossNeverLosesAnAcknowledgedSession) {
    std::mt19937 random(20261125);
    std::uniform_int_distribution<long> cut(20, 900);
    QSet<QString> acknowledged;
    const int rounds = reliabilityRounds(20);
    for (int round = 0; round < rounds; ++round) {
        for (const QString& uuid : writeUntilPowerCut(path(), cut(random)))
            acknowledged.insert(uuid);
        ASSERT_NO_FATAL_FAILURE(expectIntactWith(path(), acknowledged, round));
    }
    EXPECT_GT(acknowledged.size(), 100) << "the writer should commit in most rounds";
    RecordProperty("rounds", rounds);
    RecordProperty("acknowledged", int(acknowledged.size()));
    std::printf("power loss: %d cuts, %d acknowledged sessions, none lost\n", rounds,
                int(acknowledged.size()));
}

// The same power cuts with SQLite's syncs turned off lose acknowledged sessions: the test above
// would notice a missing fsync.
TEST_F(StorageTest, PowerLossTestNoticesWritesThatWereNeverSynced) {
    QSet<QString> acknowledged;
    for (long cutAt : {300L, 450L, 600L})
        for (const QString& uuid : writeUntilPowerCut(path(), cutAt, QStringLiteral("--no-sync")))
            acknowledged.insert(uuid);
    ASSERT_FALSE(acknowledged.isEmpty());
    auto db = Database::open(path(), kToday);
    int lost = int(acknowledged.size());
    if (db)
        if (const auto all = SessionStore(**db).list({}))
            for (const Session& s : *all)
                lost -= acknowledged.contains(s.uuid);
    EXPECT_GT(lost, 0) << "without syncs a power cut must lose something";
}

// A disk that fills up, or starts failing, in the middle of the writes: the writer hears it in
// words, nothing acknowledged is lost, and the file checks out afterwards.
TEST_F(StorageTest, AFullOrFailingDiskLosesNothingAndSaysWhy) {
    std::mt19937 random(20261126);
    std::uniform_int_distribution<long> failAt(20, 900);
    const struct {
        const char* mode;
        const char* words;
    } cases[] = {{"--disk-full", "disk is full"}, {"--io-error", "input/output error"}};
    const int rounds = reliabilityRounds(3);
    for (const auto& c : cases) {
        QSet<QString> acknowledged;
        const QString file = path(QString::fromLatin1(c.mode).mid(2) + QStringLiteral(".sqlite"));
        for (int round = 0; round < rounds; ++round) {
            QString said;
            for (const QString& uuid :
                 writeUntilPowerCut(file, failAt(random), QString::fromLatin1(c.mode), &said))
                acknowledged.insert(uuid);
            EXPECT_TRUE(said.contains(QString::fromLatin1(c.words))) << said.toStdString();
            ASSERT_NO_FATAL_FAILURE(expectIntactWith(file, acknowledged, round));
        }
        EXPECT_GT(acknowledged.size(), 10) << c.mode;
        std::printf("%s: %d failures, %d acknowledged sessions, none lost, the file intact\n",
                    c.mode + 2, rounds, int(acknowledged.size()));
    }
}
