// The safety rules, table-driven from the same rule data the app uses.
#include "TestSupport.h"

#include "domain/IsoDate.h"
#include "rules/SafetyCheck.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using test::rules;

namespace {

const QDate kToday(2026, 11, 24);

using test::session;

// The same session, performed by a professional.
Session byProfessional(Session s) {
    s.performedBy = Performer::Professional;
    return s;
}

const Reason* findRule(const Verdict& v, const QString& rule) {
    for (const Reason& r : v.reasons)
        if (r.rule == rule)
            return &r;
    return nullptr;
}

Verdict check(const Session& draft, const QList<Session>& history = {},
              const std::optional<DeviceState>& device = {}) {
    const auto v = checkSession(draft, history, rules(), kToday, device);
    EXPECT_TRUE(v) << (v ? std::string() : v.error().toString().toStdString());
    return v ? *v : Verdict{};
}

QStringList uncappedZones(const QString& area) {
    QStringList out;
    for (const Zone& z : rules().area(area)->zones)
        if (!rules().zoneCap(area, z.id))
            out << z.id;
    return out;
}

} // namespace

// For every (area, standard size) row in the data: one day under the minimum is refused with the
// right earliest safe date; the minimum itself is not; under the default is advised.
TEST(SafetyCheck, EveryIntervalRuleInTheDataIsEnforced) {
    ASSERT_EQ(rules().intervals().size(), rules().areas().size() * rules().standardSizes().size());
    for (const IntervalRule& rule : rules().intervals()) {
        SCOPED_TRACE(QStringLiteral("%1 %2").arg(rule.area, rule.needle.toString()).toStdString());
        const double mm = rule.needle.millimetres();
        const Session last = session(rule.area, mm, kToday.addDays(-rule.minimumDays - 100));
        const auto at = [&](int days) {
            return check(byProfessional(session(rule.area, mm, last.date.addDays(days))), {last});
        };
        // Professional sessions show the same interval reason as advice: look at the reason.
        const Verdict tooSoon =
            check(session(rule.area, mm, last.date.addDays(rule.minimumDays - 1)), {last});
        const Reason* interval = findRule(tooSoon, QStringLiteral("interval"));
        ASSERT_NE(interval, nullptr);
        EXPECT_EQ(interval->severity, Severity::Refuse);
        EXPECT_EQ(interval->earliestAllowedDate, last.date.addDays(rule.minimumDays));
        EXPECT_EQ(tooSoon.earliestAllowedDate, last.date.addDays(rule.minimumDays));
        EXPECT_EQ(findRule(at(rule.minimumDays), QStringLiteral("interval")), nullptr);
        if (rule.defaultDays > rule.minimumDays) {
            EXPECT_NE(findRule(at(rule.defaultDays - 1), QStringLiteral("interval-default")),
                      nullptr);
        }
        EXPECT_EQ(findRule(at(rule.defaultDays), QStringLiteral("interval-default")), nullptr);
        EXPECT_EQ(findRule(at(rule.defaultDays), QStringLiteral("interval")), nullptr);
        for (const QString& id : rule.sources)
            EXPECT_NE(rules().source(id), nullptr) << id.toStdString();
    }
}

TEST(SafetyCheck, EveryHomeUseLevelInTheDataIsApplied) {
    for (const IntervalRule& rule : rules().intervals()) {
        SCOPED_TRACE(QStringLiteral("%1 %2").arg(rule.area, rule.needle.toString()).toStdString());
        // Zones without a cap, so that only the home-use rule speaks.
        Session self_ = session(rule.area, rule.needle.millimetres(), kToday);
        self_.zones = uncappedZones(rule.area);
        Session pro_ = self_;
        pro_.performedBy = Performer::Professional;
        const Verdict self = check(self_);
        const Verdict pro = check(pro_);
        const Reason* home = findRule(self, QStringLiteral("home-use"));
        switch (rule.homeUse) {
        case HomeUse::Yes:
            EXPECT_EQ(home, nullptr);
            EXPECT_EQ(self.severity, Severity::Ok);
            break;
        case HomeUse::Caution:
        case HomeUse::AdviseProfessional:
            ASSERT_NE(home, nullptr);
            EXPECT_EQ(home->severity, Severity::Advise);
            break;
        case HomeUse::ProfessionalOnly:
            ASSERT_NE(home, nullptr);
            EXPECT_EQ(self.severity, Severity::Refuse);
            EXPECT_TRUE(home->message.contains(QStringLiteral("professional")));
            break;
        }
        EXPECT_NE(pro.severity, Severity::Refuse) << "a professional's session is never refused";
    }
}

