#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

namespace dermaplan::ui {

// Quits the application through its event loop on SIGTERM, SIGINT and SIGHUP (a logout, `kill`,
// Ctrl+C in a terminal), so that the database closes as on a normal quit: its log folded in and
// the file remembered as checked, instead of left for the next start to read page by page.
// A signal handler may do almost nothing: it writes a byte to a socket pair, and the event loop
// does the rest (the pattern of Qt's "Calling Qt Functions From Unix Signal Handlers").
// One at a time; the previous handlers come back when it is destroyed.
class QuitOnSignal final : public QObject {
    Q_OBJECT
public:
    explicit QuitOnSignal(QObject* parent = nullptr);
    ~QuitOnSignal() override;

    // Whether a signal asked to quit (a nested event loop, such as a dialog's, may have ended
    // before the main one started).
    [[nodiscard]] bool received() const { return m_received; }

private:
    static void onSignal(int);
    void quit();

    QSocketNotifier* m_notifier = nullptr;
    bool m_received = false;
    struct sigaction m_previous[3] = {};
};

} // namespace dermaplan::ui
