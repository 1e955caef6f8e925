#pragma once

#include "domain/Regimen.h"
#include "domain/StatsFigures.h"
#include "rules/DeviceStatus.h"

#include <QDate>
#include <QList>

namespace dermaplan {

// One ISO week of a regimen: its days in that week, and the sessions logged for it.
struct RegimenWeek {
    QDate week; // the period's first day (a week's Monday)
    int planned = 0;
    int done = 0;
    int tooSoon = 0;
    friend bool operator==(const RegimenWeek&, const RegimenWeek&) = default;
};

// How a regimen went in a period: the days it planned, and the sessions logged on its area.
struct RegimenFigures {
    Regimen regimen;
    int expected = 0; // its days from its start, every `everyDays`, in the period (up to today)
    int done = 0;     // sessions logged on its area with its needle in the period
    int missed = 0;   // its days before today, less its sessions before today (at least 0)
    int tooSoon = 0;  // of those sessions, recorded although a rule refused them
    // The same week by week (every week of the part of the period it ran in), for a chart of
    // adherence over time; the weeks add up to `expected`, `done` and `tooSoon`.
    QList<RegimenWeek> weeks;
};

// "How is it going?" over [from, to], on one area or all (Logbook::stats): the figures the
// Insights page charts and `stats` prints.
struct Stats {
    QDate from;
    QDate to;
    QString area;                           // empty: every area
    StatsPeriod period = StatsPeriod::Week; // how `weeks`, `reactions` and regimens' are grouped
    int sessions = 0;
    QList<WeekFigures> weeks;         // sessions, overrides and pain per week and area
    QList<ReactionFigures> reactions; // follow-up answers per week and state
    QList<RegimenFigures> regimens;   // each regimen that ran in the period, on the area
    QList<DeviceStatus> devices;      // uses against their limits, retired ones too
};

// The grouping that suits a period on a page: weeks up to 26 of them, months up to three years,
// years beyond (ten years still fit).
[[nodiscard]] StatsPeriod periodFor(QDate from, QDate to);

} // namespace dermaplan