TEST(SafetyCheck, RefusesFaceHalfMillimetreThreeDaysLater) {
    const Verdict v = check(session(QStringLiteral("face"), 0.5, QDate(2026, 11, 5)),
                            {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 2))});
    EXPECT_EQ(v.severity, Severity::Refuse);
    EXPECT_EQ(v.earliestAllowedDate, QDate(2026, 11, 9));
    EXPECT_TRUE(v.blocksSaving());
}

TEST(SafetyCheck, AdvisesFaceHalfMillimetreEightDaysLater) {
    const Verdict v = check(session(QStringLiteral("face"), 0.5, QDate(2026, 11, 10)),
                            {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 2))});
    EXPECT_EQ(v.severity, Severity::Advise);
    EXPECT_TRUE(v.reasons.at(0).message.contains(QStringLiteral("14 days")));
    EXPECT_FALSE(v.blocksSaving());
}

TEST(SafetyCheck, AShorterNeedleWaitsForTheLongerOnesMinimum) {
    const Verdict v = check(session(QStringLiteral("face"), 0.25, QDate(2026, 11, 12)),
                            {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 10))});
    EXPECT_EQ(v.severity, Severity::Refuse);
    EXPECT_EQ(v.earliestAllowedDate, QDate(2026, 11, 17));
}

TEST(SafetyCheck, EachAreaKeepsItsOwnClock) {
    const Verdict v = check(session(QStringLiteral("scalp"), 0.5, QDate(2026, 11, 5)),
                            {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 2))});
    EXPECT_EQ(v.severity, Severity::Ok);
}

TEST(SafetyCheck, NonStandardLengthFollowsTheNextLongerSize) {
    EXPECT_EQ(rules().standardSize(NeedleLength::fromMillimetres(0.6)),
              NeedleLength::fromMillimetres(0.75));
    EXPECT_EQ(rules().standardSize(NeedleLength::fromMillimetres(0.1)),
              NeedleLength::fromMillimetres(0.2));
    EXPECT_EQ(rules().standardSize(NeedleLength::fromMillimetres(0.3)),
              NeedleLength::fromMillimetres(0.3));
    EXPECT_EQ(rules().standardSize(NeedleLength::fromMillimetres(2.7)),
              NeedleLength::fromMillimetres(2.5));
    // 0.6 mm on the face: the 0.75 mm minimum of 21 days applies.
    const Verdict v = check(session(QStringLiteral("face"), 0.6, QDate(2026, 11, 20)),
                            {session(QStringLiteral("face"), 0.6, QDate(2026, 11, 1))});
    EXPECT_EQ(v.earliestAllowedDate, QDate(2026, 11, 22));
}

TEST(SafetyCheck, UnderEyeCapsFollowTheData) {
    const ZoneCap* cap = rules().zoneCap(QStringLiteral("face"), QStringLiteral("under-eye"));
    ASSERT_NE(cap, nullptr);
    auto underEye = [](double mm) {
        Session s = session(QStringLiteral("face"), mm, kToday);
        s.zones = {QStringLiteral("under-eye")};
        return s;
    };
    EXPECT_EQ(findRule(check(underEye(cap->allowUpTo.millimetres())), QStringLiteral("zone-cap")),
              nullptr);
    const Verdict advisedVerdict = check(underEye(cap->adviseUpTo.millimetres()));
    const Reason* advised = findRule(advisedVerdict, QStringLiteral("zone-cap"));
    ASSERT_NE(advised, nullptr);
    EXPECT_EQ(advised->severity, Severity::Advise);
    const Verdict refused = check(underEye(1.0));
    ASSERT_NE(findRule(refused, QStringLiteral("zone-cap")), nullptr);
    EXPECT_EQ(findRule(refused, QStringLiteral("zone-cap"))->severity, Severity::Refuse);
    EXPECT_TRUE(findRule(refused, QStringLiteral("zone-cap"))
                    ->message.contains(QStringLiteral("under-eye")));
}

