// Follow-ups through the logbook: answers stored with their session, the questions due, and
// readiness, the check and the plan moving with the answers.
#include "LogbookFixture.h"

#include "domain/IsoDate.h"
#include "rules/ReadinessText.h"
#include "storage/FollowUpStore.h"

#include <QSet>
#include <QSignalSpy>

using namespace dermaplan;
using namespace Qt::StringLiterals;
using test::rules;

namespace {

class FollowUpTest : public test::LogbookFixture {
protected:
    // Logs a session `daysAgo` days before today; its id.
    qint64 logSession(const QString& area, double mm, int daysAgo) {
        Session s = draft(area, mm, m_today.addDays(-daysAgo));
        const auto outcome = m_logbook->log(s);
        EXPECT_TRUE(outcome && outcome->id)
            << (outcome ? "refused" : outcome.error().toString().toStdString());
        return outcome && outcome->id ? *outcome->id : 0;
    }

    Result<qint64> answer(qint64 session, const QString& state, int daysAgo = 0) {
        FollowUp f;
        f.sessionId = session;
        f.state = state;
        f.date = m_today.addDays(-daysAgo);
        return m_logbook->addFollowUp(f);
    }

    QList<DueFollowUp> due() {
        const auto list = m_logbook->followUpsDue();
        EXPECT_TRUE(list) << list.error().toString().toStdString();
        return list ? *list : QList<DueFollowUp>{};
    }
};

} // namespace

TEST_F(FollowUpTest, AnAnswerIsStoredWithItsSessionAndAnnounced) {
    const qint64 id = logSession(QStringLiteral("face"), 0.25, 1);
    QSignalSpy changed(m_logbook.get(), &Logbook::changed);
    const auto stored = answer(id, QStringLiteral("redness"));
    ASSERT_TRUE(stored) << stored.error().toString().toStdString();
    EXPECT_EQ(changed.count(), 1);
    const auto answers = m_logbook->followUps(id);
    ASSERT_TRUE(answers);
    ASSERT_EQ(answers->size(), 1);
    EXPECT_EQ(answers->constFirst().state, QStringLiteral("redness"));
    EXPECT_EQ(answers->constFirst().date, m_today);
    // Deleting the session deletes its answers.
    ASSERT_TRUE(m_logbook->removeSession(id));
    EXPECT_TRUE(FollowUpStore(*m_db).forSessions({id})->isEmpty());
}

TEST_F(FollowUpTest, BadAnswersNameTheFieldAndStoreNothing) {
    const qint64 id = logSession(QStringLiteral("face"), 0.25, 2);
    auto e = answer(id, QStringLiteral("itchy"));
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().field, QStringLiteral("state"));
    EXPECT_TRUE(e.error().message.contains(u"redness")) << "names the states it knows";
    e = answer(id, QStringLiteral("fine"), 3);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().field, QStringLiteral("date")) << "before the session";
    e = answer(id, QStringLiteral("fine"), -1);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().field, QStringLiteral("date")) << "in the future";
    e = answer(id + 100, QStringLiteral("fine"));
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().field, QStringLiteral("session"));
    EXPECT_TRUE(m_logbook->followUps(id)->isEmpty());
}

TEST_F(FollowUpTest, ChecksFallDueAtTheirTimesUntilAnsweredOrTooOld) {
    const FollowUpRules& f = rules().followUp();
    const QDate start = m_today;
    const qint64 id = logSession(QStringLiteral("face"), 0.25, 0);
    EXPECT_TRUE(due().isEmpty()) << "nothing on the session's own day";
    for (const FollowUpCheck& check : f.checks) {
        m_today = start.addDays(check.afterDays());
        const QList<DueFollowUp> list = due();
        ASSERT_EQ(list.size(), 1) << check.id.toStdString();
        EXPECT_EQ(list.constFirst().session.id, id);
        EXPECT_EQ(list.constFirst().check, check.id);
        EXPECT_EQ(list.constFirst().dueSince, m_today);
        EXPECT_TRUE(list.constFirst().states.contains(u"fine"));
        EXPECT_FALSE(list.constFirst().states.contains(u"resolved")) << "offered only later";
        ASSERT_TRUE(answer(id, QStringLiteral("fine")));
        EXPECT_TRUE(due().isEmpty()) << "answered";
    }
    // Unanswered, the last check is asked until ask_for_days after the session, then no more.
    const qint64 other = logSession(QStringLiteral("scalp"), 0.25, 0);
    const QDate logged = m_today;
    m_today = logged.addDays(f.askForDays);
    ASSERT_EQ(due().size(), 1);
    EXPECT_EQ(due().constFirst().session.id, other);
    EXPECT_EQ(due().constFirst().check, f.checks.constLast().id);
    m_today = logged.addDays(f.askForDays + 1);
    EXPECT_TRUE(due().isEmpty());
}

