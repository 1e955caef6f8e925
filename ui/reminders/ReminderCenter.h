#pragma once

#include "logbook/Reminders.h"

#include <QList>
#include <QObject>
#include <QTime>
#include <QTimer>

#include <functional>

namespace dermaplan::ui {

class AppContext;

// Decides when to remind: at start, at each new day and when asked, it takes the logbook's
// reminders (Logbook::reminders) and announces the ones not shown yet, once each. What was shown
// and the last day it looked are kept with QSettings, so the planned days that went by while the
// app was closed come up at the next start, and nothing comes twice. Off until enabled (the
// Preferences dialog); how a reminder reaches the user (tray, banner) is the window's part.
class ReminderCenter final : public QObject {
    Q_OBJECT
public:
    // `now` is the time of day (tests give their own): a new day's reminders wait until
    // kMorningHour rather than come at midnight.
    explicit ReminderCenter(AppContext& context, std::function<QTime()> now = &QTime::currentTime,
                            QObject* parent = nullptr);
    static constexpr int kMorningHour = 7;

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    // The reminders announced and still current (the banner's list).
    [[nodiscard]] const QList<Reminder>& current() const { return m_current; }
    // A new day began before the morning: its reminders wait for it.
    [[nodiscard]] bool isWaitingForMorning() const { return m_morning.isActive(); }

public slots:
    // Looks now: announces what is new (does nothing while disabled).
    void check();

private slots:
    // At a new day: now when it is morning already, else at kMorningHour.
    void checkInTheMorning();
    // After a change to the history: current() again from the same day on, announcing nothing
    // (an answered question, a session logged after all, drop out of it).
    void refresh();

signals:
    // Reminders not shown before, all that came up at one look (one notification, not ten).
    void remindersDue(const QList<Reminder>& reminders);
    // current() changed: a question was answered, a session logged (the banner drops them).
    void currentChanged(const QList<Reminder>& current);

private:
    // The QSettings group of this database's reminders (a second database has its own).
    [[nodiscard]] QString settingsGroup() const;

    AppContext& m_context;
    std::function<QTime()> m_now;
    QTimer m_morning;
    bool m_enabled = false;
    QList<Reminder> m_current;
    QDate m_since; // the day the last look counted from
};

} // namespace dermaplan::ui
