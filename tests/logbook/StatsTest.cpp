// Logbook::stats: the figures SQLite aggregates, against the same figures worked out by hand from
// generated histories, and a regimen's adherence on a history small enough to count on paper.
#include "LogbookFixture.h"

#include "storage/FollowUpStore.h"

#include <QHash>

#include <random>

using namespace dermaplan;
using test::rules;

namespace {

class StatsTest : public test::LogbookFixture {};

QDate mondayOf(QDate d) {
    return d.addDays(1 - d.dayOfWeek());
}

} // namespace

TEST_F(StatsTest, WeeklyFiguresAgreeWithCountingByHandOverRandomHistories) {
    std::mt19937 random(20261126);
    int counted = 0, weeksSeen = 0, answersSeen = 0; // over all rounds: the test checked something
    const QStringList areas{QStringLiteral("face"), QStringLiteral("scalp"),
                            QStringLiteral("body")};
    for (int round = 0; round < 20; ++round) {
        removeAllSessions();
        const QDate from = m_today.addDays(-int(random() % 200) - 30);
        const QDate to = from.addDays(int(random() % 120));
        QList<Session> sessions;
        QList<FollowUp> answers;
        const int n = int(random() % 40);
        QList<Session> toStore;
        for (int i = 0; i < n; ++i) {
            Session s = draft(areas[random() % 3], 0.25, m_today.addDays(-int(random() % 260)));
            if (random() % 3)
                s.pain = int(random() % 11);
            if (random() % 5 == 0)
                s.overrideReason = QStringLiteral("my dermatologist said so");
            toStore << s;
        }
        const auto ids = SessionStore(*m_db).addAll(toStore);
        ASSERT_TRUE(ids);
        for (qsizetype i = 0; i < toStore.size(); ++i) {
            Session s = toStore[i];
            s.id = ids->at(i);
            sessions << s;
            if (random() % 2) {
                const QString state = rules().followUp().states[random() % 6].id;
                FollowUp f{0, s.id, std::min(m_today, s.date.addDays(random() % 5)), state, {}};
                ASSERT_TRUE(FollowUpStore(*m_db).add(f));
                answers << f;
            }
        }
        const QString area = random() % 2 ? QString() : areas[random() % 3];
        SCOPED_TRACE(QStringLiteral("round %1: %2 sessions, %3 to %4, area '%5'")
                         .arg(round)
                         .arg(n)
                         .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), area)
                         .toStdString());
        const auto stats = m_logbook->stats(from, to, area);
        ASSERT_TRUE(stats) << stats.error().toString().toStdString();

        // By hand: per (Monday, area) the count, the overrides and the pain scores.
        struct Tally {
            int sessions = 0, overridden = 0;
            QList<int> pain;
        };
        QMap<std::pair<QDate, QString>, Tally> byHand;
        int total = 0;
        for (const Session& s : std::as_const(sessions)) {
            if (s.date < from || s.date > to || (!area.isEmpty() && s.area != area))
                continue;
            Tally& t = byHand[{mondayOf(s.date), s.area}];
            ++t.sessions;
            t.overridden += s.overrideReason.isEmpty() ? 0 : 1;
            if (s.pain)
                t.pain << *s.pain;
            ++total;
        }
        EXPECT_EQ(stats->sessions, total);
        counted += total;
        weeksSeen += int(byHand.size());
        ASSERT_EQ(stats->weeks.size(), byHand.size());
        qsizetype i = 0;
        for (auto it = byHand.cbegin(); it != byHand.cend(); ++it, ++i) {
            const WeekFigures& w = stats->weeks[i];
            EXPECT_EQ(w.week, it.key().first);
            EXPECT_EQ(w.area, it.key().second);
            EXPECT_EQ(w.sessions, it->sessions);
            EXPECT_EQ(w.overridden, it->overridden);
            EXPECT_EQ(w.painScores, it->pain.size());
            if (it->pain.isEmpty()) {
                EXPECT_FALSE(w.meanPain);
            } else {
                ASSERT_TRUE(w.meanPain);
                double sum = 0;
                for (int p : it->pain)
                    sum += p;
                EXPECT_DOUBLE_EQ(*w.meanPain, sum / it->pain.size());
                EXPECT_EQ(*w.maxPain, *std::max_element(it->pain.cbegin(), it->pain.cend()));
            }
        }

        // Reactions per (Monday, state), by the day of the answer.
        QMap<std::pair<QDate, QString>, int> reactions;
        QHash<qint64, QString> areaOf;
        for (const Session& s : std::as_const(sessions))
            areaOf.insert(s.id, s.area);
        for (const FollowUp& f : std::as_const(answers))
            if (f.date >= from && f.date <= to && (area.isEmpty() || areaOf[f.sessionId] == area))
                ++reactions[{mondayOf(f.date), f.state}];
        ASSERT_EQ(stats->reactions.size(), reactions.size());
        answersSeen += int(reactions.size());
        i = 0;
        for (auto it = reactions.cbegin(); it != reactions.cend(); ++it, ++i)
            EXPECT_EQ(stats->reactions[i],
                      (ReactionFigures{it.key().first, it.key().second, it.value()}));
    }
    EXPECT_GT(counted, 50);
    EXPECT_GT(weeksSeen, 20);
    EXPECT_GT(answersSeen, 10);
}

