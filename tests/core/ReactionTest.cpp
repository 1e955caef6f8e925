// Reaction follow-up (domain guide, "Reaction follow-up"): what an answer does to its session's
// area, driven by the rule data, and how readiness, the check and the planner follow it.
#include "TestSupport.h"

#include "domain/IsoDate.h"

#include "planning/Planner.h"
#include "rules/Reaction.h"
#include "rules/Readiness.h"
#include "rules/ReadinessText.h"
#include "rules/SafetyCheck.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;
using test::rules;

namespace {

const QDate kDay(2026, 3, 2);

const FollowUpRules& followUp() {
    return rules().followUp();
}

FollowUp answer(QDate date, const QString& state, qint64 id = 0) {
    FollowUp f;
    f.id = id;
    f.sessionId = 1;
    f.date = date;
    f.state = state;
    return f;
}

// A 0.5 mm face session on kDay, with its course from `answers`.
Session reacted(const QList<FollowUp>& answers) {
    Session s = test::session(QStringLiteral("face"), 0.5, kDay);
    s.id = 1;
    s.course = reactionCourse(s, answers, followUp());
    return s;
}

QString firstStateWith(ReactionEffect effect) {
    for (const ReactionState& s : followUp().states)
        if (s.effect == effect)
            return s.id;
    return {};
}

} // namespace

TEST(ReactionTest, EveryStateAtEveryCheckDoesWhatItsEffectSays) {
    ASSERT_FALSE(followUp().checks.isEmpty());
    for (const ReactionState& state : followUp().states) {
        for (const FollowUpCheck& check : followUp().checks) {
            SCOPED_TRACE((state.id + QStringLiteral(" at ") + check.id).toStdString());
            const QDate on = kDay.addDays(check.afterDays());
            const Session s = reacted({answer(on, state.id)});
            const bool lasting = check.afterDays() >= followUp().lastingAfterDays();
            switch (state.effect) {
            case ReactionEffect::None:
            case ReactionEffect::Ends:
            case ReactionEffect::EndsLasting:
                EXPECT_FALSE(s.course.open);
                break;
            case ReactionEffect::RestartIfLasting:
                EXPECT_EQ(bool(s.course.open), lasting);
                break;
            case ReactionEffect::Hold:
                ASSERT_TRUE(s.course.open);
                EXPECT_EQ(s.course.open->since, on);
                break;
            }
            EXPECT_FALSE(s.course.restartedOn);
            // Every ending state closes it; only a lasting one restarts the clock, on its day.
            for (const ReactionState& end : followUp().states) {
                // One that ends only a lasting reaction leaves a hold open.
                if (end.effect != ReactionEffect::Ends &&
                    (end.effect != ReactionEffect::EndsLasting ||
                     state.effect == ReactionEffect::Hold))
                    continue;
                const QDate endDay = on.addDays(4);
                const Session closed =
                    reacted({answer(on, state.id, 1), answer(endDay, end.id, 2)});
                EXPECT_FALSE(closed.course.open) << end.id.toStdString();
                const bool restarts = state.effect == ReactionEffect::RestartIfLasting && lasting;
                EXPECT_EQ(closed.course.restartedOn,
                          restarts ? std::optional(endDay) : std::nullopt)
                    << end.id.toStdString();
                EXPECT_EQ(clockStart(closed), restarts ? endDay : kDay);
            }
        }
    }
}

TEST(ReactionTest, AnswersCountInDateOrderWhateverOrderTheyCameIn) {
    const QString hold = firstStateWith(ReactionEffect::Hold);
    const QString ends = firstStateWith(ReactionEffect::Ends);
    const Session s = reacted({answer(kDay.addDays(6), ends, 9), answer(kDay.addDays(2), hold, 3)});
    EXPECT_FALSE(s.course.open);
    const Session stillOpen =
        reacted({answer(kDay.addDays(2), ends, 9), answer(kDay.addDays(6), hold, 3)});
    ASSERT_TRUE(stillOpen.course.open);
    EXPECT_EQ(stillOpen.course.open->since, kDay.addDays(6));
}

