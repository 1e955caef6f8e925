#pragma once

#include "domain/Session.h"
#include "planning/Aftercare.h"
#include "planning/Planner.h"
#include "rules/DeviceStatus.h"
#include "rules/Readiness.h"

#include <QDate>
#include <QList>

#include <optional>

namespace dermaplan {

// One area as the Today page shows it.
struct AreaDay {
    QString area;
    Readiness readiness;                    // holds the last session too
    std::optional<NeedleLength> nextNeedle; // the needle of the area's next planned session
    ReadinessLevel level = ReadinessLevel::Go;
    QList<Occurrence> thisWeek; // planned from Monday to Sunday of this week
};

// A session planned for the day, and whether its needle is allowed on its area that day.
struct DueSession {
    Occurrence occurrence;
    ReadinessLevel level = ReadinessLevel::Go; // for the occurrence's needle
    Readiness readiness;                       // of its area, which says why
};

// A question "how is your skin?" that is due about a session: at one of the rule book's checks
// (24 h, 72 h), or, while a reaction to it is open, daily until an answer ends it.
struct DueFollowUp {
    Session session; // with its reaction
    QString check;   // the check's id ("day-3"); empty when asking about an open reaction
    QDate dueSince;
    // The states to offer, in the rule book's order: those for a check, or for an open reaction.
    QStringList states;
};

// The answer to "what now?" for one day: what is due and whether it is allowed, the aftercare
// running today, the devices that need attention, and per area (with history or a plan) when each
// needle is next allowed. Computed by Logbook::dayGuide(); the Today page only shows it.
struct DayGuide {
    QDate date;
    QList<DueSession> due;          // planned for today
    std::optional<Occurrence> next; // the next planned session after today
    QList<AftercareNote> aftercare; // of sessions logged, and pauses before planned ones
    QList<DeviceStatus> devices;    // to clean, or to replace soon or now
    QList<AreaDay> areas;           // in the rule book's order
    QList<DueFollowUp> followUps;   // questions about recent sessions, oldest session first
};

} // namespace dermaplan