TEST_F(StatsTest, ARegimensAdherenceCountsItsDaysItsSessionsAndTheOnesTooSoon) {
    // Scalp every 7 days from Mon 2 Nov: by Thu 26 Nov its days were 2, 9, 16 and 23 Nov.
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("scalp"), 0.25, 7, QDate(2026, 11, 2))));
    for (const QDate d : {QDate(2026, 11, 2), QDate(2026, 11, 10)})
        ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("scalp"), 0.25, d)));
    Session early = draft(QStringLiteral("scalp"), 0.25, QDate(2026, 11, 11));
    early.overrideReason = QStringLiteral("travelling");
    ASSERT_TRUE(m_logbook->log(early)); // 1 day after the last: refused, recorded anyway
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("face"), 0.25, QDate(2026, 11, 12))));

    const auto stats = m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30));
    ASSERT_TRUE(stats);
    ASSERT_EQ(stats->regimens.size(), 1);
    const RegimenFigures& r = stats->regimens.constFirst();
    EXPECT_EQ(r.expected, 4) << "days to come are not counted";
    EXPECT_EQ(r.done, 3) << "scalp sessions only";
    EXPECT_EQ(r.missed, 1);
    EXPECT_EQ(r.tooSoon, 1);
    // Week by week: one day in each of its four weeks; the 10th and 11th in the second.
    const QList<RegimenWeek> weeks{{QDate(2026, 11, 2), 1, 1, 0},
                                   {QDate(2026, 11, 9), 1, 2, 1},
                                   {QDate(2026, 11, 16), 1, 0, 0},
                                   {QDate(2026, 11, 23), 1, 0, 0}};
    EXPECT_EQ(r.weeks, weeks);
    // A period from the 10th: its days 16 and 23 Nov; two sessions (10th, 11th).
    const auto later =
        m_logbook->stats(QDate(2026, 11, 10), QDate(2026, 11, 30), QStringLiteral("scalp"));
    ASSERT_TRUE(later);
    EXPECT_EQ(later->regimens.constFirst().expected, 2);
    EXPECT_EQ(later->regimens.constFirst().done, 2);
    EXPECT_EQ(later->sessions, 2);
    EXPECT_TRUE(m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30), QStringLiteral("face"))
                    ->regimens.isEmpty());
    // On one of its days, that day is planned but not missed yet, and its session makes up
    // for no earlier day.
    m_today = QDate(2026, 11, 30);
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("scalp"), 0.25, m_today)));
    const auto onItsDay = m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30));
    ASSERT_TRUE(onItsDay);
    EXPECT_EQ(onItsDay->regimens.constFirst().expected, 5);
    EXPECT_EQ(onItsDay->regimens.constFirst().done, 4);
    EXPECT_EQ(onItsDay->regimens.constFirst().missed, 1) << "4 days before today, 3 sessions";
    // A session with another needle is not this regimen's.
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("scalp"), 0.5, 14, QDate(2026, 11, 2))));
    const auto two = m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30));
    ASSERT_TRUE(two);
    ASSERT_EQ(two->regimens.size(), 2);
    EXPECT_EQ(two->regimens[1].expected, 3) << "2, 16 and 30 Nov";
    EXPECT_EQ(two->regimens[1].done, 0) << "no 0.5 mm session";
    EXPECT_EQ(two->regimens[1].missed, 2);
    // Its weeks start on the Monday before the period: 26 Oct to 1 Nov holds no day of it.
    const auto fromSunday = m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30));
    ASSERT_TRUE(fromSunday);
    for (const RegimenFigures& f : fromSunday->regimens) {
        int planned = 0, done = 0, tooSoon = 0;
        for (const RegimenWeek& w : f.weeks) {
            EXPECT_EQ(w.week.dayOfWeek(), 1);
            planned += w.planned;
            done += w.done;
            tooSoon += w.tooSoon;
        }
        EXPECT_EQ(planned, f.expected);
        EXPECT_EQ(done, f.done);
        EXPECT_EQ(tooSoon, f.tooSoon);
        EXPECT_EQ(f.weeks.constFirst().week, QDate(2026, 11, 2)) << "the regimen starts on the 2nd";
        EXPECT_EQ(f.weeks.constLast().week, QDate(2026, 11, 30));
    }
}

