#include "QuitOnSignal.h"

#include <QApplication>
#include <QSocketNotifier>
#include <QWidget>

#include <cerrno>

#include <sys/socket.h>
#include <unistd.h>

namespace dermaplan::ui {

namespace {

int g_pair[2] = {-1, -1}; // [0]: written by the handler, [1]: read by the event loop
constexpr int kSignals[3] = {SIGTERM, SIGINT, SIGHUP};

} // namespace

QuitOnSignal::QuitOnSignal(QObject* parent)
    : QObject(parent) {
    Q_ASSERT(g_pair[0] < 0);
    // Non-blocking: a burst of signals fills the pair and the rest are dropped (one pending
    // byte already asks to quit), instead of the handler blocking.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, g_pair) != 0)
        return; // no pair: the default handlers stay, as before
    m_notifier = new QSocketNotifier(g_pair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &QuitOnSignal::quit);
    struct sigaction action = {};
    action.sa_handler = &QuitOnSignal::onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 3; ++i)
        ::sigaction(kSignals[i], &action, &m_previous[i]);
}

QuitOnSignal::~QuitOnSignal() {
    if (g_pair[0] < 0)
        return;
    for (int i = 0; i < 3; ++i)
        ::sigaction(kSignals[i], &m_previous[i], nullptr);
    delete m_notifier;
    ::close(g_pair[0]);
    ::close(g_pair[1]);
    g_pair[0] = g_pair[1] = -1;
}

void QuitOnSignal::onSignal(int) {
    const int savedErrno = errno; // the interrupted code may be about to read it
    const char byte = 1;
    // Async-signal-safe; a full pair already holds a pending quit.
    (void)!::write(g_pair[0], &byte, 1);
    errno = savedErrno;
}

void QuitOnSignal::quit() {
    char byte = 0;
    (void)!::read(g_pair[1], &byte, 1);
    m_received = true;
    // A dialog run before the main loop (the first-run wizard) has a loop of its own, which
    // quit() does not end: close it, and main() returns when it does.
    if (QWidget* modal = QApplication::activeModalWidget())
        modal->close();
    QCoreApplication::quit();
}

} // namespace dermaplan::ui
