#include "planning/WeekPoster.h"
#include "TestSupport.h"
#include "planning/ScheduleText.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using test::regimen;
using test::rules;
using test::session;

namespace {

const QDate kToday(2026, 11, 25); // a Wednesday in ISO week 2026-W48 (23-29 November)
const IsoWeek kWeek{2026, 48};

WeekPoster poster(const QList<Regimen>& regimens, const QList<Session>& history) {
    return WeekPoster::from(WeeklySchedule::forWeek(kWeek, regimens, history, rules(), kToday),
                            rules(), QLocale::c());
}

// Every line the poster says, with the day it is said on ("" for lines above the days).
QList<std::pair<QDate, QString>> aftercareLines(const WeekPoster& p) {
    QList<std::pair<QDate, QString>> lines;
    for (const AreaLine& l : p.thisWeek)
        lines.append({QDate(), l.area + QStringLiteral(": ") + l.text});
    for (const PosterDay& d : p.days)
        for (const AreaLine& l : d.aftercare)
            lines.append({d.date, l.area + QStringLiteral(": ") + l.text});
    return lines;
}

qsizetype linesMentioning(const WeekPoster& p, const QString& text) {
    qsizetype n = 0;
    for (const auto& line : aftercareLines(p))
        n += line.second.contains(text) ? 1 : 0;
    return n;
}

} // namespace

TEST(WeekPoster, TitleIsTheWeekInWordsInTheLocalesOrder) {
    EXPECT_EQ(weekTitle(QDate(2026, 11, 23), QDate(2026, 11, 29), QLocale::c()),
              QStringLiteral("Week of 23–29 November 2026"));
    EXPECT_EQ(weekTitle(QDate(2026, 11, 30), QDate(2026, 12, 6), QLocale::c()),
              QStringLiteral("Week of 30 November – 6 December 2026"));
    EXPECT_EQ(weekTitle(QDate(2026, 12, 28), QDate(2027, 1, 3), QLocale::c()),
              QStringLiteral("Week of 28 December 2026 – 3 January 2027"));
    EXPECT_EQ(weekTitle(QDate(2026, 11, 23), QDate(2026, 11, 29),
                        QLocale(QLocale::English, QLocale::UnitedStates)),
              QStringLiteral("Week of November 23 – November 29, 2026"));
    // Locales whose dates carry words with the year: whole dates rather than broken ones.
    const QString ja =
        weekTitle(QDate(2026, 11, 23), QDate(2026, 11, 29), QLocale(QLocale::Japanese));
    EXPECT_TRUE(ja.contains(
        QLocale(QLocale::Japanese).toString(QDate(2026, 11, 23), QStringLiteral("yyyy年M月d日"))))
        << ja.toStdString();
    const QLocale es(QLocale::Spanish, QLocale::Spain);
    const QString spanish = weekTitle(QDate(2026, 11, 30), QDate(2026, 12, 6), es);
    EXPECT_FALSE(spanish.contains(QStringLiteral("de –"))) << spanish.toStdString();
    EXPECT_TRUE(spanish.contains(QStringLiteral("30 de noviembre de 2026")))
        << spanish.toStdString();
    EXPECT_TRUE(weekTitle(QDate(2026, 11, 23), QDate(2026, 11, 29), QLocale(QLocale::German))
                    .contains(QStringLiteral("23.–29. November 2026")));
    EXPECT_EQ(weekTitle(QDate(2026, 11, 24), QDate(2026, 12, 6), QLocale::c()),
              QStringLiteral("24 November – 6 December 2026"))
        << "a range that is not a week is not called one";
}

TEST(WeekPoster, AftercareIsSaidOnceWhereItStartsPerAreaWithItsEnd) {
    // Tuesday 24 November, 20:00: face. Friday 27: a planned scalp session.
    const WeekPoster p =
        poster({regimen(1, QStringLiteral("scalp"), 0.5, 14, QDate(2026, 11, 27))},
               {session(QStringLiteral("face"), 0.25, QDate(2026, 11, 24), QTime(20, 0))});
    ASSERT_EQ(p.days.size(), 7);
    EXPECT_TRUE(p.days[0].aftercare.isEmpty()) << "nothing starts on Monday";
    EXPECT_TRUE(p.days[2].aftercare.isEmpty()) << "Wednesday repeats nothing from Tuesday";
    QStringList tuesday;
    for (const AreaLine& l : p.days[1].aftercare) {
        EXPECT_EQ(l.area, QStringLiteral("Face"));
        tuesday << l.text;
    }
    EXPECT_TRUE(tuesday.contains(QStringLiteral(
        "No makeup · No sauna, swimming or heavy sweating — until Thu 26 Nov, 20:00")))
        << tuesday.join(u'\n').toStdString();
    // The scalp session's notes are on Friday, under the scalp, to the end of a whole day (its
    // time is not known yet).
    bool scalpOnFriday = false;
    for (const AreaLine& l : p.days[4].aftercare)
        scalpOnFriday |= l.area == u"Scalp" && l.text.startsWith(QStringLiteral("No sauna")) &&
                         l.text.endsWith(QStringLiteral("— through Sun 29 Nov"));
    EXPECT_TRUE(scalpOnFriday);
    // Each rule, area and session once in the whole week.
    EXPECT_EQ(linesMentioning(p, QStringLiteral("No makeup")), 1);
    for (const auto& [day, line] : aftercareLines(p))
        EXPECT_EQ(linesMentioning(p, line), 1) << line.toStdString();
}

