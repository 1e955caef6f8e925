#pragma once

#include "domain/IsoWeek.h"
#include "planning/Aftercare.h"
#include "planning/Planner.h"

#include <QDate>
#include <QList>

namespace dermaplan {

struct ScheduleDay {
    QDate date;
    QList<Occurrence> occurrences; // planned (or missed) sessions that day
    QList<Session> logged;         // sessions logged that day
    QList<AftercareNote> notes;    // aftercare that applies that day, one per rule (the longest)
};

// The schedule of a run of days (one ISO week for the printed page): what is planned each day,
// what was done, the aftercare that applies, and the next safe date per area. It is what the
// printed page, the CLI and the app all render, so they never disagree.
struct WeeklySchedule {
    QDate from;
    QDate to;
    QList<ScheduleDay> days;
    QList<RecoveryWindow> nextSafe; // per area with history or a plan, after the last session
    QStringList cleaningSteps;

    [[nodiscard]] static WeeklySchedule forWeek(IsoWeek week, const QList<Regimen>& regimens,
                                                const QList<Session>& history,
                                                const RuleBook& rules, QDate today);
    [[nodiscard]] static WeeklySchedule forRange(QDate from, QDate to,
                                                 const QList<Regimen>& regimens,
                                                 const QList<Session>& history,
                                                 const RuleBook& rules, QDate today);
};

} // namespace dermaplan
