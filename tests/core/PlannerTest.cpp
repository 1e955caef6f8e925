// The planner, the weekly schedule, ISO weeks and aftercare, with hand-checked dates.
#include "TestSupport.h"

#include "domain/IsoDate.h"
#include "domain/IsoWeek.h"
#include "planning/Aftercare.h"
#include "planning/Planner.h"
#include "planning/WeeklySchedule.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;
using test::regimen;
using test::rules;
using test::session;

namespace {

const QDate kToday(2026, 11, 24);

QList<QDate> dates(const Plan& plan, Occurrence::Status status = Occurrence::Status::Planned) {
    QList<QDate> out;
    for (const Occurrence& o : plan.occurrences)
        if (o.status == status)
            out << o.date;
    return out;
}

QStringList notesOn(const WeeklySchedule& s, QDate day) {
    QStringList out;
    for (const ScheduleDay& d : s.days)
        if (d.date == day)
            for (const AftercareNote& n : d.notes)
                out << n.text + QStringLiteral(" — ") + describeNoteEnd(n, day, QLocale::c());
    return out;
}

bool anyStartsWith(const QStringList& list, const QString& prefix) {
    for (const QString& s : list)
        if (s.startsWith(prefix))
            return true;
    return false;
}

} // namespace

TEST(Planner, RegimenRunsAtItsCadenceWithinItsWeeks) {
    const Plan plan = planSessions({regimen(1, QStringLiteral("scalp"), 0.5, 14, kToday, 12)}, {},
                                   rules(), kToday, kToday, kToday.addDays(200));
    const QList<QDate> expected{QDate(2026, 11, 24), QDate(2026, 12, 8), QDate(2026, 12, 22),
                                QDate(2027, 1, 5),   QDate(2027, 1, 19), QDate(2027, 2, 2)};
    // 12 weeks from 2026-11-24 end on 2027-02-15: the 2027-02-16 occurrence is outside.
    EXPECT_EQ(dates(plan), expected);
}

TEST(Planner, ALateSessionShiftsTheFollowingOnes) {
    const Regimen r = regimen(1, QStringLiteral("scalp"), 0.5, 14, QDate(2026, 11, 1));
    // Planned for 11-01 and 11-15; the second was done 3 days late, on 11-18.
    const Plan plan = planSessions({r},
                                   {session(QStringLiteral("scalp"), 0.5, QDate(2026, 11, 1)),
                                    session(QStringLiteral("scalp"), 0.5, QDate(2026, 11, 18))},
                                   rules(), kToday, kToday, QDate(2026, 12, 31));
    EXPECT_EQ(dates(plan),
              (QList<QDate>{QDate(2026, 12, 2), QDate(2026, 12, 16), QDate(2026, 12, 30)}));
}

TEST(Planner, AnEarlySessionShiftsTheFollowingOnesButNeverBelowTheMinimum) {
    const Regimen r = regimen(1, QStringLiteral("face"), 0.25, 3, QDate(2026, 11, 20));
    // Logged a 0.5 mm session on the face yesterday: the 0.5 mm minimum (7 days) governs.
    const Plan plan = planSessions({r}, {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23))},
                                   rules(), kToday, kToday, QDate(2026, 12, 6));
    ASSERT_FALSE(plan.occurrences.isEmpty());
    EXPECT_EQ(plan.occurrences.first().date, QDate(2026, 11, 30));
    EXPECT_EQ(dates(plan),
              (QList<QDate>{QDate(2026, 11, 30), QDate(2026, 12, 3), QDate(2026, 12, 6)}));
}

