#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QList>

#include <optional>

namespace dermaplan {

// One reason behind a verdict: which rule, in plain words, with its sources.
struct Reason {
    Severity severity = Severity::Advise;
    QString rule;    // "interval", "interval-default", "zone-cap", "home-use", "contraindication",
                     // "device-wear", "device-retired", "device-needle"
    QString message; // plain words, ready to show
    QStringList sources;
    std::optional<QDate> earliestSafeDate; // for interval reasons
};

struct Verdict {
    Severity severity = Severity::Ok; // the worst reason
    QList<Reason> reasons;
    std::optional<QDate> earliestSafeDate; // the latest of the reasons' dates
    bool overridden = false;               // refused, but the user gave an override reason

    // A refusal blocks saving unless it was overridden with a reason.
    [[nodiscard]] bool blocksSaving() const { return severity == Severity::Refuse && !overridden; }
    void add(Reason reason);
};

// Last session on an area and when the next may follow it.
struct RecoveryWindow {
    QString area;
    std::optional<Session> lastSession;
    QDate earliestSafeDate; // minimum interval; invalid if there is no session yet
    QDate recommendedDate;  // default interval; invalid if there is no session yet
};

// The sessions (other than `draft` itself, matched by id) on `area`, oldest first.
[[nodiscard]] QList<Session> sessionsOnArea(const QList<Session>& history, const QString& area,
                                            qint64 excludeId = 0);

// When the next session on `area` may be, given the history. `nextNeedle`, if known, counts too:
// the gap is the larger of the previous needle's rule and the next needle's rule.
[[nodiscard]] RecoveryWindow recoveryWindow(const QString& area, const QList<Session>& history,
                                            const RuleBook& rules,
                                            std::optional<NeedleLength> nextNeedle = {});

// Validates a draft session (a future date, an unknown area or zone, a needle outside the
// range, pain outside 0-10 are invalid input, not refusals), then applies every rule of the
// domain guide: recovery interval per area (against the sessions before and after it), zone
// caps, professional-only sizes, the contraindication checklist and device wear. Sessions by a
// professional are never refused: their refusals become advice.
[[nodiscard]] Result<Verdict> checkSession(const Session& draft, const QList<Session>& history,
                                           const RuleBook& rules, QDate today,
                                           const std::optional<DeviceState>& device = {});

// Validates a regimen and checks its cadence and needle: a cadence below the minimum interval is
// refused whoever performs it (the planner must never plan sessions closer than the minimum).
[[nodiscard]] Result<Verdict> checkRegimen(const Regimen& regimen, const RuleBook& rules);

} // namespace dermaplan
