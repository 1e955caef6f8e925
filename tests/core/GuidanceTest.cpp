// The wrong answers a new user met at the edges of the rules, each as a test (issue "Guidance
// you can trust"). Dates are hand-checked against the domain guide's table.
#include "TestSupport.h"

#include "planning/Planner.h"
#include "rules/DeviceStatus.h"
#include "rules/Readiness.h"
#include "rules/ReadinessText.h"
#include "rules/SafetyCheck.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using test::rules;

namespace {

const QDate kToday(2026, 11, 26);

// A stored session (it has an id): the face's on the cheeks, any other on the whole area.
Session session(qint64 id, const QString& area, double mm, QDate date,
                Performer by = Performer::Self) {
    Session s = test::session(area, mm, date);
    s.id = id;
    s.zones = area == u"face" ? QStringList{QStringLiteral("cheeks")} : QStringList{};
    s.performedBy = by;
    return s;
}

NeedleLength mm(double v) {
    return NeedleLength::fromMillimetres(v);
}

bool hasReason(const Verdict& v, const QString& rule, Severity severity) {
    for (const Reason& r : v.reasons)
        if (r.rule == rule && r.severity == severity)
            return true;
    return false;
}

// A professional 1.5 mm face session on 1 Nov, then an overridden 0.25 mm one on 5 Nov.
QList<Session> professionalThenShortNeedle() {
    Session pro =
        session(1, QStringLiteral("face"), 1.5, QDate(2026, 11, 1), Performer::Professional);
    Session shortNeedle = session(2, QStringLiteral("face"), 0.25, QDate(2026, 11, 5));
    shortNeedle.overrideReason = QStringLiteral("dermatologist said so");
    return {pro, shortNeedle};
}

} // namespace

TEST(Guidance, AnOlderLongNeedleStillHoldsTheAreaAfterAShortOne) {
    const QList<Session> history = professionalThenShortNeedle();
    // 1.0 mm after 1.5 mm: the 1.5 mm rule's 28 days run to 29 Nov.
    const auto v =
        checkSession(session(0, QStringLiteral("face"), 1.0, kToday), history, rules(), kToday);
    ASSERT_TRUE(v);
    EXPECT_TRUE(hasReason(*v, QStringLiteral("interval"), Severity::Refuse));
    EXPECT_EQ(v->earliestAllowedDate, QDate(2026, 11, 29));
    // On the 29th the interval no longer refuses it.
    const auto later = checkSession(session(0, QStringLiteral("face"), 1.0, QDate(2026, 11, 29)),
                                    history, rules(), QDate(2026, 11, 29));
    ASSERT_TRUE(later);
    EXPECT_FALSE(hasReason(*later, QStringLiteral("interval"), Severity::Refuse));

    const Readiness r = readiness(QStringLiteral("face"), history, rules());
    EXPECT_EQ(r.forNeedle(rules(), mm(1.0)).earliestAllowedDate, QDate(2026, 11, 29));
    EXPECT_EQ(r.forNeedle(rules(), mm(0.25)).earliestAllowedDate, QDate(2026, 11, 29));
    EXPECT_EQ(r.forNeedle(rules(), mm(1.0)).heldBy->id, 1) << "the 1.5 mm session holds it";
    EXPECT_FALSE(r.allowedUpTo(kToday)) << "no needle is allowed on the 26th";
}

TEST(Guidance, ReadinessDependsOnTheNeedle) {
    // Two days after 0.25 mm: 0.25 mm is allowed, 1.0 mm waits 21 days.
    const QList<Session> history{session(1, QStringLiteral("face"), 0.25, kToday.addDays(-2))};
    const Readiness r = readiness(QStringLiteral("face"), history, rules());
    EXPECT_TRUE(r.forNeedle(rules(), mm(0.25)).allowedOn(kToday));
    EXPECT_FALSE(r.forNeedle(rules(), mm(0.5)).allowedOn(kToday));
    EXPECT_EQ(r.forNeedle(rules(), mm(1.0)).earliestAllowedDate, kToday.addDays(-2 + 21));
    EXPECT_EQ(r.allowedUpTo(kToday), mm(0.3));
    // On the cheeks, where no zone caps it, 1.0 mm is a matter of days.
    const Readiness cheeks = readiness(QStringLiteral("face"), history, rules(),
                                       {{QStringLiteral("cheeks")}, Performer::Self, {}});
    EXPECT_EQ(describeReadiness(cheeks, kToday, rules(), QLocale::c()),
              QStringLiteral("allowed now up to 0.3 mm · up to 0.5 mm from Tue 1 Dec · from "
                             "1.5 mm only with a professional"));
    EXPECT_EQ(describeReadiness(cheeks, kToday, rules(), QLocale::c(), mm(1.0)),
              QStringLiteral("1.0 mm allowed from Tue 15 Dec (recommended from Tue 22 Dec)"));
}

