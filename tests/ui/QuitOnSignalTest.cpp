// A logout, `kill` or Ctrl+C quits the app through its event loop, so that the database closes
// as on a normal quit (ui::QuitOnSignal).
#include "QuitOnSignal.h"
#include "TestSupport.h"

#include "storage/Database.h"
#include "storage/SessionStore.h"
#include "storage/VerifiedFiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>

using namespace dermaplan;

TEST(QuitOnSignal, ASignalEndsTheEventLoopAndTheOldHandlerComesBack) {
    for (const int signal : {SIGTERM, SIGINT, SIGHUP}) {
        SCOPED_TRACE(signal);
        {
            ui::QuitOnSignal quitter;
            QTimer::singleShot(0, [signal] { ::raise(signal); });
            // Were the signal not handled, the test program would die here; were it handled but
            // not passed on, the loop would end by this timer with 1.
            QTimer::singleShot(10000, [] { QCoreApplication::exit(1); });
            EXPECT_EQ(QCoreApplication::exec(), 0);
            EXPECT_TRUE(quitter.received());
        }
        struct sigaction now = {};
        ::sigaction(signal, nullptr, &now);
        EXPECT_EQ(now.sa_handler, SIG_DFL);
    }
}

namespace {

// Starts the app on `db`, waits until it has the database open, stops it with SIGTERM as a
// logout does, and checks that it quit and closed the database cleanly.
void expectCleanStopBySignal(const QString& db) {
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(DERMAPLAN_APP), {QStringLiteral("--db"), db});
    ASSERT_TRUE(app.waitForStarted());
    // Running: its connection has made SQLite's shared-memory index beside the file.
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(db + QStringLiteral("-shm")) && waited.elapsed() < 20000)
        QThread::msleep(20);
    ASSERT_TRUE(QFileInfo::exists(db + QStringLiteral("-shm"))) << "the app did not open it";
    QThread::msleep(300);
    ::kill(pid_t(app.processId()), SIGTERM);
    ASSERT_TRUE(app.waitForFinished(20000)) << "the signal was ignored";
    EXPECT_EQ(app.exitStatus(), QProcess::NormalExit) << "killed, not quit";
    EXPECT_EQ(app.exitCode(), 0);
    EXPECT_FALSE(QFileInfo::exists(db + QStringLiteral("-wal"))) << "the log was left behind";
    EXPECT_TRUE(verified::isUnchanged(db)) << "the next start would read every page";
}

} // namespace

TEST(QuitOnSignal, TheAppStoppedByALogoutClosesItsDatabaseCleanly) {
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("history.sqlite"));
    {
        auto opened = Database::open(db, QDate::currentDate());
        ASSERT_TRUE(opened);
        Session s;
        s.area = QStringLiteral("face");
        s.date = QDate::currentDate().addDays(-3);
        s.needle = NeedleLength::fromMillimetres(0.25);
        ASSERT_TRUE(SessionStore(**opened).add(s));
    }
    expectCleanStopBySignal(db);
}

// A new database opens the first-run wizard, a dialog with its own event loop, before the main
// window's: a logout then must not wait for someone to close it.
TEST(QuitOnSignal, TheAppStoppedDuringTheFirstRunWizardQuitsToo) {
    QTemporaryDir dir;
    expectCleanStopBySignal(dir.filePath(QStringLiteral("new.sqlite")));
}
