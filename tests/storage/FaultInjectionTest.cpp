// The command-line tool killed (SIGKILL) at random moments while it imports, backs up, restores
// or migrates: afterwards the database opens and checks out, nothing acknowledged is lost, and
// nothing is ever half there (half an import, half a restore, a backup file that is not whole).
// scripts/reliability.sh runs more rounds (DERMAPLAN_RELIABILITY_ROUNDS) for docs/reliability.md.
#include "StorageTestSupport.h"

#include "io/CsvFormat.h"
#include "storage/SessionStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QUuid>

#include <cstdio>
#include <random>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

struct CliRun {
    bool finished = false; // exited by itself (not killed)
    int exitCode = -1;
    std::string said; // what it printed
    qint64 elapsedMs = 0;
};

// Runs the CLI on `db` and kills it after `killAfterMs` unless it has finished by then.
CliRun runCliKilledAfter(const QString& db, QStringList args, int killAfterMs) {
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DERMAPLAN_TODAY"), kToday.toString(Qt::ISODate));
    cli.setProcessEnvironment(env);
    args.prepend(db);
    args.prepend(QStringLiteral("--db"));
    QElapsedTimer clock;
    clock.start();
    cli.start(QStringLiteral(DERMAPLAN_CLI), args);
    EXPECT_TRUE(cli.waitForStarted(10000));
    CliRun run;
    run.finished = cli.waitForFinished(killAfterMs);
    if (!run.finished) {
        cli.kill(); // SIGKILL: no chance to clean up
        cli.waitForFinished(10000);
    } else {
        run.exitCode = cli.exitCode();
        if (qEnvironmentVariableIsSet("DERMAPLAN_FAULT_TIMES"))
            std::printf("%s took %lld ms\n", qPrintable(args.value(2)), clock.elapsed());
    }
    run.said = cli.readAll().toStdString();
    run.elapsedMs = clock.elapsed();
    return run;
}

QSet<QString> uuidsIn(const QString& file) {
    auto db = Database::open(file, kToday);
    EXPECT_TRUE(db) << (db ? std::string() : db.error().toString().toStdString());
    if (!db)
        return {};
    EXPECT_TRUE((*db)->checkIntegrity());
    QSet<QString> out;
    if (const auto all = SessionStore(**db).list({}))
        for (const Session& s : *all)
            out.insert(s.uuid);
    return out;
}

// A CSV of `count` new sessions on the body, a week apart, and their uuids.
QSet<QString> writeImportFile(const QString& file, int count, int round) {
    QList<Session> sessions;
    QSet<QString> uuids;
    for (int i = 0; i < count; ++i) {
        Session s = sampleSession(QStringLiteral("body"), kToday.addDays(-7 * (i + 1) - round));
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        uuids.insert(s.uuid);
        sessions << s;
    }
    QFile out(file);
    EXPECT_TRUE(out.open(QIODevice::WriteOnly) && out.write(io::exportCsv(sessions)) > 0);
    return uuids;
}

std::mt19937& random() {
    static std::mt19937 generator(20261125);
    return generator;
}

// A moment to kill at, from a fifth of what one whole run took to half as much again: most
// kills land inside the operation, from its start to its last write, and some runs finish.
int killAfterMs(qint64 wholeRunMs) {
    const int whole = int(std::max<qint64>(wholeRunMs, 5));
    return std::uniform_int_distribution<int>(whole / 5, whole * 3 / 2)(random());
}

// A whole run, timed: the yardstick for the kills, and one acknowledged run for sure.
qint64 wholeRun(const QString& db, const QStringList& args) {
    const CliRun run = runCliKilledAfter(db, args, 120000);
    EXPECT_TRUE(run.finished && run.exitCode == 0) << run.said;
    return run.elapsedMs;
}

} // namespace