// Readiness never calls a needle allowed that the check refuses for the person: weeks after a
// 0.5 mm face session, a home user may use up to 0.5 mm on the whole face, 0.75 and 1.0 mm only
// without the under-eye zone, and 1.5 mm or longer only with a professional.
TEST(Guidance, ReadinessAtHomeNeverOffersWhatTheCheckRefuses) {
    const QList<Session> history{session(1, QStringLiteral("face"), 0.5, kToday.addDays(-30))};
    const Readiness r = readiness(QStringLiteral("face"), history, rules());
    EXPECT_EQ(r.allowedUpTo(kToday), mm(0.5));
    EXPECT_FALSE(r.forNeedle(rules(), mm(2.5)).allowedOn(kToday));
    EXPECT_EQ(readinessLevel(r, kToday, rules()), ReadinessLevel::Go)
        << "every size a home session may use at all is allowed";
    EXPECT_EQ(readinessLevel(r, kToday, rules(), mm(2.5)), ReadinessLevel::Wait);
    EXPECT_EQ(describeReadiness(r, kToday, rules(), QLocale::c()),
              QStringLiteral("allowed now up to 0.5 mm · from 0.75 mm not with the under-eye "
                             "zone (at most 0.5 mm) · from 1.5 mm only with a professional"));
    EXPECT_EQ(describeReadiness(r, kToday, rules(), QLocale::c(), mm(2.5)),
              QStringLiteral("not allowed: 2.5 mm only with a professional"));
    EXPECT_EQ(describeReadiness(r, kToday, rules(), QLocale::c(), mm(1.0)),
              QStringLiteral("not allowed: 1.0 mm not with the under-eye zone (at most 0.5 mm); "
                             "without it, 1.0 mm allowed now"));
    // A professional's session meets neither rule: the intervals alone decide.
    const Readiness clinic =
        readiness(QStringLiteral("face"), history, rules(), {{}, Performer::Professional, {}});
    EXPECT_EQ(describeReadiness(clinic, kToday, rules(), QLocale::c(), mm(2.5)),
              QStringLiteral("2.5 mm allowed now (recommended from Tue 22 Dec)"));
    // A 1.5 mm device makes every needle 1.5 mm.
    const Readiness device = readiness(QStringLiteral("face"), history, rules(),
                                       {{QStringLiteral("cheeks")}, Performer::Self, mm(1.5)});
    EXPECT_FALSE(device.allowedUpTo(kToday));
    EXPECT_EQ(describeReadiness(device, kToday, rules(), QLocale::c()),
              QStringLiteral("not allowed: 1.5 mm only with a professional"));
}

TEST(Guidance, ASessionWithNoZoneTickedCoversTheWholeAreaUnderEyeIncluded) {
    Session wholeFace = session(0, QStringLiteral("face"), 0.75, kToday);
    wholeFace.zones.clear();
    wholeFace.performedBy = Performer::Professional; // only the zone rule can refuse
    Verdict v = *checkSession(wholeFace, {}, rules(), kToday);
    EXPECT_TRUE(hasReason(v, QStringLiteral("zone-cap"), Severity::Advise))
        << "a professional's refusal is recorded as advice";
    wholeFace.performedBy = Performer::Self;
    v = *checkSession(wholeFace, {}, rules(), kToday);
    EXPECT_TRUE(hasReason(v, QStringLiteral("zone-cap"), Severity::Refuse));
    // The same needle on the cheeks only meets no zone cap.
    Session cheeks = wholeFace;
    cheeks.zones = {QStringLiteral("cheeks")};
    EXPECT_FALSE(hasReason(*checkSession(cheeks, {}, rules(), kToday), QStringLiteral("zone-cap"),
                           Severity::Refuse));
    // Whole face 0.5 mm: advised (under-eye up to 0.5 mm is for experienced users).
    Session halfMillimetre = wholeFace;
    halfMillimetre.needle = mm(0.5);
    EXPECT_TRUE(hasReason(*checkSession(halfMillimetre, {}, rules(), kToday),
                          QStringLiteral("zone-cap"), Severity::Advise));
}

