#pragma once

#include "domain/Pause.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"
#include "rules/SafetyCheck.h"

#include <QDate>
#include <QList>

namespace dermaplan {

// One planned session produced by a regimen (computed, never stored).
struct Occurrence {
    enum class Status { Planned, Missed }; // Missed: its day has passed and nothing was logged
    QDate date;
    qint64 regimenId = 0;
    QString regimenName;
    QString area;
    QStringList zones;
    NeedleLength needle;
    Performer performedBy = Performer::Self;
    Status status = Status::Planned;
    QList<Reason> advice; // advice that applies to it (never a refusal: those are not planned)
    // Why it is not where the regimen's cadence alone would put it (a pause moved it; a longer
    // needle logged before it made it wait), with dates as ISO dates; empty when it is.
    QString moved;
};

// A candidate the planner left out, and why (e.g. too close to another regimen's session).
struct SkippedOccurrence {
    QDate date;
    qint64 regimenId = 0;
    QString reason; // with dates as ISO dates
    QString area;   // what it would have been, for the pages that say so on its day
    NeedleLength needle;
    QString regimenName;
};

struct Plan {
    QList<Occurrence> occurrences; // date order
    QList<SkippedOccurrence> skipped;
};

// A regimen as a template describes it, starting on `start`.
[[nodiscard]] Regimen regimenFromTemplate(const RegimenTemplate& t, QDate start);

// The name a regimen gets when the user gives none, the same in the app and the CLI:
// "Scalp, 0.5 mm every 14 days".
[[nodiscard]] QString defaultRegimenName(const Regimen& regimen, const RuleBook& rules);

// Plans the sessions of `regimens` that fall in [from, to].
// - Each regimen runs from its start at its cadence; a real session on its area (logged early or
//   late) re-anchors it: the next occurrence follows that session by the cadence.
// - No planned occurrence comes closer to another planned one or to a logged session on the
//   same area than the minimum interval (the larger of both needles' rules); candidates that
//   would are skipped, with the reason.
// - Occurrences before `today` with nothing logged since are marked Missed.
// - Regimens that checkRegimen refuses produce nothing (listed as skipped).
// - A session that falls in a pause (on its area, or on all) moves to the day after it, and the
//   regimen goes on from there: later intervals are never shortened to catch up.
[[nodiscard]] Plan planSessions(const QList<Regimen>& regimens, const QList<Session>& history,
                                const RuleBook& rules, QDate today, QDate from, QDate to,
                                const QList<Pause>& pauses = {});

} // namespace dermaplan