TEST_F(FollowUpTest, AnOpenReactionIsAskedAboutDailyAndHoldsTheAreaEverywhere) {
    const qint64 id = logSession(QStringLiteral("face"), 0.25, 20);
    ASSERT_TRUE(answer(id, QStringLiteral("infection"), 17));
    // Long after its checks, the open reaction is still asked about, with "resolved" offered.
    QList<DueFollowUp> list = due();
    ASSERT_EQ(list.size(), 1);
    EXPECT_TRUE(list.constFirst().check.isEmpty());
    EXPECT_TRUE(list.constFirst().states.contains(u"resolved"));
    EXPECT_TRUE(list.constFirst().session.course.open);

    const auto r = m_logbook->readiness(QStringLiteral("face"));
    ASSERT_TRUE(r);
    EXPECT_EQ(readinessLevel(*r, m_today, rules()), ReadinessLevel::Wait);
    EXPECT_TRUE(describeReadiness(*r, m_today, rules(), QLocale::c()).startsWith(u"on hold"));
    const auto verdict = m_logbook->check(draft(QStringLiteral("face"), 0.25, m_today));
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->blocksSaving());
    const auto guide = m_logbook->dayGuide();
    ASSERT_TRUE(guide);
    ASSERT_EQ(guide->followUps.size(), 1);
    EXPECT_EQ(guide->areas.constFirst().level, ReadinessLevel::Wait);
    // Another area is not held.
    EXPECT_EQ(readinessLevel(*m_logbook->readiness(QStringLiteral("scalp")), m_today, rules()),
              ReadinessLevel::Go);

    // Answered today: not asked again today; resolved: the area is free.
    ASSERT_TRUE(answer(id, QStringLiteral("infection")));
    EXPECT_TRUE(due().isEmpty());
    ASSERT_TRUE(answer(id, QStringLiteral("cleared")));
    EXPECT_EQ(readinessLevel(*m_logbook->readiness(QStringLiteral("face")), m_today, rules(),
                             NeedleLength::fromMillimetres(0.25)),
              ReadinessLevel::Go);
    EXPECT_FALSE(m_logbook->check(draft(QStringLiteral("face"), 0.25, m_today))->blocksSaving());
}

TEST_F(FollowUpTest, AReactionToASessionOutsideTheWindowStillHoldsTheArea) {
    // The readiness window reads recent sessions; an old session's open reaction counts too,
    // though a newer (overridden) session is the last one on the area.
    const qint64 old = logSession(QStringLiteral("face"), 0.25, 200);
    ASSERT_TRUE(answer(old, QStringLiteral("darkening"), 198));
    Session later = draft(QStringLiteral("face"), 0.25, m_today.addDays(-100));
    later.overrideReason = QStringLiteral("my dermatologist said so");
    ASSERT_TRUE(m_logbook->log(later));
    const auto r = m_logbook->readiness(QStringLiteral("face"));
    ASSERT_TRUE(r);
    EXPECT_EQ(readinessLevel(*r, m_today, rules()), ReadinessLevel::Wait);
    const auto plan = m_logbook->plan(m_today, m_today.addDays(30));
    ASSERT_TRUE(plan);
    ASSERT_TRUE(m_logbook->addRegimen(test::regimen(0, QStringLiteral("face"), 0.25, 3, m_today)));
    const auto held = m_logbook->plan(m_today, m_today.addDays(30));
    ASSERT_TRUE(held);
    EXPECT_TRUE(held->occurrences.isEmpty());
    EXPECT_FALSE(held->skipped.isEmpty());
}