TEST(Guidance, TheLongerOfSessionAndDeviceNeedleCounts) {
    DeviceState roller;
    roller.device.id = 3;
    roller.device.name = QStringLiteral("1.5 mm roller");
    roller.device.needle = mm(1.5);
    Session s = session(0, QStringLiteral("face"), 0.5, kToday);
    s.deviceId = 3;
    const auto v = checkSession(s, {}, rules(), kToday, roller);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->severity, Severity::Refuse) << "judged as 1.5 mm: professional only";
    EXPECT_TRUE(hasReason(*v, QStringLiteral("home-use"), Severity::Refuse));
    EXPECT_TRUE(hasReason(*v, QStringLiteral("device-needle"), Severity::Advise))
        << "the mismatch is shown";

    // A stored session logged with that roller holds the area as a 1.5 mm session.
    Session stored = s;
    stored.id = 9;
    stored.date = kToday.addDays(-10);
    stored.deviceNeedle = mm(1.5);
    const Readiness r = readiness(QStringLiteral("face"), {stored}, rules());
    EXPECT_EQ(r.forNeedle(rules(), mm(0.5)).earliestAllowedDate, stored.date.addDays(28));
}

TEST(Guidance, PenCartridgesAreSingleUseAndStampsFollowTheRollerRule) {
    DeviceState pen;
    pen.device.id = 4;
    pen.device.name = QStringLiteral("Pen cartridge");
    pen.device.kind = QStringLiteral("pen");
    pen.device.needle = mm(0.5);
    Session s = session(0, QStringLiteral("scalp"), 0.5, kToday);
    s.deviceId = 4;
    EXPECT_FALSE(hasReason(*checkSession(s, {}, rules(), kToday, pen),
                           QStringLiteral("device-single-use"), Severity::Refuse));
    pen.usesSoFar = 1;
    EXPECT_TRUE(hasReason(*checkSession(s, {}, rules(), kToday, pen),
                          QStringLiteral("device-single-use"), Severity::Refuse));
    EXPECT_EQ(deviceStatus(pen, rules(), kToday).level, DeviceStatus::Level::ReplaceNow);

    DeviceState stamp = pen;
    stamp.device.kind = QStringLiteral("stamp");
    stamp.usesSoFar = 9; // the tenth use: advised, not refused
    Verdict v = *checkSession(s, {}, rules(), kToday, stamp);
    EXPECT_TRUE(hasReason(v, QStringLiteral("device-wear"), Severity::Advise));
    EXPECT_FALSE(hasReason(v, QStringLiteral("device-wear"), Severity::Refuse));
    stamp.usesSoFar = 10;
    v = *checkSession(s, {}, rules(), kToday, stamp);
    EXPECT_TRUE(hasReason(v, QStringLiteral("device-wear"), Severity::Refuse));
}

TEST(Guidance, DeviceStatusIsOneAnswer) {
    DeviceState roller;
    roller.device.name = QStringLiteral("Roller");
    roller.device.needle = mm(0.5);
    roller.device.firstUse = QDate(2026, 11, 1);
    roller.usesSoFar = 3;
    roller.lastUsed = QDateTime(QDate(2026, 11, 20), QTime(0, 0));
    roller.lastCleaned = QDateTime(QDate(2026, 11, 18), QTime(21, 0));
    DeviceStatus s = deviceStatus(roller, rules(), kToday);
    EXPECT_EQ(s.replaceBy, QDate(2026, 12, 13)) << "42 days from the first use";
    EXPECT_EQ(s.level, DeviceStatus::Level::Fine);
    EXPECT_TRUE(s.needsCleaning) << "used on the 20th, cleaned last on the 18th";
    roller.usesSoFar = 7; // the next is the 8th
    EXPECT_EQ(deviceStatus(roller, rules(), kToday).level, DeviceStatus::Level::ReplaceSoon);
    EXPECT_EQ(deviceStatus(roller, rules(), QDate(2026, 12, 13)).level,
              DeviceStatus::Level::ReplaceNow);
}

TEST(Guidance, ARollerNeedsCleaningBeforeItsFirstUseAndAfterEveryUse) {
    DeviceState roller;
    roller.device.name = QStringLiteral("Roller");
    roller.device.needle = mm(0.5);
    EXPECT_TRUE(deviceStatus(roller, rules(), kToday).needsCleaning) << "new, never cleaned";
    roller.lastCleaned = QDateTime(QDate(2026, 11, 20), QTime(8, 0));
    EXPECT_FALSE(deviceStatus(roller, rules(), kToday).needsCleaning) << "cleaned, not used";
    roller.usesSoFar = 1;
    roller.lastUsed = QDateTime(QDate(2026, 11, 20), QTime(20, 30));
    EXPECT_TRUE(deviceStatus(roller, rules(), kToday).needsCleaning)
        << "cleaned that morning, used that evening";
    roller.lastCleaned = QDateTime(QDate(2026, 11, 20), QTime(21, 0));
    EXPECT_FALSE(deviceStatus(roller, rules(), kToday).needsCleaning) << "cleaned after the use";
    roller.lastUsed = QDateTime(QDate(2026, 11, 20), QTime(0, 0)); // time not known
    roller.lastCleaned = QDateTime(QDate(2026, 11, 20), QTime(8, 0));
    EXPECT_FALSE(deviceStatus(roller, rules(), kToday).needsCleaning)
        << "a cleaning the same day as a session of unknown time counts as after it";
}

