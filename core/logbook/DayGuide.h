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
};

} // namespace dermaplan