TEST(ReactionTest, AStateTheRuleBookDoesNotKnowChangesNothing) {
    const Session s = reacted({answer(kDay.addDays(3), QStringLiteral("no-such-state"))});
    EXPECT_EQ(s.course, ReactionCourse{});
}

TEST(ReactionTest, ALastingReactionRestartsTheClockOnTheDayItResolved) {
    const QDate resolved = kDay.addDays(10);
    const Session s = reacted({answer(kDay.addDays(3), QStringLiteral("redness")),
                               answer(resolved, QStringLiteral("resolved"))});
    const NeedleLength mm05 = NeedleLength::fromMillimetres(0.5);
    const Readiness r = readiness(QStringLiteral("face"), {s}, rules());
    const IntervalRule& rule = rules().interval(QStringLiteral("face"), mm05);
    EXPECT_EQ(r.forNeedle(rules(), mm05).earliestAllowedDate, resolved.addDays(rule.minimumDays));
    EXPECT_EQ(r.forNeedle(rules(), mm05).recommendedDate, resolved.addDays(rule.defaultDays));
    // Without the answers the interval counts from the session.
    const Readiness plain = readiness(QStringLiteral("face"), {reacted({})}, rules());
    EXPECT_EQ(plain.forNeedle(rules(), mm05).earliestAllowedDate, kDay.addDays(rule.minimumDays));
    EXPECT_EQ(recoverySpan(s, rules()).allowedFrom, resolved.addDays(rule.minimumDays));
}

TEST(ReactionTest, AnOpenReactionHoldsEveryNeedleFromItsReportUntilItEnds) {
    const QDate since = kDay.addDays(3);
    const Session s = reacted({answer(since, QStringLiteral("infection"))});
    const Readiness r = readiness(QStringLiteral("face"), {s}, rules());
    const QDate later = kDay.addDays(200);
    for (const NeedleReadiness& n : r.needles) {
        EXPECT_TRUE(n.heldByReactionOn(later));
        EXPECT_FALSE(n.allowedOn(later));
        EXPECT_FALSE(n.heldByReactionOn(since.addDays(-1))) << "held from its report on";
    }
    EXPECT_EQ(readinessLevel(r, later, rules()), ReadinessLevel::Wait);
    EXPECT_FALSE(r.allowedUpTo(later));
    const QString text = describeReadiness(r, later, rules(), QLocale::c());
    EXPECT_TRUE(text.startsWith(u"on hold: signs of infection reported on")) << text.toStdString();
    EXPECT_TRUE(
        describeReadiness(r, later, rules(), QLocale::c(), NeedleLength::fromMillimetres(0.25))
            .startsWith(u"on hold"));
}

TEST(ReactionTest, TheCheckRefusesANewSessionWhileAReactionIsOpenAndSaysWhatToDo) {
    const Session s = reacted({answer(kDay.addDays(2), QStringLiteral("darkening"))});
    Session draft = test::session(QStringLiteral("face"), 0.25, kDay.addDays(60));
    auto verdict = checkSession(draft, {s}, rules(), kDay.addDays(60));
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->blocksSaving());
    const auto reason = std::find_if(verdict->reasons.cbegin(), verdict->reasons.cend(),
                                     [](const Reason& r) { return r.rule == u"reaction"; });
    ASSERT_NE(reason, verdict->reasons.cend());
    EXPECT_EQ(reason->severity, Severity::Refuse);
    EXPECT_TRUE(reason->message.contains(u"sun protection")) << reason->message.toStdString();
    EXPECT_TRUE(reason->sources.contains(u"S-PIH"));
    // A session logged for a day before the darkening was reported is judged by the interval.
    draft.date = kDay.addDays(1);
    draft.needle = NeedleLength::fromMillimetres(0.5);
    verdict = checkSession(draft, {s}, rules(), kDay.addDays(60));
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(std::none_of(verdict->reasons.cbegin(), verdict->reasons.cend(),
                             [](const Reason& r) { return r.rule == u"reaction"; }));
    // A professional is told, never refused.
    draft.date = kDay.addDays(60);
    draft.performedBy = Performer::Professional;
    verdict = checkSession(draft, {s}, rules(), kDay.addDays(60));
    ASSERT_TRUE(verdict);
    EXPECT_EQ(verdict->severity, Severity::Advise);
}

