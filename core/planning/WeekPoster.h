#pragma once

#include "planning/WeeklySchedule.h"

#include <QLocale>
#include <QString>

namespace dermaplan {

// A line that belongs to an area: "Face" and "No makeup · No sauna — until Thu 26 Nov, 20:00".
struct AreaLine {
    QString area; // the area's name as people read it; empty for lines about no area
    QString text;
};

struct SourcedLine {
    QString text;
    QString sources; // the sources' names: "Soltani-Arabshahi et al. 2014"
};

struct PosterSession {
    enum class State { ToDo, Done, Missed };
    State state = State::ToDo;
    QString title;  // "Scalp · 0.5 mm · hairline, crown"
    QString detail; // the regimen's name, or "done" / "missed"
};

struct PosterDay {
    QDate date;
    QList<PosterSession> sessions; // empty: a rest day
    QList<AreaLine> paused;        // the pauses that cover the day: area ("Every area"), reason
    // Sessions a regimen would have had that day, left out, and why: "Scalp · 0.25 mm",
    // "left out: too close to the session of Wed 25 Nov (0.5 mm needs at least 7 days)".
    QList<AreaLine> leftOut;
    QList<AreaLine> aftercare; // aftercare that starts this day, each rule once, with its end
    // Aftercare said on an earlier day (or above the days) and still in force, in a few words:
    // "no makeup (last day), no actives", per area.
    QList<AreaLine> still;
};

// The week as the printed page says it, computed once from a WeeklySchedule so the page, the HTML,
// the app's week view and the CLI's text say each thing once and in one way:
// - aftercare appears on the day it starts, per area, with the day (and time) it ends; what was
//   already running when the week began is said once under "this week";
// - one date format throughout ("Thu 26 Nov"), and nothing in the past is presented as upcoming
//   (a planned session whose day has passed is "missed"; a date already reached reads "now").
struct WeekPoster {
    QString title; // "Week of 23–29 November 2026"
    QList<PosterDay> days;
    QList<AreaLine> thisWeek;    // aftercare carried into the week from earlier sessions
    QList<AreaLine> nextAllowed; // per area with a plan or history
    QList<SourcedLine> advice;   // general advice, on every week
    QStringList cleaningSteps;
    QString disclaimer;

    [[nodiscard]] static WeekPoster from(const WeeklySchedule& schedule, const RuleBook& rules,
                                         const QLocale& locale);
};

// Per area (in the rule book's order), the notes' texts grouped by when they end, soonest first:
// "No makeup · No sauna, swimming or heavy sweating — until Thu 26 Nov, 20:00".
[[nodiscard]] QList<AreaLine> aftercareLines(QList<AftercareNote> notes, QDate today,
                                             const RuleBook& rules, const QLocale& locale);

// "Week of 23–29 November 2026", "Week of 30 November – 6 December 2026" (a seven-day range from
// its first day); other ranges "23 November – 6 December 2026". Long dates in the locale's order.
[[nodiscard]] QString weekTitle(QDate from, QDate to, const QLocale& locale);

} // namespace dermaplan