// Said in full once, aftercare is still in force on the days after: each of them says so in a
// few words, so that a "rest" day does not read as "anything goes".
TEST(WeekPoster, EachDaySaysWhatIsStillInForceInOneShortLine) {
    // Monday 23 November, 20:00: face, 0.5 mm (makeup 48 h, sun 7 days, SPF 4 weeks).
    const WeekPoster p =
        poster({}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23), QTime(20, 0))});
    ASSERT_EQ(p.days.size(), 7);
    const auto still = [&](int day) {
        QStringList lines;
        for (const AreaLine& l : p.days[day].still)
            lines << l.area + QStringLiteral(": ") + l.text;
        return lines.join(u'\n');
    };
    EXPECT_TRUE(p.days[0].still.isEmpty()) << "Monday says it in full: " << still(0).toStdString();
    EXPECT_EQ(still(1), QStringLiteral("Face: no makeup, no sauna or sweating, no direct sun, SPF "
                                       "30+, no actives"));
    EXPECT_TRUE(still(2).startsWith(QStringLiteral("Face: no makeup (last day)")))
        << still(2).toStdString();
    EXPECT_FALSE(still(3).contains(QStringLiteral("makeup"))) << "over on Wednesday evening";
    EXPECT_TRUE(still(3).contains(QStringLiteral("no direct sun")));
    EXPECT_TRUE(still(6).contains(QStringLiteral("SPF 30+")));
    // The full text is still said once.
    EXPECT_EQ(linesMentioning(p, QStringLiteral("No makeup")), 1);
    // The text schedule says it too.
    const QString text = renderScheduleText(
        WeeklySchedule::forWeek(
            kWeek, {}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23), QTime(20, 0))},
            rules(), kToday),
        rules(), QLocale::c());
    EXPECT_TRUE(text.contains(QStringLiteral("still: Face: no makeup (last day)")))
        << text.toStdString();
}

// A session logged with a longer needle than the plan's makes the plan wait: the days the plan
// would have used say so, and the session after the wait says why it comes later.
TEST(WeekPoster, SessionsThePlannerLeavesOutOrMovesSayWhy) {
    // Face 0.25 mm every 3 days from Monday 23; a 0.5 mm session (a 0.5 mm roller) on Tuesday 24.
    const QList<Regimen> plan{regimen(1, QStringLiteral("face"), 0.25, 3, QDate(2026, 11, 23))};
    const QList<Session> logged{session(QStringLiteral("face"), 0.5, QDate(2026, 11, 24))};
    const WeekPoster p = poster(plan, logged);
    ASSERT_EQ(p.days[4].leftOut.size(), 1) << "Friday 27, three days after";
    EXPECT_EQ(p.days[4].leftOut[0].area, QStringLiteral("Face · 0.25 mm"));
    EXPECT_EQ(p.days[4].leftOut[0].text,
              QStringLiteral("left out: waits for the 0.5 mm session of Tue 24 Nov (0.5 mm needs "
                             "at least 7 days)"));
    for (const PosterDay& d : p.days)
        EXPECT_TRUE(d.sessions.isEmpty() || d.date == QDate(2026, 11, 24))
            << "nothing else planned this week";
    const WeekPoster next =
        WeekPoster::from(WeeklySchedule::forWeek(IsoWeek{2026, 49}, plan, logged, rules(), kToday),
                         rules(), QLocale::c());
    ASSERT_EQ(next.days[1].sessions.size(), 1) << "Tuesday 1 December, 7 days after";
    EXPECT_TRUE(next.days[1].sessions[0].detail.contains(
        QStringLiteral("waits for the 0.5 mm session of Tue 24 Nov")))
        << next.days[1].sessions[0].detail.toStdString();
    const QString text = renderScheduleText(
        WeeklySchedule::forWeek(kWeek, plan, logged, rules(), kToday), rules(), QLocale::c());
    EXPECT_TRUE(text.contains(QStringLiteral("Friday 27 November 2026\n  Face · 0.25 mm: left out: "
                                             "waits for the 0.5 mm session")))
        << text.toStdString();
}