TEST(Planner, OverlappingRegimensOnOneAreaNeverComeCloserThanTheMinimum) {
    const Plan plan = planSessions({regimen(1, QStringLiteral("face"), 0.25, 3, kToday),
                                    regimen(2, QStringLiteral("face"), 0.5, 14, kToday.addDays(5))},
                                   {}, rules(), kToday, kToday, kToday.addDays(60));
    ASSERT_GE(plan.occurrences.size(), 3);
    for (qsizetype i = 1; i < plan.occurrences.size(); ++i) {
        const Occurrence& a = plan.occurrences[i - 1];
        const Occurrence& b = plan.occurrences[i];
        const int minimum =
            std::max(rules().interval(QStringLiteral("face"), a.needle).minimumDays,
                     rules().interval(QStringLiteral("face"), b.needle).minimumDays);
        EXPECT_GE(a.date.daysTo(b.date), minimum)
            << a.date.toString(Qt::ISODate).toStdString() << " "
            << b.date.toString(Qt::ISODate).toStdString();
    }
    ASSERT_FALSE(plan.skipped.isEmpty());
    EXPECT_TRUE(plan.skipped.first().reason.contains(QStringLiteral("too close")));
}

TEST(Planner, PastOccurrencesWithNothingLoggedAreMissed) {
    const Plan plan =
        planSessions({regimen(1, QStringLiteral("scalp"), 0.5, 14, QDate(2026, 11, 1))}, {},
                     rules(), kToday, QDate(2026, 11, 1), QDate(2026, 12, 1));
    EXPECT_EQ(dates(plan, Occurrence::Status::Missed),
              (QList<QDate>{QDate(2026, 11, 1), QDate(2026, 11, 15)}));
    EXPECT_EQ(dates(plan), QList<QDate>{QDate(2026, 11, 29)});
}

TEST(Planner, AnEndedRegimenStops) {
    Regimen r = regimen(1, QStringLiteral("scalp"), 0.5, 14, kToday);
    r.endedOn = kToday.addDays(20);
    const Plan plan = planSessions({r}, {}, rules(), kToday, kToday, kToday.addDays(100));
    EXPECT_EQ(dates(plan), (QList<QDate>{kToday, kToday.addDays(14)}));
}

TEST(Planner, ARefusedRegimenPlansNothingAndSaysWhy) {
    const Plan plan = planSessions({regimen(1, QStringLiteral("scalp"), 0.5, 3, kToday)}, {},
                                   rules(), kToday, kToday, kToday.addDays(30));
    EXPECT_TRUE(plan.occurrences.isEmpty());
    ASSERT_EQ(plan.skipped.size(), 1);
    EXPECT_TRUE(plan.skipped.first().reason.contains(QStringLiteral("7")));
}

TEST(IsoWeek, ParsesAndFindsItsMonday) {
    const auto w = IsoWeek::parse(QStringLiteral("2026-W48"));
    ASSERT_TRUE(w);
    EXPECT_EQ(w->monday(), QDate(2026, 11, 23));
    EXPECT_EQ(w->sunday(), QDate(2026, 11, 29));
    EXPECT_EQ(w->toString(), QStringLiteral("2026-W48"));
    EXPECT_FALSE(IsoWeek::parse(QStringLiteral("2027-W53"))) << "2027 has 52 ISO weeks";
    EXPECT_FALSE(IsoWeek::parse(QStringLiteral("2026-W00")));
    EXPECT_FALSE(IsoWeek::parse(QStringLiteral("48")));
}

TEST(IsoWeek, Week53AndYearBoundaries) {
    const auto w = IsoWeek::parse(QStringLiteral("2020-W53"));
    ASSERT_TRUE(w);
    EXPECT_EQ(w->monday(), QDate(2020, 12, 28));
    EXPECT_EQ(w->sunday(), QDate(2021, 1, 3));
    EXPECT_EQ(IsoWeek::containing(QDate(2021, 1, 1)), (IsoWeek{2020, 53}));
    EXPECT_EQ(IsoWeek::containing(QDate(2024, 12, 30)), (IsoWeek{2025, 1}));
    // 2026 begins on a Thursday, so it has a week 53 that ends in 2027.
    EXPECT_EQ(IsoWeek::weeksInYear(2026), 53);
    EXPECT_EQ(IsoWeek::containing(QDate(2027, 1, 1)), (IsoWeek{2026, 53}));
    EXPECT_EQ(IsoWeek::parse(QStringLiteral("2026-W53"))->sunday(), QDate(2027, 1, 3));
    EXPECT_EQ(IsoWeek::weeksInYear(2027), 52);
    EXPECT_EQ(IsoWeek::weeksInYear(2032), 53);
}