TEST_F(StatsTest, BadPeriodsAndAreasAreNamed) {
    auto bad = m_logbook->stats(m_today, m_today.addDays(-1));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("from"));
    bad = m_logbook->stats(m_today.addDays(-7), m_today, QStringLiteral("elbow"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, QStringLiteral("area"));
    const auto empty = m_logbook->stats(m_today.addDays(-7), m_today);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->sessions, 0);
    EXPECT_TRUE(empty->weeks.isEmpty());
}

TEST_F(StatsTest, MonthsAndYearsCountEachSessionInItsOwnMonthAndYear) {
    // Wed 1 Apr 2026 is in the ISO week of Mon 30 Mar; Fri 1 Jan 2027 in that of Mon 28 Dec.
    m_today = QDate(2027, 1, 10);
    for (const QDate d :
         {QDate(2026, 3, 30), QDate(2026, 4, 1), QDate(2026, 12, 31), QDate(2027, 1, 1)})
        ASSERT_TRUE(SessionStore(*m_db).add(draft(QStringLiteral("scalp"), 0.25, d)));
    const auto months = m_logbook->stats(QDate(2026, 1, 1), m_today, {}, StatsPeriod::Month);
    ASSERT_TRUE(months);
    EXPECT_EQ(months->period, StatsPeriod::Month);
    QMap<QDate, int> byMonth;
    for (const WeekFigures& w : months->weeks)
        byMonth[w.week] += w.sessions;
    EXPECT_EQ(byMonth, (QMap<QDate, int>{{QDate(2026, 3, 1), 1},
                                         {QDate(2026, 4, 1), 1},
                                         {QDate(2026, 12, 1), 1},
                                         {QDate(2027, 1, 1), 1}}));
    const auto years = m_logbook->stats(QDate(2026, 1, 1), m_today, {}, StatsPeriod::Year);
    ASSERT_TRUE(years);
    ASSERT_EQ(years->weeks.size(), 2);
    EXPECT_EQ(years->weeks[0].sessions, 3);
    EXPECT_EQ(years->weeks[1].week, QDate(2027, 1, 1));
    EXPECT_EQ(years->weeks[1].sessions, 1);
}

TEST_F(StatsTest, ARegimensPlannedDaysMovePastPausesAsThePlanDoes) {
    // Scalp every 7 days from Mon 2 Nov; a pause on the scalp 8-12 Nov moves the 9th to the
    // 13th, then 20th and 27th. By Thu 26 Nov: 2, 13 and 20 Nov.
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("scalp"), 0.25, 7, QDate(2026, 11, 2))));
    ASSERT_TRUE(m_logbook->addPause(
        Pause{0, QDate(2026, 11, 8), QDate(2026, 11, 12), QStringLiteral("scalp"), {}}));
    const auto stats = m_logbook->stats(QDate(2026, 11, 1), QDate(2026, 11, 30));
    ASSERT_TRUE(stats);
    ASSERT_EQ(stats->regimens.size(), 1);
    EXPECT_EQ(stats->regimens[0].expected, 3) << "not 4: the paused day moved";
    EXPECT_EQ(stats->regimens[0].missed, 3);
    const auto plan = m_logbook->plan(QDate(2026, 11, 1), QDate(2026, 11, 26));
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->occurrences.size(), stats->regimens[0].expected) << "as the plan has them";
}