TEST(ReactionTest, ALastingReactionOpenPastAWeekAdvisesADoctor) {
    const ReactionCourse::Open open{QStringLiteral("swelling"), kDay.addDays(3)};
    const int limit = followUp().seeDoctorAfterDays;
    EXPECT_FALSE(openReactionAdvice(open, kDay, kDay.addDays(limit), followUp())
                     .startsWith(u"It has lasted"));
    EXPECT_TRUE(openReactionAdvice(open, kDay, kDay.addDays(limit + 1), followUp())
                    .contains(u"see a doctor"));
}

TEST(ReactionTest, ThePlannerHoldsTheAreaWhileAReactionIsOpenAndRestartsFromItsEnd) {
    const Regimen regimen = test::regimen(1, QStringLiteral("face"), 0.5, 14, kDay);
    const QDate since = kDay.addDays(3);
    const QDate to = kDay.addDays(120);
    const Session open = reacted({answer(since, QStringLiteral("redness"))});
    const Plan held = planSessions({regimen}, {open}, rules(), since, since, to);
    EXPECT_TRUE(held.occurrences.isEmpty());
    ASSERT_FALSE(held.skipped.isEmpty());
    EXPECT_TRUE(held.skipped.constFirst().reason.startsWith(u"on hold: redness"));

    const QDate resolved = kDay.addDays(12);
    const Session ended = reacted(
        {answer(since, QStringLiteral("redness")), answer(resolved, QStringLiteral("resolved"))});
    const Plan after = planSessions({regimen}, {ended}, rules(), resolved, resolved, to);
    ASSERT_FALSE(after.occurrences.isEmpty());
    EXPECT_EQ(after.occurrences.constFirst().date, resolved.addDays(regimen.everyDays));
}

TEST(ReactionTest, EveryMessageAboutAHeldAreaNamesTheReactionTheDayAndTheSession) {
    // Today, `next`, the schedule and the check all say it the same way: what was reported, when,
    // and after which session (the Today line and `next` said nothing of the session).
    const QDate since = kDay.addDays(3);
    const QDate later = kDay.addDays(30);
    const Session s = reacted({answer(since, QStringLiteral("redness"))});
    const QString iso = u"redness reported on "_s + since.toString(Qt::ISODate) +
                        u" after the session of "_s + kDay.toString(Qt::ISODate) +
                        u" has not resolved"_s;
    EXPECT_EQ(unresolvedReaction(s, followUp(), isoDateText), iso);

    const Readiness r = readiness(QStringLiteral("face"), {s}, rules());
    const QString today = describeReadiness(r, later, rules(), QLocale::c());
    EXPECT_EQ(today,
              u"on hold: "_s + unresolvedReaction(
                                   s, followUp(),
                                   [&](QDate d) { return readinessDate(d, later, QLocale::c()); }))
        << today.toStdString();
    EXPECT_TRUE(today.contains(u"after the session of"));

    const Plan plan = planSessions({test::regimen(1, QStringLiteral("face"), 0.5, 14, kDay)}, {s},
                                   rules(), later, later, later.addDays(30));
    ASSERT_FALSE(plan.skipped.isEmpty());
    EXPECT_EQ(plan.skipped.constFirst().reason, u"on hold: "_s + iso);

    const auto verdict =
        checkSession(test::session(QStringLiteral("face"), 0.25, later), {s}, rules(), later);
    ASSERT_TRUE(verdict);
    ASSERT_FALSE(verdict->reasons.isEmpty());
    EXPECT_TRUE(verdict->reasons.constFirst().message.startsWith(
        u"Redness reported on "_s + since.toString(Qt::ISODate) + u" after the session of"_s))
        << verdict->reasons.constFirst().message.toStdString();
}