TEST(WeeklySchedule, SevenDaysWithPlannedSessionsOnTheirDays) {
    const WeeklySchedule week = WeeklySchedule::forWeek(
        *IsoWeek::parse(QStringLiteral("2026-W48")),
        {regimen(1, QStringLiteral("scalp"), 0.5, 14, kToday)}, {}, rules(), kToday);
    ASSERT_EQ(week.days.size(), 7);
    EXPECT_EQ(week.days.first().date.dayOfWeek(), 1);
    EXPECT_EQ(week.days.last().date, QDate(2026, 11, 29));
    EXPECT_EQ(week.days[1].occurrences.size(), 1); // Tuesday 24th
    EXPECT_EQ(week.days[1].occurrences.first().area, QStringLiteral("scalp"));
    EXPECT_FALSE(week.cleaningSteps.isEmpty());
}

TEST(WeeklySchedule, WeekSpanningTheYearBoundary) {
    const WeeklySchedule week = WeeklySchedule::forWeek(*IsoWeek::parse(QStringLiteral("2020-W53")),
                                                        {}, {}, rules(), QDate(2020, 12, 30));
    ASSERT_EQ(week.days.size(), 7);
    EXPECT_EQ(week.days.last().date, QDate(2021, 1, 3));
}

TEST(Aftercare, NoMakeupUntilTheSameTimeTwoDaysLater) {
    // Monday 2026-11-23, 18:00, face 0.5 mm.
    const WeeklySchedule week = WeeklySchedule::forWeek(
        *IsoWeek::parse(QStringLiteral("2026-W48")), {},
        {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 23), QTime(18, 0))}, rules(), kToday);
    for (const QDate& d : {QDate(2026, 11, 23), QDate(2026, 11, 24), QDate(2026, 11, 25)})
        EXPECT_TRUE(
            notesOn(week, d).contains(QStringLiteral("No makeup — until Wed 25 Nov, 18:00")))
            << d.toString().toStdString();
    EXPECT_FALSE(anyStartsWith(notesOn(week, QDate(2026, 11, 26)), QStringLiteral("No makeup")));
    // Actives: 7 days after 0.5 mm.
    EXPECT_TRUE(anyStartsWith(notesOn(week, QDate(2026, 11, 29)), QStringLiteral("No retinoids")));
}

TEST(Aftercare, ActivesPauseDependsOnTheNeedle) {
    const auto hours = [](double mm) {
        for (const AftercareNote& n :
             aftercareNotes(QDate(2026, 11, 2), QTime(12, 0), QStringLiteral("face"),
                            NeedleLength::fromMillimetres(mm), false, rules()))
            if (n.ruleId == u"actives")
                return QDateTime(QDate(2026, 11, 2), QTime(12, 0))
                    .daysTo(QDateTime(n.untilDate, *n.untilTime));
        return qint64(-1);
    };
    EXPECT_EQ(hours(0.25), 3);
    EXPECT_EQ(hours(0.5), 7);
    EXPECT_EQ(hours(1.0), 14);
}

TEST(Aftercare, WithoutATimeANoteRunsThroughADay) {
    const auto notes = aftercareNotes(QDate(2026, 11, 23), std::nullopt, QStringLiteral("face"),
                                      NeedleLength::fromMillimetres(0.5), false, rules());
    QStringList texts;
    for (const AftercareNote& n : notes)
        if (n.ruleId == u"makeup")
            texts << describeNoteEnd(n, QDate(2026, 11, 23), QLocale::c());
    EXPECT_TRUE(texts.contains(QStringLiteral("through Wed 25 Nov")))
        << texts.join(u'|').toStdString();
}

TEST(Aftercare, MakeupNoteIsNotForTheScalp) {
    for (const AftercareNote& n :
         aftercareNotes(QDate(2026, 11, 23), QTime(18, 0), QStringLiteral("scalp"),
                        NeedleLength::fromMillimetres(0.5), false, rules()))
        EXPECT_NE(n.ruleId, QStringLiteral("makeup"));
}