// "Fine" ends a lasting redness, never a hold: after signs of infection or darkening only an
// answer that it resolved, or a doctor's clearance, lets the area be rolled again, however old
// the session (the store's query of sessions that may hold sees it too).
TEST_F(FollowUpTest, FineDoesNotEndAnInfectionOrDarkeningHold) {
    for (const QString& serious : {QStringLiteral("infection"), QStringLiteral("darkening")}) {
        SCOPED_TRACE(serious.toStdString());
        removeAllSessions();
        const qint64 id = logSession(QStringLiteral("scalp"), 0.25, 120);
        ASSERT_TRUE(answer(id, serious, 118));
        ASSERT_TRUE(answer(id, QStringLiteral("fine"), 110));
        const auto held = m_logbook->check(draft(QStringLiteral("scalp"), 0.25, m_today));
        ASSERT_TRUE(held);
        EXPECT_TRUE(held->blocksSaving()) << "fine after " << serious.toStdString();
        const auto r = m_logbook->readiness(QStringLiteral("scalp"));
        ASSERT_TRUE(r);
        EXPECT_EQ(readinessLevel(*r, m_today, rules()), ReadinessLevel::Wait);
        ASSERT_TRUE(answer(id, QStringLiteral("cleared"), 100));
        const auto cleared = m_logbook->check(draft(QStringLiteral("scalp"), 0.25, m_today));
        ASSERT_TRUE(cleared);
        EXPECT_FALSE(cleared->blocksSaving()) << "a doctor's clearance ends it";
    }
    removeAllSessions();
    const qint64 red = logSession(QStringLiteral("face"), 0.25, 30);
    ASSERT_TRUE(answer(red, QStringLiteral("redness"), 26)); // lasting
    ASSERT_TRUE(answer(red, QStringLiteral("fine"), 24));
    const auto ended = m_logbook->check(draft(QStringLiteral("face"), 0.25, m_today));
    ASSERT_TRUE(ended);
    EXPECT_FALSE(ended->blocksSaving()) << "fine ends a lasting redness";
}

TEST_F(FollowUpTest, LastingRednessRestartsTheClockFromTheDayItResolved) {
    const qint64 id = logSession(QStringLiteral("face"), 0.5, 12);
    ASSERT_TRUE(answer(id, QStringLiteral("redness"), 9)); // at 72 h
    ASSERT_TRUE(answer(id, QStringLiteral("resolved"), 2));
    const auto r = m_logbook->readiness(QStringLiteral("face"));
    ASSERT_TRUE(r);
    const int minimum =
        rules().interval(QStringLiteral("face"), NeedleLength::fromMillimetres(0.5)).minimumDays;
    EXPECT_EQ(r->forNeedle(rules(), NeedleLength::fromMillimetres(0.5)).earliestAllowedDate,
              m_today.addDays(-2 + minimum));
    const auto verdict = m_logbook->check(draft(QStringLiteral("face"), 0.5, m_today));
    ASSERT_TRUE(verdict);
    EXPECT_TRUE(verdict->blocksSaving()) << "12 days after the session, 2 after it resolved";
    const auto refusal =
        std::find_if(verdict->reasons.cbegin(), verdict->reasons.cend(),
                     [](const Reason& reason) { return reason.severity == Severity::Refuse; });
    ASSERT_NE(refusal, verdict->reasons.cend());
    EXPECT_TRUE(refusal->message.contains(
        u"the reaction to the session of %1 (0.5 mm) resolved on %2, 2 days earlier"_s.arg(
            isoDateText(m_today.addDays(-12)), isoDateText(m_today.addDays(-2)))))
        << refusal->message.toStdString();

    // The plan counts from the same day, and says so where it advises.
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("face"), 0.5, minimum, m_today.addDays(-12))));
    const auto plan = m_logbook->plan(m_today, m_today.addDays(20));
    ASSERT_TRUE(plan);
    ASSERT_FALSE(plan->occurrences.isEmpty());
    const Occurrence& next = plan->occurrences.constFirst();
    EXPECT_EQ(next.date, m_today.addDays(-2 + minimum));
    ASSERT_FALSE(next.advice.isEmpty());
    EXPECT_TRUE(next.advice.constLast().message.contains(u"after the reaction to the session of"))
        << next.advice.constLast().message.toStdString();
}

