#pragma once

#include "domain/FollowUp.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QList>

#include <functional>

namespace dermaplan {

// What the answers about `session` (any order) did to its area, by the rule book's follow-up
// rules (domain guide, "Reaction follow-up"), answers taken in date order:
// - a holding state (infection, darkening) opens a reaction that holds the area until an answer
//   that ends it (resolved, cleared by a doctor, fine);
// - a restart-if-lasting state (redness, swelling) reported at or after the lasting mark opens
//   one too; the day an answer ends it, the session's recovery interval counts again from there;
// - earlier redness is expected and changes nothing.
[[nodiscard]] ReactionCourse reactionCourse(const Session& session, QList<FollowUp> answers,
                                            const FollowUpRules& rules);

// The advice an open reaction gives on `day`: the state's own, and a doctor's visit once a
// lasting one has gone on past the rule book's limit.
[[nodiscard]] QString openReactionAdvice(const ReactionCourse::Open& open, QDate sessionDate,
                                         QDate day, const FollowUpRules& rules);

// "redness reported on 2026-11-21 after the session of 2026-11-20 has not resolved": what holds
// the area of `reacted` (whose reaction is open), the dates written by `date` (ISO in files and
// the CLI, the locale's in the app). Every message about a held area says it so.
[[nodiscard]] QString unresolvedReaction(const Session& reacted, const FollowUpRules& rules,
                                         const std::function<QString(QDate)>& date);
// "on hold: " and the same: what a day or a needle the reaction holds says (Today, `next`, the
// plan's skipped days).
[[nodiscard]] QString onHoldText(const Session& reacted, const FollowUpRules& rules,
                                 const std::function<QString(QDate)>& date);

} // namespace dermaplan
