#include "FollowUpText.h"

#include "planning/ScheduleText.h"
#include "rules/Reaction.h"
#include "rules/ReadinessText.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class FollowUpTextTr {
    Q_DECLARE_TR_FUNCTIONS(FollowUpText)
};

} // namespace

QString reactionStateLabel(const QString& stateId, const RuleBook& rules) {
    const ReactionState* state = rules.followUp().state(stateId);
    return state ? state->label : stateId;
}

QString followUpSubject(const DueFollowUp& due, QDate today, const RuleBook& rules,
                        const QLocale& locale) {
    const Session& s = due.session;
    return FollowUpTextTr::tr("%1, %2").arg(sessionTitle(s.area, countingNeedle(s), s.zones, rules),
                                            readinessDate(s.date, today, locale));
}

QString followUpQuestion(const DueFollowUp& due, QDate today, const RuleBook& rules,
                         const QLocale& locale) {
    if (due.session.course.open) {
        const ReactionCourse::Open& open = *due.session.course.open;
        return FollowUpTextTr::tr("%1 since %2: has it resolved?")
            .arg(reactionStateLabel(open.state, rules), readinessDate(open.since, today, locale));
    }
    const FollowUpRules& f = rules.followUp();
    for (const FollowUpCheck& check : f.checks)
        if (check.id == due.check)
            return FollowUpTextTr::tr("%n hour(s) after: how is the skin?", nullptr,
                                      check.afterHours);
    return FollowUpTextTr::tr("How is the skin?");
}

QString followUpAdvice(const DueFollowUp& due, QDate today, const RuleBook& rules) {
    if (!due.session.course.open)
        return {};
    return openReactionAdvice(*due.session.course.open, due.session.date, today, rules.followUp());
}

QString reactionHoldText(const Readiness& readiness, QDate today, const RuleBook& rules,
                         const QLocale& locale) {
    const NeedleReadiness* held = readiness.firstHeldOn(today);
    if (!held || !held->heldByReactionOn(today))
        return {};
    const Session& reacted = *held->heldByReaction;
    const ReactionCourse::Open& open = *reacted.course.open;
    const QString advice = openReactionAdvice(open, reacted.date, today, rules.followUp());
    const QString what =
        FollowUpTextTr::tr("%1 since %2")
            .arg(reactionStateLabel(open.state, rules), readinessDate(open.since, today, locale));
    return advice.isEmpty() ? what : FollowUpTextTr::tr("%1: %2").arg(what, advice);
}

QString followUpAnswerText(const FollowUp& answer, QDate today, const RuleBook& rules,
                           const QLocale& locale) {
    return FollowUpTextTr::tr("%1 (%2)").arg(reactionStateLabel(answer.state, rules),
                                             readinessDate(answer.date, today, locale));
}

} // namespace dermaplan