TEST(WeekPoster, AftercareFromBeforeTheWeekIsSaidOnceAboveTheDays) {
    // Friday 13 November: face 0.5 mm; SPF runs for weeks, through this whole week.
    const WeekPoster p = poster({}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 13))});
    ASSERT_FALSE(p.thisWeek.isEmpty());
    bool spf = false;
    for (const AreaLine& l : p.thisWeek)
        spf |= l.area == u"Face" && l.text.startsWith(QStringLiteral("SPF 30+ daily — through"));
    EXPECT_TRUE(spf);
    for (const PosterDay& d : p.days) {
        EXPECT_TRUE(d.aftercare.isEmpty()) << d.date.toString().toStdString();
        EXPECT_TRUE(d.sessions.isEmpty()) << "a rest day";
    }
}

TEST(WeekPoster, TwoAreasKeepTheirOwnLines) {
    const WeekPoster p = poster({}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23)),
                                     session(QStringLiteral("scalp"), 0.5, QDate(2026, 11, 23))});
    QStringList areas;
    for (const AreaLine& l : p.days[0].aftercare)
        if (l.text.startsWith(QStringLiteral("SPF")))
            areas << l.area;
    EXPECT_EQ(areas, (QStringList{QStringLiteral("Face"), QStringLiteral("Scalp")}));
}

TEST(WeekPoster, APlannedDayThatHasPassedIsMissedNotUpcoming) {
    // Every 7 days from Monday 16: Monday 23 has passed without a session (today is Wed 25).
    const WeekPoster p = poster({regimen(1, QStringLiteral("face"), 0.25, 7, QDate(2026, 11, 16))},
                                {session(QStringLiteral("face"), 0.25, QDate(2026, 11, 16))});
    ASSERT_EQ(p.days[0].sessions.size(), 1);
    EXPECT_EQ(p.days[0].sessions[0].state, PosterSession::State::Missed);
    EXPECT_TRUE(p.days[0].sessions[0].detail.contains(QStringLiteral("missed")));
    for (const AreaLine& l : p.nextAllowed)
        EXPECT_FALSE(l.text.contains(QStringLiteral("23 Nov"))) << l.text.toStdString();
}

TEST(WeekPoster, TheTextScheduleSaysEachAftercareRuleOnce) {
    const WeeklySchedule week = WeeklySchedule::forWeek(
        kWeek, {}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23), QTime(18, 0))},
        rules(), kToday);
    const QString text = renderScheduleText(week, rules(), QLocale::c());
    EXPECT_TRUE(text.startsWith(QStringLiteral("Dermaplan · Week of 23–29 November 2026\n")));
    EXPECT_EQ(text.count(QStringLiteral("No makeup")), 1) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("until Wed 25 Nov, 18:00")));
}

TEST(WeekPoster, PausesAreSaidOnTheDaysTheyCoverAndMoveTheSessions) {
    // Face every 7 days from Monday 16 Nov, logged that day; a trip from Sunday 22 to Tuesday 24
    // moves Monday 23's session to Wednesday 25.
    const QList<Pause> pauses{
        {1, QDate(2026, 11, 22), QDate(2026, 11, 24), QString(), QStringLiteral("Trip")},
        {2, QDate(2026, 11, 28), QDate(2026, 11, 28), QStringLiteral("scalp"), QString()}};
    const WeeklySchedule week = WeeklySchedule::forRange(
        kWeek.monday(), kWeek.sunday(),
        {regimen(1, QStringLiteral("face"), 0.25, 7, QDate(2026, 11, 16))},
        {session(QStringLiteral("face"), 0.25, QDate(2026, 11, 16))}, rules(), kToday, pauses);
    const WeekPoster p = WeekPoster::from(week, rules(), QLocale::c());
    EXPECT_TRUE(p.days[0].sessions.isEmpty()) << "not on Monday 23: paused";
    ASSERT_EQ(p.days[0].paused.size(), 1);
    EXPECT_EQ(p.days[0].paused[0].area, QStringLiteral("Every area"));
    EXPECT_EQ(p.days[0].paused[0].text, QStringLiteral("paused: Trip"));
    ASSERT_EQ(p.days[2].sessions.size(), 1) << "Wednesday 25, the day after the pause";
    EXPECT_TRUE(p.days[2].sessions[0].detail.endsWith(
        QStringLiteral("moved from Mon 23 Nov: the face is paused")))
        << p.days[2].sessions[0].detail.toStdString();
    EXPECT_TRUE(p.days[3].paused.isEmpty());
    ASSERT_EQ(p.days[5].paused.size(), 1);
    EXPECT_EQ(p.days[5].paused[0].area, QStringLiteral("Scalp"));
    const QString text = renderScheduleText(week, rules(), QLocale::c());
    EXPECT_TRUE(
        text.contains(QStringLiteral("Monday 23 November 2026\n  Every area: paused: Trip\n")))
        << text.toStdString();
}
