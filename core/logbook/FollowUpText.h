#pragma once

#include "domain/FollowUp.h"
#include "logbook/DayGuide.h"
#include "rules/RuleBook.h"

#include <QLocale>

namespace dermaplan {

// Follow-ups in the words both faces show (the Today page, `followup --due`, history).

// The session a question is about: "Face · 0.5 mm · Cheeks, Mon 23 Nov".
[[nodiscard]] QString followUpSubject(const DueFollowUp& due, QDate today, const RuleBook& rules,
                                      const QLocale& locale);
// The question: "24 hours after: how is the skin?", or, for an open reaction, "Signs of infection
// since Tue 24 Nov: has it resolved?".
[[nodiscard]] QString followUpQuestion(const DueFollowUp& due, QDate today, const RuleBook& rules,
                                       const QLocale& locale);
// What to do while the reaction is open ("See a doctor now. …"); empty at a plain check.
[[nodiscard]] QString followUpAdvice(const DueFollowUp& due, QDate today, const RuleBook& rules);
// Why an area is held by a reaction, and what to do: "Signs of infection since Tue 24 Nov: See a
// doctor now. …"; empty when no reaction holds it on `today`.
[[nodiscard]] QString reactionHoldText(const Readiness& readiness, QDate today,
                                       const RuleBook& rules, const QLocale& locale);
// An answer as history shows it: "Redness (Wed 25 Nov)".
[[nodiscard]] QString followUpAnswerText(const FollowUp& answer, QDate today, const RuleBook& rules,
                                         const QLocale& locale);
// A state's label ("Signs of infection"), or its id when the rule book no longer knows it.
[[nodiscard]] QString reactionStateLabel(const QString& stateId, const RuleBook& rules);

} // namespace dermaplan