TEST_F(FollowUpTest, TodayNamesTheLastSessionThoughAnOlderOneIsStillHeldByAReaction) {
    const qint64 old = logSession(QStringLiteral("face"), 0.25, 200);
    ASSERT_TRUE(answer(old, QStringLiteral("darkening"), 198));
    Session later = draft(QStringLiteral("face"), 0.25, m_today.addDays(-100));
    later.overrideReason = QStringLiteral("my dermatologist said so");
    ASSERT_TRUE(m_logbook->log(later));
    const auto guide = m_logbook->dayGuide();
    ASSERT_TRUE(guide);
    const AreaDay* face = nullptr;
    for (const AreaDay& a : guide->areas)
        if (a.area == u"face")
            face = &a;
    ASSERT_TRUE(face);
    ASSERT_TRUE(face->readiness.lastSession);
    EXPECT_EQ(face->readiness.lastSession->date, m_today.addDays(-100))
        << "the last session, not the one whose reaction holds the area";
    EXPECT_EQ(face->level, ReadinessLevel::Wait);
    const auto direct = m_logbook->readiness(QStringLiteral("face"));
    ASSERT_TRUE(direct);
    EXPECT_EQ(direct->lastSession->date, face->readiness.lastSession->date) << "Today = next";
}

TEST_F(FollowUpTest, OnlySessionsWhoseReactionMayStillHoldAreReadHoweverOld) {
    // Redness in the first days (most sessions): never a holding session.
    const qint64 early = logSession(QStringLiteral("face"), 0.25, 300);
    ASSERT_TRUE(answer(early, QStringLiteral("redness"), 299));
    // Lasting redness, still open: holds.
    const qint64 open = logSession(QStringLiteral("face"), 0.25, 250);
    ASSERT_TRUE(answer(open, QStringLiteral("redness"), 246));
    // Darkening that resolved long ago: over.
    const qint64 over = logSession(QStringLiteral("scalp"), 0.25, 300);
    ASSERT_TRUE(answer(over, QStringLiteral("darkening"), 299));
    ASSERT_TRUE(answer(over, QStringLiteral("resolved"), 280));
    // Lasting swelling that resolved a few days ago: its clock restarted then.
    const qint64 restarted = logSession(QStringLiteral("body"), 0.25, 20);
    ASSERT_TRUE(answer(restarted, QStringLiteral("swelling"), 16));
    ASSERT_TRUE(answer(restarted, QStringLiteral("resolved"), 3));

    FollowUpStore::HoldingQuery query;
    for (const ReactionState& s : rules().followUp().states) {
        if (s.effect == ReactionEffect::Hold)
            query.holding << s.id;
        if (s.effect == ReactionEffect::RestartIfLasting)
            query.lasting << s.id;
        if (s.effect == ReactionEffect::Ends)
            query.ending << s.id;
    }
    query.lastingAfterDays = rules().followUp().lastingAfterDays();
    query.endedBefore = m_today.addDays(-longestWindowDays(rules()));
    auto found = FollowUpStore(*m_db).ofSessionsThatMayHold(query);
    ASSERT_TRUE(found) << found.error().toString().toStdString();
    QSet<qint64> sessions;
    for (const FollowUp& f : *found)
        sessions.insert(f.sessionId);
    EXPECT_EQ(sessions, (QSet<qint64>{open, restarted}));
    query.areas = QStringList{QStringLiteral("body")};
    found = FollowUpStore(*m_db).ofSessionsThatMayHold(query);
    ASSERT_TRUE(found);
    ASSERT_FALSE(found->isEmpty());
    EXPECT_EQ(found->constFirst().sessionId, restarted) << "only the areas asked about";
    EXPECT_EQ(found->size(), 2) << "with all its answers";
}

TEST_F(FollowUpTest, ASessionCannotBeMovedPastTheAnswersAboutIt) {
    const qint64 id = logSession(QStringLiteral("scalp"), 0.25, 6);
    ASSERT_TRUE(answer(id, QStringLiteral("fine"), 5));
    Session moved = *m_logbook->session(id);
    moved.date = m_today.addDays(-4);
    const Status refused = m_logbook->editSession(moved);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, QStringLiteral("date"));
    EXPECT_EQ(m_logbook->session(id)->date, m_today.addDays(-6)) << "unchanged";
    moved.date = m_today.addDays(-5); // the answer's own day: still after it
    EXPECT_TRUE(m_logbook->editSession(moved));
}
