#pragma once

#include "logbook/Reminders.h"

#include <QList>
#include <QObject>

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
    explicit ReminderCenter(AppContext& context, QObject* parent = nullptr);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    // The reminders announced and still current (the banner's list).
    [[nodiscard]] const QList<Reminder>& current() const { return m_current; }

public slots:
    // Looks now: announces what is new (does nothing while disabled).
    void check();

signals:
    // Reminders not shown before, all that came up at one look (one notification, not ten).
    void remindersDue(const QList<Reminder>& reminders);

private:
    AppContext& m_context;
    bool m_enabled = false;
    QList<Reminder> m_current;
};

} // namespace dermaplan::ui
