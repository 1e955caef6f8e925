#pragma once

#include "logbook/DayGuide.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>

namespace dermaplan {

// Something to remind the user of, in words both faces show (the app's notifications and
// banner; `due` prints the same items).
struct Reminder {
    enum class Kind {
        Session,  // planned today, and its needle is allowed on its area today
        Device,   // to clean, or to replace
        FollowUp, // "how is the skin?" is due
        Missed,   // planned on a day that went by without a session
    };
    Kind kind = Kind::Session;
    // The same for the same reminder however often it is asked, so it is shown once.
    QString key;
    QDate since; // the day it fell due
    QString title;
    QString text;
};

// The planned sessions of the guide's day whose needle is allowed on their area that day: a
// reminder never comes before the rules allow the session.
[[nodiscard]] QList<DueSession> allowedSessions(const DayGuide& guide);

// What to remind of on the guide's day: the allowed sessions, the devices to clean or replace,
// the follow-ups due.
[[nodiscard]] QList<Reminder> remindersFor(const DayGuide& guide, const RuleBook& rules,
                                           const QLocale& locale);

// Whether `reminders` holds one with `key` (the same reminder, however often it was asked).
[[nodiscard]] bool holdsReminder(const QList<Reminder>& reminders, const QString& key);
// Keeps in `reminders` only those `current` still holds.
void keepCurrent(QList<Reminder>& reminders, const QList<Reminder>& current);

// A planned session that went by without one, as a reminder.
[[nodiscard]] Reminder missedReminder(const Occurrence& missed, const RuleBook& rules,
                                      const QLocale& locale);

} // namespace dermaplan