TEST_F(StorageTest, KilledImportIsAllOrNothingAndKeepsWhatItAcknowledged) {
    QSet<QString> acknowledged;
    int whole = 0, none = 0, killed = 0;
    qint64 wholeMs = 0;
    const int n = reliabilityRounds(8);
    // More rounds while no kill has landed yet (a loaded machine can make every run finish
    // inside its window), so that the test always proves something.
    for (int round = 0; round < n || (killed == 0 && round < 4 * n); ++round) {
        // A fresh database every ten rounds: an import's time grows with the history, and the
        // kills should keep landing in every part of it.
        if (round % 10 == 0) {
            for (const QString& suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path() + suffix);
            const QString first = path(QStringLiteral("first-%1.csv").arg(round));
            acknowledged = writeImportFile(first, 400, round + 1000);
            wholeMs = wholeRun(path(), {QStringLiteral("import"), first});
        }
        const QString file = path(QStringLiteral("import-%1.csv").arg(round));
        const QSet<QString> fresh = writeImportFile(file, 400, round);
        const CliRun run =
            runCliKilledAfter(path(), {QStringLiteral("import"), file}, killAfterMs(wholeMs));
        const QSet<QString> present = uuidsIn(path());
        const int arrived = int((present & fresh).size());
        ASSERT_TRUE(arrived == 0 || arrived == fresh.size())
            << "round " << round << ": half an import (" << arrived << " of " << fresh.size()
            << ")";
        if (run.finished) {
            ASSERT_EQ(run.exitCode, 0) << "round " << round << ": " << run.said;
            ASSERT_EQ(arrived, fresh.size()) << "round " << round << ": acknowledged, not stored";
            acknowledged += fresh;
            wholeMs = std::max(wholeMs, run.elapsedMs); // imports take longer as history grows
        }
        ASSERT_TRUE(present.contains(acknowledged)) << "round " << round << ": lost a session";
        (arrived ? whole : none)++;
        killed += !run.finished;
    }
    EXPECT_GT(killed, 0) << "no kill landed: the test proved nothing";
    std::printf("import: %d rounds, %d killed; %d imports whole, %d not begun or rolled back, "
                "none half\n",
                whole + none, killed, whole, none);
}

TEST_F(StorageTest, KilledBackupNeverLeavesAHalfFileUnderABackupName) {
    const QSet<QString> original = writeImportFile(path(QStringLiteral("seed.csv")), 300, 0);
    ASSERT_EQ(runCliKilledAfter(path(),
                                {QStringLiteral("import"), path(QStringLiteral("seed.csv"))}, 60000)
                  .exitCode,
              0);
    const QString first = path(QStringLiteral("copy-first.sqlite"));
    qint64 wholeMs = wholeRun(path(), {QStringLiteral("backup"), first});
    ASSERT_EQ(uuidsIn(first), uuidsIn(path()));
    int written = 1, killed = 0, ran = 0;
    const int n = reliabilityRounds(8);
    for (int round = 0; round < n || (killed == 0 && round < 4 * n); ++round) {
        ++ran;
        const QString copy = path(QStringLiteral("copy-%1.sqlite").arg(round));
        const CliRun run =
            runCliKilledAfter(path(), {QStringLiteral("backup"), copy}, killAfterMs(wholeMs));
        if (run.finished) {
            ASSERT_EQ(run.exitCode, 0) << "round " << round << ": " << run.said;
            wholeMs = std::min(wholeMs, run.elapsedMs); // the first run may have been slow
        }
        if (QFile::exists(copy)) { // under its name only when whole
            ASSERT_EQ(uuidsIn(copy), uuidsIn(path())) << "round " << round;
            ++written;
        }
        if (!run.finished) {
            ++killed;
        } else if (!QFile::exists(copy)) {
            FAIL() << "round " << round << ": acknowledged, not written";
        }
        ASSERT_TRUE(uuidsIn(path()).contains(original)) << "round " << round;
    }
    EXPECT_GT(killed, 0) << "no kill landed: the test proved nothing";
    // The daily backups the opens took are whole too.
    for (const QFileInfo& daily : QDir(path(QStringLiteral("backups")))
                                      .entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files))
        ASSERT_TRUE(uuidsIn(daily.absoluteFilePath()).contains(original))
            << daily.fileName().toStdString();
    std::printf("backup: %d rounds, %d killed; %d copies whole, none half\n", ran, killed, written);
}