TEST(SafetyCheck, EveryChecklistItemHasTheEffectTheDataGivesIt) {
    for (const Contraindication& c : rules().contraindications()) {
        SCOPED_TRACE(c.id.toStdString());
        Session s = session(QStringLiteral("face"), 0.25, kToday);
        s.contraindications = {c.id};
        const Verdict v = check(s);
        const Reason* r = findRule(v, QStringLiteral("contraindication"));
        ASSERT_NE(r, nullptr);
        EXPECT_EQ(r->severity, c.effect);
        EXPECT_EQ(r->sources, c.sources);
    }
}

TEST(SafetyCheck, BloodThinnersRefuseLongNeedlesOnly) {
    Session s = session(QStringLiteral("scalp"), 0.5, kToday);
    s.contraindications = {QStringLiteral("blood-thinners")};
    EXPECT_EQ(check(s).severity, Severity::Advise);
    s.needle = NeedleLength::fromMillimetres(0.75);
    EXPECT_EQ(check(s).severity, Severity::Refuse);
}

TEST(SafetyCheck, DeviceWearAdvisesThenRefuses) {
    const DeviceWear& wear = rules().deviceWear();
    DeviceState state;
    state.device.name = QStringLiteral("Roller");
    state.device.needle = NeedleLength::fromMillimetres(0.5);
    state.device.firstUse = kToday.addDays(-10);
    state.lastCleaned = QDateTime(kToday, QTime(8, 0)); // clean: only wear is looked at here
    const Session s = session(QStringLiteral("body"), 0.5, kToday);
    state.usesSoFar = wear.adviseFromUse - 2;
    EXPECT_EQ(findRule(check(s, {}, state), QStringLiteral("device-wear")), nullptr);
    state.usesSoFar = wear.adviseFromUse - 1; // this session is use number adviseFromUse
    EXPECT_EQ(check(s, {}, state).severity, Severity::Advise);
    state.usesSoFar = wear.refuseAfterUses;
    EXPECT_EQ(check(s, {}, state).severity, Severity::Refuse);
    state.usesSoFar = 1;
    state.device.firstUse = kToday.addDays(-wear.refuseAfterDays);
    EXPECT_EQ(check(s, {}, state).severity, Severity::Refuse);
    state.device.firstUse = kToday.addDays(-wear.refuseAfterDays + 1);
    EXPECT_EQ(check(s, {}, state).severity, Severity::Ok);
    state.device.retiredOn = kToday.addDays(-1);
    EXPECT_NE(findRule(check(s, {}, state), QStringLiteral("device-retired")), nullptr);
}