TEST(Aftercare, PauseActivesBeforeAPlannedSession) {
    const WeeklySchedule week = WeeklySchedule::forWeek(
        *IsoWeek::parse(QStringLiteral("2026-W48")),
        {regimen(1, QStringLiteral("face"), 0.5, 14, QDate(2026, 11, 28))}, {}, rules(), kToday);
    EXPECT_TRUE(
        anyStartsWith(notesOn(week, QDate(2026, 11, 25)), QStringLiteral("Pause retinoids")));
    EXPECT_TRUE(notesOn(week, QDate(2026, 11, 27))
                    .contains(QStringLiteral("Pause retinoids, AHA/BHA acids, vitamin C and "
                                             "benzoyl peroxide — before the session on Sat 28 "
                                             "Nov")));
}

TEST(Aftercare, WallClockDurationsAcrossTheEndOfSummerTime) {
    // Europe leaves summer time on Sunday 2026-10-25; 48 h after Sat 18:00 reads Mon 18:00.
    qputenv("TZ", "Europe/Berlin");
    const auto notes = aftercareNotes(QDate(2026, 10, 24), QTime(18, 0), QStringLiteral("face"),
                                      NeedleLength::fromMillimetres(0.5), false, rules());
    qunsetenv("TZ");
    bool found = false;
    for (const AftercareNote& n : notes)
        if (n.ruleId == u"makeup") {
            found = true;
            EXPECT_EQ(describeNoteEnd(n, QDate(2026, 10, 24), QLocale::c()),
                      QStringLiteral("until Mon 26 Oct, 18:00"));
        }
    EXPECT_TRUE(found);
}

// Exports and the database write dates with a formatter of their own: it must agree with Qt's.
TEST(IsoDateText, AgreesWithQtOnEveryKindOfDate) {
    for (const QDate d : {QDate(1, 1, 1), QDate(999, 12, 31), QDate(1990, 1, 1), QDate(2024, 2, 29),
                          QDate(2026, 11, 25), QDate(9999, 12, 31)})
        EXPECT_EQ(isoDateText(d), d.toString(Qt::ISODate)) << d.toString(Qt::ISODate).toStdString();
    for (QDate d(2023, 1, 1); d < QDate(2025, 1, 1); d = d.addDays(1))
        ASSERT_EQ(isoDateText(d), d.toString(Qt::ISODate));
    EXPECT_TRUE(isoDateText(QDate()).isEmpty());
}

TEST(IsoDateText, ReadsBackWhatItWritesAndRefusesWhatQtRefuses) {
    for (QDate d(2023, 1, 1); d < QDate(2025, 1, 1); d = d.addDays(1))
        ASSERT_EQ(isoDateFromText(isoDateText(d)), d);
    EXPECT_EQ(isoDateFromText(u"0999-12-31"), QDate(999, 12, 31));
    for (const char16_t* bad : {u"2024-02-30", u"2024-13-01", u"2024-00-10", u"2024-1-10",
                                u"20x4-01-10", u"", u"2024-01-1a"})
        EXPECT_FALSE(isoDateFromText(QStringView(bad)).isValid())
            << QStringView(bad).toString().toStdString();
}

// The one parser of dates from outside (options, files, DERMAPLAN_TODAY): YYYY-MM-DD only.
TEST(IsoDateText, ParseIsoDateTakesExactlyYearMonthDayAndNamesTheField) {
    EXPECT_EQ(*parseIsoDate(u"2026-11-05", u"--date"_s), QDate(2026, 11, 5));
    for (const char16_t* bad : {u"2026-11-5", u"2026-02-30", u"+026-11-25", u"2026-11-25T10:00",
                                u" 2026-11-25", u"2026/11/25", u"", u"25.11.2026"}) {
        const auto parsed = parseIsoDate(QStringView(bad), u"--date"_s);
        ASSERT_FALSE(parsed) << QStringView(bad).toString().toStdString();
        EXPECT_EQ(parsed.error().field, u"--date"_s);
        EXPECT_TRUE(parsed.error().message.contains(u"use YYYY-MM-DD"));
    }
}