TEST_F(StorageTest, KilledRestoreLeavesOneHistoryWhole) {
    // Two backups with different histories; each round restores one of them and is killed.
    QSet<QString> histories[2];
    QString backups[2];
    for (int i = 0; i < 2; ++i) {
        const QString source = path(QStringLiteral("source-%1.sqlite").arg(i));
        const QString csv = path(QStringLiteral("source-%1.csv").arg(i));
        histories[i] = writeImportFile(csv, 200 + 100 * i, i);
        ASSERT_EQ(runCliKilledAfter(source, {QStringLiteral("import"), csv}, 60000).exitCode, 0);
        backups[i] = path(QStringLiteral("backup-%1.sqlite").arg(i));
        ASSERT_EQ(runCliKilledAfter(source, {QStringLiteral("backup"), backups[i]}, 60000).exitCode,
                  0);
    }
    qint64 wholeMs = wholeRun(path(), {QStringLiteral("restore"), backups[0]});
    ASSERT_EQ(uuidsIn(path()), histories[0]);
    int restored = 0, killed = 0;
    const int n = reliabilityRounds(8);
    for (int round = 0; round < n || (killed == 0 && round < 4 * n); ++round) {
        const int which = (round + 1) % 2; // the first round restores the other history
        const CliRun run = runCliKilledAfter(path(), {QStringLiteral("restore"), backups[which]},
                                             killAfterMs(wholeMs));
        const QSet<QString> present = uuidsIn(path());
        ASSERT_TRUE(present == histories[0] || present == histories[1])
            << "round " << round << ": neither history whole (" << present.size() << " sessions)";
        EXPECT_EQ(QDir(m_dir.path())
                      .entryList({QStringLiteral(".dermaplan-restore*")},
                                 QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                  QStringList())
            << "round " << round << ": the next open removes what a killed restore left";
        if (run.finished) {
            ASSERT_EQ(run.exitCode, 0) << "round " << round << ": " << run.said;
            ASSERT_EQ(present, histories[which]) << "round " << round << ": acknowledged, not done";
            ++restored;
            wholeMs = std::min(wholeMs, run.elapsedMs);
        } else {
            ++killed;
        }
    }
    EXPECT_GT(killed, 0) << "no kill landed: the test proved nothing";
    std::printf("restore: %d rounds, %d killed; every history whole\n", restored + killed, killed);
}

TEST_F(StorageTest, KilledMigrationLeavesTheHistoryWhole) {
    // A clean migration first: what the history must hold afterwards.
    const QString reference = path(QStringLiteral("reference.sqlite"));
    ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v2.sqlite")), reference));
    QFile::setPermissions(reference, QFile::ReadOwner | QFile::WriteOwner);
    qint64 wholeMs = wholeRun(reference, {QStringLiteral("check")});
    const QSet<QString> expected = uuidsIn(reference);
    ASSERT_FALSE(expected.isEmpty());
    int migrated = 0, killed = 0;
    const int n = reliabilityRounds(8);
    for (int round = 0; round < n || (killed == 0 && round < 4 * n); ++round) {
        const QString file = path(QStringLiteral("v2-%1.sqlite").arg(round));
        ASSERT_TRUE(QFile::copy(dataFile(QStringLiteral("storage/schema-v2.sqlite")), file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        const CliRun run = runCliKilledAfter(file, {QStringLiteral("check")}, killAfterMs(wholeMs));
        if (run.finished) {
            ASSERT_EQ(run.exitCode, 0) << "round " << round << ": " << run.said;
            ++migrated;
            wholeMs = std::min(wholeMs, run.elapsedMs);
        } else {
            ++killed;
        }
        {
            auto db = Database::open(file, kToday); // finishes a migration that was cut short
            ASSERT_TRUE(db) << "round " << round << ": " << db.error().toString().toStdString();
            EXPECT_EQ((*db)->schemaVersion(), Database::currentSchemaVersion);
        }
        ASSERT_EQ(uuidsIn(file), expected) << "round " << round;
    }
    EXPECT_GT(killed, 0) << "no kill landed: the test proved nothing";
    std::printf("migration: %d rounds, %d killed; every history whole\n", migrated + killed,
                killed);
}