// A roller is cleaned before its first use and after every use (domain guide): the check says
// so when it is not, as the Devices page and Today do.
TEST(SafetyCheck, ADeviceThatNeedsCleaningGetsAdvice) {
    DeviceState state;
    state.device.id = 1;
    state.device.name = QStringLiteral("Roller");
    state.device.needle = NeedleLength::fromMillimetres(0.5);
    Session s = session(QStringLiteral("body"), 0.5, kToday);
    s.deviceId = 1;
    const Reason* never = findRule(check(s, {}, state), QStringLiteral("device-cleaning"));
    ASSERT_NE(never, nullptr) << "never cleaned";
    EXPECT_EQ(never->severity, Severity::Advise);
    EXPECT_TRUE(never->message.contains(QStringLiteral("before its first use")));
    EXPECT_EQ(never->sources, rules().cleaningSources());
    state.usesSoFar = 1;
    state.lastUsed = QDateTime(kToday.addDays(-7), QTime(21, 0));
    state.lastCleaned = QDateTime(kToday.addDays(-7), QTime(20, 0));
    const Reason* used = findRule(check(s, {}, state), QStringLiteral("device-cleaning"));
    ASSERT_NE(used, nullptr) << "used after its last cleaning";
    EXPECT_TRUE(used->message.contains(isoDateText(kToday.addDays(-7))));
    state.lastCleaned = QDateTime(kToday.addDays(-7), QTime(22, 0));
    EXPECT_EQ(findRule(check(s, {}, state), QStringLiteral("device-cleaning")), nullptr)
        << "cleaned after its last use";
    state.lastCleaned.reset();
    state.usesSoFar = 0;
    state.lastUsed = {};
    state.device.kind = QStringLiteral("pen");
    EXPECT_EQ(findRule(check(s, {}, state), QStringLiteral("device-cleaning")), nullptr)
        << "a pen's cartridge is sold sterile";
}

TEST(SafetyCheck, AnOverrideReasonLetsARefusalBeSavedAndSaysSo) {
    Session s = session(QStringLiteral("face"), 1.5, kToday);
    EXPECT_TRUE(check(s).blocksSaving());
    s.overrideReason = QStringLiteral("dermatologist advised");
    const Verdict v = check(s);
    EXPECT_EQ(v.severity, Severity::Refuse);
    EXPECT_TRUE(v.overridden);
    EXPECT_FALSE(v.blocksSaving());
    s.overrideReason = QStringLiteral("   ");
    EXPECT_TRUE(check(s).blocksSaving()) << "a blank reason is no reason";
}

TEST(SafetyCheck, InvalidInputIsAnErrorNotAVerdict) {
    auto errorField = [](const Session& s) {
        const auto v = checkSession(s, {}, rules(), kToday);
        return v ? QStringLiteral("(no error)") : v.error().field;
    };
    EXPECT_EQ(errorField(session(QStringLiteral("face"), 0.5, kToday.addDays(1))),
              QStringLiteral("date"));
    EXPECT_EQ(errorField(session(QStringLiteral("elbow"), 0.5, kToday)), QStringLiteral("area"));
    Session zone = session(QStringLiteral("face"), 0.5, kToday);
    zone.zones = {QStringLiteral("crown")};
    EXPECT_EQ(errorField(zone), QStringLiteral("zone"));
    EXPECT_EQ(errorField(session(QStringLiteral("face"), 3.5, kToday)), QStringLiteral("needle"));
    EXPECT_EQ(errorField(session(QStringLiteral("face"), 0.05, kToday)), QStringLiteral("needle"));
    Session pain = session(QStringLiteral("face"), 0.5, kToday);
    pain.pain = 11;
    EXPECT_EQ(errorField(pain), QStringLiteral("pain"));
    Session contra = session(QStringLiteral("face"), 0.5, kToday);
    contra.contraindications = {QStringLiteral("headache")};
    EXPECT_EQ(errorField(contra), QStringLiteral("contra"));
}

TEST(SafetyCheck, ALateEntryIsCheckedAgainstTheSessionAfterItToo) {
    const QList<Session> history{session(QStringLiteral("face"), 0.5, QDate(2026, 11, 1)),
                                 session(QStringLiteral("face"), 0.5, QDate(2026, 11, 20))};
    const Verdict v = check(session(QStringLiteral("face"), 0.5, QDate(2026, 11, 16)), history);
    EXPECT_EQ(v.severity, Severity::Refuse);
    EXPECT_TRUE(v.reasons.at(0).message.contains(QStringLiteral("2026-11-20")));
}

TEST(SafetyCheck, EditingASessionDoesNotConflictWithItself) {
    Session stored = session(QStringLiteral("face"), 0.5, QDate(2026, 11, 20));
    stored.zones = {QStringLiteral("cheeks")};
    stored.id = 7;
    Session edited = stored;
    edited.notes = QStringLiteral("edited");
    EXPECT_EQ(check(edited, {stored}).severity, Severity::Ok);
}

