// Pauses: stored as validated, and the plan moves past them without ever catching up (a
// property over random regimens and pauses), on their area only or on all.
#include "LogbookFixture.h"

#include "planning/Planner.h"

#include <random>

using namespace dermaplan;
using namespace Qt::StringLiterals;
using test::rules;

namespace {

class PausesTest : public test::LogbookFixture {};

QList<Occurrence> ofRegimen(const Plan& plan, qint64 id) {
    QList<Occurrence> out;
    for (const Occurrence& o : plan.occurrences)
        if (o.regimenId == id)
            out << o;
    return out;
}

} // namespace

TEST_F(PausesTest, PausesAreValidatedStoredRemovedAndRestored) {
    auto bad = m_logbook->addPause(Pause{0, m_today, m_today.addDays(-1), {}, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"to"_s);
    bad = m_logbook->addPause(Pause{0, {}, m_today, {}, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"from"_s);
    bad = m_logbook->addPause(Pause{0, m_today, m_today, u"elbow"_s, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"area"_s);
    EXPECT_TRUE(m_logbook->pauses()->isEmpty()) << "nothing stored by a refused pause";

    const Pause holiday{0, m_today.addDays(3), m_today.addDays(12), {}, u"  Holiday  "_s};
    const auto id = m_logbook->addPause(holiday);
    ASSERT_TRUE(id);
    const auto stored = m_logbook->pauses();
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1);
    EXPECT_EQ(stored->constFirst().reason, u"Holiday"_s);
    EXPECT_TRUE(m_logbook->pauses(m_today.addDays(13))->isEmpty()) << "ended by then";
    const auto removed = m_logbook->removePause(*id);
    ASSERT_TRUE(removed);
    EXPECT_EQ(removed->id, *id);
    EXPECT_TRUE(m_logbook->pauses()->isEmpty());
    EXPECT_FALSE(m_logbook->removePause(*id)) << "already gone";
    const auto back = m_logbook->restorePause(*removed);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, *id) << "back with its id";
    EXPECT_EQ(m_logbook->pauses()->constFirst(), *removed);
}

TEST_F(PausesTest, ThePlanMovesPastAPauseOnItsAreaAndGoesOnFromThere) {
    // Scalp every 14 days from the 30th: 30 Nov, 14 Dec, 28 Dec... A holiday 10–20 Dec.
    ASSERT_TRUE(m_logbook->addRegimen(test::regimen(0, u"scalp"_s, 0.5, 14, QDate(2026, 11, 30))));
    ASSERT_TRUE(m_logbook->addRegimen(test::regimen(0, u"face"_s, 0.25, 7, QDate(2026, 11, 30))));
    ASSERT_TRUE(m_logbook->addPause(
        Pause{0, QDate(2026, 12, 10), QDate(2026, 12, 20), u"scalp"_s, u"holiday"_s}));
    const auto plan = m_logbook->plan(QDate(2026, 11, 26), QDate(2027, 1, 31));
    ASSERT_TRUE(plan);
    QList<QDate> scalp, face;
    for (const Occurrence& o : plan->occurrences)
        (o.area == u"scalp" ? scalp : face) << o.date;
    EXPECT_EQ(scalp, (QList<QDate>{QDate(2026, 11, 30), QDate(2026, 12, 21), QDate(2027, 1, 4),
                                   QDate(2027, 1, 18)}))
        << "moved to the day after, then every 14 days from there";
    EXPECT_TRUE(face.contains(QDate(2026, 12, 14))) << "the pause is the scalp's only";
    // A pause on every area moves the face too.
    ASSERT_TRUE(m_logbook->addPause(Pause{0, QDate(2026, 12, 13), QDate(2026, 12, 15), {}, {}}));
    const auto both = m_logbook->plan(QDate(2026, 11, 26), QDate(2027, 1, 31));
    ASSERT_TRUE(both);
    for (const Occurrence& o : both->occurrences)
        EXPECT_FALSE(o.date >= QDate(2026, 12, 13) && o.date <= QDate(2026, 12, 15))
            << o.area.toStdString() << " " << o.date.toString(Qt::ISODate).toStdString();
    // The week's schedule lists the pauses that reach into it.
    const auto week = m_logbook->schedule(QDate(2026, 12, 14), QDate(2026, 12, 20));
    ASSERT_TRUE(week);
    EXPECT_EQ(week->pauses.size(), 2);
}

TEST_F(PausesTest, PausesNeverCompressIntervalsOverRandomRegimensAndPauses) {
    std::mt19937 random(20261206);
    const QStringList areas{u"face"_s, u"scalp"_s, u"body"_s};
    int moved = 0, checked = 0;
    for (int round = 0; round < 200; ++round) {
        const QDate today(2026, 11, 26);
        QList<Regimen> regimens;
        for (qsizetype a = 0; a < areas.size(); ++a)
            if (random() % 4) {
                const int every = std::array{7, 10, 14, 28}[random() % 4];
                regimens << test::regimen(a + 1, areas[a], areas[a] == u"scalp" ? 0.5 : 0.25, every,
                                          today.addDays(int(random() % 40) - 20));
            }
        QList<Pause> pauses;
        const int n = int(random() % 4);
        for (int i = 0; i < n; ++i) {
            const QDate from = today.addDays(int(random() % 120) - 10);
            pauses << Pause{i + 1,
                            from,
                            from.addDays(int(random() % 21)),
                            random() % 2 ? QString() : areas[random() % 3],
                            {}};
        }
        const QDate to = today.addDays(180);
        // From before every start, so that the n-th session of each plan is the same one.
        const QDate from = today.addDays(-30);
        const Plan without = planSessions(regimens, {}, rules(), today, from, to);
        const Plan plan = planSessions(regimens, {}, rules(), today, from, to, pauses);
        SCOPED_TRACE(QStringLiteral("round %1").arg(round).toStdString());
        for (const Regimen& r : regimens) {
            const QList<Occurrence> days = ofRegimen(plan, r.id);
            for (qsizetype i = 0; i < days.size(); ++i) {
                for (const Pause& p : pauses)
                    EXPECT_FALSE(p.covers(days[i].date, r.area))
                        << days[i].date.toString(Qt::ISODate).toStdString() << " in a pause";
                if (i > 0) {
                    EXPECT_GE(days[i - 1].date.daysTo(days[i].date), r.everyDays)
                        << "never closer together to catch up";
                    ++checked;
                }
            }
            // Moved, never earlier: each session is on or after the one it replaces.
            const QList<Occurrence> before = ofRegimen(without, r.id);
            for (qsizetype i = 0; i < std::min(days.size(), before.size()); ++i) {
                EXPECT_GE(days[i].date, before[i].date);
                moved += days[i].date != before[i].date ? 1 : 0;
            }
        }
    }
    EXPECT_GT(checked, 500);
    EXPECT_GT(moved, 50) << "the pauses moved sessions";
}