TEST(Guidance, RuleCellsCiteSourcesAboutTheirOwnArea) {
    const QStringList scalpStudies{QStringLiteral("S-DHURAT"), QStringLiteral("S-KUMAR"),
                                   QStringLiteral("S-FAGHIHI")};
    for (const IntervalRule& rule : rules().intervals()) {
        SCOPED_TRACE(QStringLiteral("%1 %2").arg(rule.area, rule.needle.toString()).toStdString());
        ASSERT_FALSE(rule.sources.isEmpty());
        for (const QString& id : rule.sources) {
            if (rule.area == u"scalp")
                EXPECT_TRUE(scalpStudies.contains(id) || id == u"S-DERMAPLAN") << id.toStdString();
            else
                EXPECT_FALSE(scalpStudies.contains(id)) << id.toStdString();
        }
    }
}

TEST(Guidance, TipsAndGeneralAdviceCarryTheirSourcesByName) {
    ASSERT_FALSE(rules().generalAdvice().isEmpty());
    for (const Advice& a : rules().generalAdvice()) {
        EXPECT_FALSE(a.sources.isEmpty());
        EXPECT_FALSE(rules().sourceNames(a.sources).contains(QStringLiteral("S-")));
    }
    const Area* face = rules().area(QStringLiteral("face"));
    ASSERT_FALSE(face->tips.isEmpty());
    for (const Advice& tip : face->tips)
        EXPECT_FALSE(rules().sourceNames(tip.sources).isEmpty());
    EXPECT_EQ(rules().sourceNames({QStringLiteral("S-FAGHIHI")}),
              QStringLiteral("Faghihi et al. 2021"));
}

TEST(Guidance, TheRegimenFloorHoldsAtEveryBoundary) {
    for (const IntervalRule& rule : rules().intervals()) {
        SCOPED_TRACE(QStringLiteral("%1 %2").arg(rule.area, rule.needle.toString()).toStdString());
        Regimen r;
        r.area = rule.area;
        r.zones = rule.area == u"face" ? QStringList{QStringLiteral("cheeks")} : QStringList{};
        r.needle = rule.needle;
        r.start = kToday;
        r.performedBy = Performer::Professional; // only the cadence may refuse
        const auto at = [&](int every) {
            r.everyDays = every;
            const auto v = checkRegimen(r, rules());
            EXPECT_TRUE(v);
            return v ? *v : Verdict{};
        };
        if (rule.minimumDays > 1) {
            EXPECT_TRUE(
                hasReason(at(rule.minimumDays - 1), QStringLiteral("interval"), Severity::Refuse));
        }
        EXPECT_FALSE(hasReason(at(rule.minimumDays), QStringLiteral("interval"), Severity::Refuse));
        if (rule.defaultDays > rule.minimumDays) {
            EXPECT_TRUE(hasReason(at(rule.minimumDays), QStringLiteral("interval-default"),
                                  Severity::Advise));
        }
        const Verdict atDefault = at(rule.defaultDays);
        EXPECT_FALSE(hasReason(atDefault, QStringLiteral("interval"), Severity::Refuse));
        EXPECT_FALSE(hasReason(atDefault, QStringLiteral("interval-default"), Severity::Advise));
    }
}

TEST(Guidance, ThePlannerWaitsForEveryEarlierSession) {
    Regimen r;
    r.id = 1;
    r.area = QStringLiteral("face");
    r.zones = {QStringLiteral("cheeks")};
    r.needle = mm(0.25);
    r.everyDays = 3;
    r.start = QDate(2026, 11, 5);
    const Plan plan = planSessions({r}, professionalThenShortNeedle(), rules(), kToday, kToday,
                                   kToday.addDays(30));
    ASSERT_FALSE(plan.occurrences.isEmpty());
    EXPECT_EQ(plan.occurrences.constFirst().date, QDate(2026, 11, 29))
        << "the 1.5 mm session of 1 Nov holds the face to the 29th";
}