TEST(SafetyCheck, ProfessionalSessionsAreRecordedWithAdviceAndStillCount) {
    const Verdict v =
        check(byProfessional(session(QStringLiteral("face"), 1.5, QDate(2026, 11, 10))),
              {session(QStringLiteral("face"), 0.5, QDate(2026, 11, 8))});
    EXPECT_EQ(v.severity, Severity::Advise);
    EXPECT_FALSE(v.blocksSaving());
    const Readiness r = readiness(
        QStringLiteral("face"),
        {byProfessional(session(QStringLiteral("face"), 1.5, QDate(2026, 11, 24)))}, rules());
    const NeedleReadiness& same = r.forNeedle(rules(), NeedleLength::fromMillimetres(1.5));
    EXPECT_EQ(same.earliestAllowedDate, QDate(2026, 12, 22));
    EXPECT_EQ(same.recommendedDate, QDate(2027, 1, 5));
}

TEST(Readiness, CountsTheNextNeedle) {
    const QList<Session> history{session(QStringLiteral("face"), 0.5, QDate(2026, 11, 2))};
    const Readiness face = readiness(QStringLiteral("face"), history, rules());
    EXPECT_EQ(face.forNeedle(rules(), NeedleLength::fromMillimetres(0.5)).earliestAllowedDate,
              QDate(2026, 11, 9));
    EXPECT_EQ(face.forNeedle(rules(), NeedleLength::fromMillimetres(1.0)).earliestAllowedDate,
              QDate(2026, 11, 23));
    EXPECT_FALSE(readiness(QStringLiteral("scalp"), history, rules()).lastSession);
}

TEST(SafetyCheck, IntervalsCountCalendarDaysAcrossSummerTime) {
    // Europe and the US change clocks in late March; a day count must not care.
    const Verdict v = check(session(QStringLiteral("face"), 0.5, QDate(2026, 4, 3)),
                            {session(QStringLiteral("face"), 0.5, QDate(2026, 3, 28))});
    EXPECT_EQ(v.earliestAllowedDate, QDate(2026, 4, 4));
}

TEST(SafetyCheck, RegimenCadenceBelowTheMinimumIsRefused) {
    Regimen r;
    r.area = QStringLiteral("scalp");
    r.needle = NeedleLength::fromMillimetres(0.5);
    r.start = kToday;
    r.everyDays = 3;
    auto v = checkRegimen(r, rules());
    ASSERT_TRUE(v);
    EXPECT_EQ(v->severity, Severity::Refuse);
    EXPECT_TRUE(v->reasons.at(0).message.contains(QStringLiteral("7 days")));
    r.performedBy = Performer::Professional;
    EXPECT_EQ(checkRegimen(r, rules())->severity, Severity::Refuse)
        << "no one gets a plan below the floor";
    r.performedBy = Performer::Self;
    r.everyDays = 7;
    EXPECT_EQ(checkRegimen(r, rules())->severity, Severity::Advise);
    r.everyDays = 14;
    EXPECT_EQ(checkRegimen(r, rules())->severity, Severity::Ok);
    r.everyDays = 0;
    EXPECT_FALSE(checkRegimen(r, rules()));
}

TEST(SafetyCheck, EveryTemplatePassesItsOwnRules) {
    ASSERT_FALSE(rules().templates().isEmpty());
    for (const RegimenTemplate& t : rules().templates()) {
        Regimen r;
        r.area = t.area;
        r.needle = t.needle;
        r.everyDays = t.everyDays;
        r.weeks = t.weeks;
        r.performedBy = t.performedBy;
        r.start = kToday;
        const auto v = checkRegimen(r, rules());
        ASSERT_TRUE(v) << t.id.toStdString();
        EXPECT_NE(v->severity, Severity::Refuse) << t.id.toStdString();
    }
}
