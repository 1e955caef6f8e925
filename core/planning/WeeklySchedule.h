#pragma once

#include "domain/IsoWeek.h"
#include "planning/Aftercare.h"
#include "planning/Planner.h"
#include "rules/Readiness.h"

#include <QDate>
#include <QList>

namespace dermaplan {

struct ScheduleDay {
    QDate date;
    QList<Occurrence> occurrences;    // planned (or missed) sessions that day
    QList<Session> logged;            // sessions logged that day
    QList<SkippedOccurrence> leftOut; // planned by a regimen, left out by the planner, and why
    QList<AftercareNote>
        notes; // aftercare that applies that day, per area one per rule (the longest)
};

// The notes that apply on `day`, per area one per rule (the longest-running, or before a session
// the nearest), in the rule book's order.
[[nodiscard]] QList<AftercareNote> notesOn(QDate day, const QList<AftercareNote>& notes,
                                           const RuleBook& rules);

// The schedule of a run of days (one ISO week for the printed page): what is planned each day,
// what was done, the aftercare that applies, and per area when each needle is next allowed. The
// printed page, the CLI and the app all render it (through WeekPoster), so they never disagree.
struct WeeklySchedule {
    QDate from;
    QDate to;
    QList<ScheduleDay> days;
    QDate today;
    // Per area with history or a plan; with the needle of the area's next planned session.
    struct AreaReadiness {
        Readiness readiness;
        std::optional<NeedleLength> plannedNeedle;
    };
    QList<AreaReadiness> readiness;
    // Every aftercare note of the sessions logged and planned around the range, before they are
    // merged into days: for answers that leave some out (the Today page skips planned sessions'
    // aftercare until they are logged).
    QList<AftercareNote> aftercare;
    QList<Pause> pauses; // those that reach into the range, by first day
    QStringList cleaningSteps;
    QList<Advice> generalAdvice; // on every schedule: products for broken skin, redness

    [[nodiscard]] static WeeklySchedule forWeek(IsoWeek week, const QList<Regimen>& regimens,
                                                const QList<Session>& history,
                                                const RuleBook& rules, QDate today);
    [[nodiscard]] static WeeklySchedule
    forRange(QDate from, QDate to, const QList<Regimen>& regimens, const QList<Session>& history,
             const RuleBook& rules, QDate today, const QList<Pause>& pauses = {});
};

} // namespace dermaplan
