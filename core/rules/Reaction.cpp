#include "Reaction.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermaplan {

namespace {

class ReactionTr {
    Q_DECLARE_TR_FUNCTIONS(Reaction)
};

} // namespace

ReactionCourse reactionCourse(const Session& session, QList<FollowUp> answers,
                              const FollowUpRules& rules) {
    std::sort(answers.begin(), answers.end(), [](const FollowUp& a, const FollowUp& b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    ReactionCourse course;
    // Whether the open reaction is a lasting one, whose end restarts the clock.
    bool lasting = false;
    for (const FollowUp& answer : std::as_const(answers)) {
        const ReactionState* state = rules.state(answer.state);
        if (!state)
            continue; // a state the rule book no longer knows changes nothing
        switch (state->effect) {
        case ReactionEffect::None:
            break;
        case ReactionEffect::RestartIfLasting:
            if (session.date.daysTo(answer.date) < rules.lastingAfterDays())
                break; // expected in the first days
            lasting = true;
            if (!course.open)
                course.open = ReactionCourse::Open{answer.state, answer.date};
            break;
        case ReactionEffect::Hold:
            // The most serious state is the one named; the hold runs from the first report.
            course.open =
                ReactionCourse::Open{answer.state, course.open ? course.open->since : answer.date};
            break;
        case ReactionEffect::EndsLasting:
            // "Fine" after infection or darkening does not end the hold: only an answer that it
            // resolved, or a doctor's clearance, does (domain guide, reaction follow-up).
            if (const ReactionState* open = course.open ? rules.state(course.open->state) : nullptr;
                open && open->effect == ReactionEffect::Hold)
                break;
            [[fallthrough]];
        case ReactionEffect::Ends:
            if (course.open && lasting)
                course.restartedOn = answer.date;
            course.open.reset();
            lasting = false;
            break;
        }
    }
    return course;
}

QString unresolvedReaction(const Session& reacted, const FollowUpRules& rules,
                           const std::function<QString(QDate)>& date) {
    const ReactionCourse::Open& open = *reacted.course.open;
    const ReactionState* state = rules.state(open.state);
    return ReactionTr::tr("%1 reported on %2 after the session of %3 has not resolved")
        .arg(state ? state->label.toLower() : open.state, date(open.since), date(reacted.date));
}

QString onHoldText(const Session& reacted, const FollowUpRules& rules,
                   const std::function<QString(QDate)>& date) {
    return ReactionTr::tr("on hold: %1").arg(unresolvedReaction(reacted, rules, date));
}

QString openReactionAdvice(const ReactionCourse::Open& open, QDate sessionDate, QDate day,
                           const FollowUpRules& rules) {
    const ReactionState* state = rules.state(open.state);
    QString advice = state ? state->advice : QString();
    if (state && state->effect == ReactionEffect::RestartIfLasting &&
        sessionDate.daysTo(day) > rules.seeDoctorAfterDays)
        advice = ReactionTr::tr("It has lasted more than %n day(s): see a doctor.", nullptr,
                                rules.seeDoctorAfterDays);
    return advice;
}

} // namespace dermaplan
