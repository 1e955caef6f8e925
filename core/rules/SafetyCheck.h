#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/Readiness.h"
#include "rules/RuleBook.h"
#include "rules/Verdict.h"

#include <QDate>
#include <QList>

#include <optional>
#include <span>

namespace dermaplan {

// A draft session as input: a valid date not after `today`, a known area and zones, a needle in
// the range, pain from 0 to 10, known checklist items. Each error names its field ("date",
// "area", "needle", "pain", "contra"). Needs no history: a face checks it before it opens one.
[[nodiscard]] Status validateSession(const Session& draft, const RuleBook& rules, QDate today);

// Validates a draft session (validateSession: invalid input, not refusals), then applies every rule
// of the domain guide: the recovery interval against every session on the area (before and after
// it), zone caps (no zone ticked means the whole area), professional-only sizes, the
// contraindication checklist and device wear. The needle that counts is the longer of the draft's
// and its device's. Sessions by a professional are never refused: their refusals become advice.
[[nodiscard]] Result<Verdict> checkSession(const Session& draft, const QList<Session>& history,
                                           const RuleBook& rules, QDate today,
                                           const std::optional<DeviceState>& device = {});
// The same check against `onArea`: the sessions on the draft's area without the draft, in
// comesBefore order (Readiness.h). For a caller that checks many drafts against one history
// (an import) and keeps it in that order, so that nothing is copied or sorted per draft.
[[nodiscard]] Result<Verdict> checkSessionOnArea(const Session& draft,
                                                 std::span<const Session> onArea,
                                                 const RuleBook& rules, QDate today,
                                                 const std::optional<DeviceState>& device = {});

// Whether the rules would judge `a` and `b` alike: the same day and time, place, needle,
// performer, device and checklist (what differs is only pain, reaction, products or notes).
[[nodiscard]] bool judgedAlike(const Session& a, const Session& b);

// Validates a regimen and checks its cadence and needle: a cadence below the minimum interval is
// refused whoever performs it (the planner must never plan sessions closer than the minimum).
[[nodiscard]] Result<Verdict> checkRegimen(const Regimen& regimen, const RuleBook& rules);

} // namespace dermaplan
