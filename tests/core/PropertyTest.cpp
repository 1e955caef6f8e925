// Properties over thousands of generated histories and regimens (fixed seeds: reproducible).
#include "TestSupport.h"

#include "planning/Planner.h"
#include "rules/Readiness.h"
#include "rules/ReadinessText.h"
#include "rules/SafetyCheck.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace dermaplan;
using test::rules;

namespace {

const QDate kToday(2026, 11, 24);

class Generator {
public:
    explicit Generator(unsigned seed)
        : m_random(seed) {}

    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
    template <typename T> const T& pick(const QList<T>& list) {
        return list.at(between(0, int(list.size()) - 1));
    }

    NeedleLength needle() {
        // Mostly standard sizes, sometimes any length in range.
        if (between(0, 3) == 0)
            return NeedleLength::fromMicrometres(between(rules().minimumNeedle().micrometres(),
                                                         rules().maximumNeedle().micrometres()));
        return pick(rules().standardSizes());
    }

    QList<Session> history(int count) {
        QList<Session> out;
        for (int i = 0; i < count; ++i) {
            Session s;
            s.id = i + 1;
            s.area = pick(rules().areas()).id;
            s.needle = needle();
            s.date = kToday.addDays(-between(0, 730));
            s.performedBy = between(0, 4) == 0 ? Performer::Professional : Performer::Self;
            // Some sessions were logged with a device whose needle differs; some zones; some
            // overrides.
            if (between(0, 3) == 0) {
                s.deviceId = between(1, 5);
                s.deviceNeedle = needle();
            }
            const Area* area = rules().area(s.area);
            if (!area->zones.isEmpty() && between(0, 1))
                s.zones << pick(area->zones).id;
            if (between(0, 5) == 0)
                s.overrideReason = QStringLiteral("overridden");
            out << s;
        }
        return out;
    }

    Regimen regimen(qint64 id) {
        Regimen r;
        r.id = id;
        r.name = QStringLiteral("R%1").arg(id);
        r.area = pick(rules().areas()).id;
        r.needle = needle();
        const IntervalRule& rule = rules().interval(r.area, r.needle);
        r.everyDays = between(rule.minimumDays, rule.defaultDays * 2);
        r.start = kToday.addDays(between(-120, 60));
        if (between(0, 1))
            r.weeks = between(1, 52);
        r.performedBy = rules().interval(r.area, r.needle).homeUse == HomeUse::ProfessionalOnly
                            ? Performer::Professional
                            : Performer::Self;
        return r;
    }

    std::mt19937& engine() { return m_random; }

private:
    std::mt19937 m_random;
};

int minimumGap(const QString& area, NeedleLength a, NeedleLength b) {
    return std::max(rules().interval(area, a).minimumDays, rules().interval(area, b).minimumDays);
}

} // namespace

TEST(Property, NoPlannedOccurrenceBreaksTheMinimumInterval) {
    Generator gen(1);
    int checkedPairs = 0;
    for (int round = 0; round < 1500; ++round) {
        const QList<Session> history = gen.history(gen.between(0, 12));
        QList<Regimen> regimens;
        for (int i = 0, n = gen.between(1, 4); i < n; ++i)
            regimens << gen.regimen(i + 1);
        const Plan plan = planSessions(regimens, history, rules(), kToday, kToday.addDays(-30),
                                       kToday.addDays(180));
        QList<Occurrence> planned;
        for (const Occurrence& o : plan.occurrences)
            if (o.status == Occurrence::Status::Planned)
                planned << o;
        for (const Occurrence& o : planned) {
            ASSERT_GE(o.date, kToday) << "planned occurrences lie ahead";
            for (const Occurrence& other : planned)
                if (&other != &o && other.area == o.area && other.date <= o.date &&
                    !(other.date == o.date && &other > &o)) {
                    ASSERT_GE(other.date.daysTo(o.date), minimumGap(o.area, o.needle, other.needle))
                        << "round " << round << " " << o.area.toStdString();
                    ++checkedPairs;
                }
            for (const Session& s : history)
                if (s.area == o.area && s.date <= o.date) {
                    ASSERT_GE(s.date.daysTo(o.date), minimumGap(o.area, o.needle, s.needle))
                        << "round " << round;
                    ++checkedPairs;
                }
            for (const Reason& r : o.advice)
                ASSERT_NE(r.severity, Severity::Refuse);
        }
    }
    EXPECT_GT(checkedPairs, 1000) << "the generator must produce overlapping plans";
}

TEST(Property, ALongerNeedleNeverGetsAShorterInterval) {
    for (const Area& area : rules().areas())
        for (qsizetype i = 1; i < rules().standardSizes().size(); ++i) {
            const IntervalRule& shorter = rules().interval(area.id, rules().standardSizes()[i - 1]);
            const IntervalRule& longer = rules().interval(area.id, rules().standardSizes()[i]);
            EXPECT_GE(longer.minimumDays, shorter.minimumDays);
            EXPECT_GE(longer.defaultDays, shorter.defaultDays);
        }
    Generator gen(2);
    for (int round = 0; round < 3000; ++round) {
        const QList<Session> history = gen.history(gen.between(1, 10));
        const QString area = gen.pick(rules().areas()).id;
        NeedleLength a = gen.needle();
        NeedleLength b = gen.needle();
        if (b < a)
            std::swap(a, b);
        const Readiness r = readiness(area, history, rules());
        const NeedleReadiness& shortNeedle = r.forNeedle(rules(), a);
        const NeedleReadiness& longNeedle = r.forNeedle(rules(), b);
        ASSERT_GE(longNeedle.earliestAllowedDate, shortNeedle.earliestAllowedDate);
        ASSERT_GE(longNeedle.recommendedDate, shortNeedle.recommendedDate);
    }
}

TEST(Property, ResultsDoNotDependOnTheOrderOfTheHistory) {
    Generator gen(3);
    for (int round = 0; round < 1500; ++round) {
        QList<Session> history = gen.history(gen.between(1, 15));
        QList<Regimen> regimens{gen.regimen(1), gen.regimen(2), gen.regimen(3)};
        Session draft;
        draft.area = gen.pick(rules().areas()).id;
        draft.needle = gen.needle();
        draft.date = kToday.addDays(-gen.between(0, 400));
        const auto before = checkSession(draft, history, rules(), kToday);
        const Plan planBefore =
            planSessions(regimens, history, rules(), kToday, kToday, kToday.addDays(90));
        std::shuffle(history.begin(), history.end(), gen.engine());
        std::shuffle(regimens.begin(), regimens.end(), gen.engine());
        const auto after = checkSession(draft, history, rules(), kToday);
        const Plan planAfter =
            planSessions(regimens, history, rules(), kToday, kToday, kToday.addDays(90));
        ASSERT_TRUE(before && after);
        ASSERT_EQ(before->severity, after->severity);
        ASSERT_EQ(before->earliestAllowedDate, after->earliestAllowedDate);
        ASSERT_EQ(before->reasons.size(), after->reasons.size());
        for (qsizetype i = 0; i < before->reasons.size(); ++i)
            ASSERT_EQ(before->reasons[i].message, after->reasons[i].message);
        ASSERT_EQ(planBefore.occurrences.size(), planAfter.occurrences.size());
        for (qsizetype i = 0; i < planBefore.occurrences.size(); ++i) {
            ASSERT_EQ(planBefore.occurrences[i].date, planAfter.occurrences[i].date);
            ASSERT_EQ(planBefore.occurrences[i].regimenId, planAfter.occurrences[i].regimenId);
        }
    }
}

// The interval rule read straight from the domain guide, independently of the code: the needle
// that counts is the longer of the session's and its device's; a length uses the rule of the
// next longer standard size; every other session on the area, before or after, must be at
// least the larger of both needles' minimums away.
namespace {

int guideMinimum(const QString& area, NeedleLength length) {
    NeedleLength size = rules().standardSizes().constLast();
    for (const NeedleLength& s : rules().standardSizes())
        if (s >= length) {
            size = s;
            break;
        }
    for (const IntervalRule& r : rules().intervals())
        if (r.area == area && r.needle == size)
            return r.minimumDays;
    ADD_FAILURE() << "no rule";
    return 0;
}

NeedleLength counting(const Session& s) {
    return s.deviceNeedle && *s.deviceNeedle > s.needle ? *s.deviceNeedle : s.needle;
}

bool guideRefuses(const Session& draft, const QList<Session>& history) {
    for (const Session& s : history) {
        if (s.area != draft.area || s.id == draft.id)
            continue;
        const int gap = std::max(guideMinimum(draft.area, counting(s)),
                                 guideMinimum(draft.area, counting(draft)));
        const qint64 days = std::abs(s.date.daysTo(draft.date));
        if (days < gap)
            return true;
    }
    return false;
}

bool intervalRefused(const Verdict& v) {
    for (const Reason& r : v.reasons)
        if (r.rule == u"interval" && r.severity == Severity::Refuse)
            return true;
    return false;
}

} // namespace

TEST(Property, IntervalRefusalsFollowTheGuideForEveryEarlierAndLaterSession) {
    Generator gen(4);
    int refusals = 0;
    int heldByAnOlderSession = 0;
    for (int round = 0; round < 4000; ++round) {
        const QList<Session> history = gen.history(gen.between(0, 10));
        Session draft;
        draft.area = gen.pick(rules().areas()).id;
        draft.needle = gen.needle();
        draft.date = kToday.addDays(-gen.between(0, 60));
        draft.performedBy = gen.between(0, 3) == 0 ? Performer::Professional : Performer::Self;
        const auto v = checkSession(draft, history, rules(), kToday);
        ASSERT_TRUE(v);
        const bool expected = guideRefuses(draft, history);
        // Professional sessions are never refused, but the interval reason is still given.
        bool refused = intervalRefused(*v);
        if (draft.performedBy == Performer::Professional)
            for (const Reason& r : v->reasons)
                refused |= r.rule == u"interval" &&
                           r.message.startsWith(QStringLiteral("Performed by a professional"));
        ASSERT_EQ(refused, expected) << "round " << round;
        refusals += expected;
        // Count the cases the old "last session only" rule got wrong.
        const Session* last = nullptr;
        for (const Session& s : history)
            if (s.area == draft.area && s.date <= draft.date && (!last || s.date > last->date))
                last = &s;
        if (expected && last && !guideRefuses(draft, {*last}))
            ++heldByAnOlderSession;
    }
    EXPECT_GT(refusals, 200);
    EXPECT_GT(heldByAnOlderSession, 20) << "the generator must produce older, longer windows";
}

// Readiness and the checker never disagree: for every day of a year after a history and every
// standard size, a session is allowed by the intervals exactly when readiness says so.
TEST(Property, ReadinessEqualsTheCheckersVerdictOnEveryDayForEveryNeedle) {
    Generator gen(5);
    int compared = 0;
    for (int round = 0; round < 60; ++round) {
        const QString area = gen.pick(rules().areas()).id;
        QList<Session> history = gen.history(gen.between(1, 8));
        for (Session& s : history)
            s.area = area;
        // A professional's session: the placement refuses nothing, only the intervals decide.
        const Readiness r = readiness(area, history, rules(), {{}, Performer::Professional, {}});
        ASSERT_TRUE(r.lastSession);
        const QDate lastDay = r.lastSession->date;
        for (QDate d = lastDay; d <= lastDay.addDays(365); d = d.addDays(1))
            for (const NeedleLength& size : rules().standardSizes()) {
                Session draft;
                draft.area = area;
                draft.needle = size;
                draft.date = d;
                draft.performedBy = Performer::Professional;
                const auto v = checkSession(draft, history, rules(), d);
                ASSERT_TRUE(v);
                bool refused = false;
                for (const Reason& reason : v->reasons)
                    refused |= reason.rule == u"interval";
                ASSERT_EQ(!refused, r.forNeedle(rules(), size).allowedOn(d))
                    << "round " << round << " " << d.toString(Qt::ISODate).toStdString() << " "
                    << size.toString().toStdString();
                ++compared;
            }
    }
    EXPECT_GT(compared, 100000);
}

namespace {

// What a refusal of the check means for a performer: for a person at home, any refusal; for a
// professional, whose sessions are recorded as advice, a refusal by the earlier sessions.
bool checkRefuses(const Verdict& v, Performer performer) {
    if (performer == Performer::Self)
        return v.severity == Severity::Refuse;
    for (const Reason& r : v.reasons)
        if ((r.rule == u"interval" || r.rule == u"reaction") &&
            r.message.startsWith(QStringLiteral("Performed by a professional")))
            return true;
    return false;
}

} // namespace

// Readiness never over-promises: for every area, needle, performer, placement (the whole area or
// one zone, with or without a device) and day of a generated year, readiness calls a needle
// allowed exactly when the safety check does not refuse it, and its words and level agree.
TEST(Property, ReadinessAllowsExactlyWhatTheCheckAllowsForEveryPerformerAndPlacement) {
    Generator gen(6);
    int compared = 0;
    int refusedByPlacement = 0;
    int refusedByReaction = 0;
    for (int round = 0; round < 24; ++round) {
        const QString area = gen.pick(rules().areas()).id;
        QList<Session> history = gen.history(gen.between(1, 6));
        const QDate first = kToday.addDays(-365);
        for (Session& s : history) {
            s.area = area;
            s.date = first.addDays(gen.between(0, 300));
            if (gen.between(0, 6) == 0) // a reaction still open, first reported a day later
                s.course.open =
                    ReactionCourse::Open{QStringLiteral("infection"), s.date.addDays(1)};
        }
        const Area* a = rules().area(area);
        Placement placement;
        placement.performer = gen.between(0, 2) == 0 ? Performer::Professional : Performer::Self;
        if (!a->zones.isEmpty() && gen.between(0, 1))
            placement.zones << gen.pick(a->zones).id;
        std::optional<DeviceState> device;
        if (gen.between(0, 3) == 0) {
            placement.deviceNeedle = gen.needle();
            device = DeviceState{};
            device->device.id = 99;
            device->device.name = QStringLiteral("Roller");
            device->device.needle = *placement.deviceNeedle;
        }
        QList<NeedleLength> needles = rules().standardSizes();
        needles << gen.needle() << gen.needle();
        for (QDate d = first; d <= kToday; d = d.addDays(1)) {
            QList<Session> before;
            for (const Session& s : std::as_const(history))
                if (s.date <= d)
                    before << s;
            const Readiness r = readiness(area, before, rules(), placement);
            for (const NeedleLength& needle : std::as_const(needles)) {
                Session draft;
                draft.area = area;
                draft.zones = placement.zones;
                draft.needle = needle;
                draft.date = d;
                draft.performedBy = placement.performer;
                if (device) {
                    draft.deviceId = device->device.id;
                    device->device.firstUse = d;
                }
                const auto v = checkSession(draft, before, rules(), d, device);
                ASSERT_TRUE(v);
                const bool refused = checkRefuses(*v, placement.performer);
                const NeedleReadiness& n = r.forNeedle(rules(), needle);
                const auto where = [&] {
                    return "round " + std::to_string(round) + " " +
                           d.toString(Qt::ISODate).toStdString() + " " +
                           needle.toString().toStdString();
                };
                ASSERT_EQ(n.allowedOn(d), !refused) << where();
                ASSERT_EQ(readinessLevel(r, d, rules(), needle) == ReadinessLevel::Wait, refused)
                    << where();
                const QString text = describeReadiness(r, d, rules(), QLocale::c(), needle);
                ASSERT_EQ(text.startsWith(needle.toString() + QStringLiteral(" allowed now")),
                          !refused)
                    << where() << " " << text.toStdString();
                refusedByPlacement += n.refusal.has_value();
                refusedByReaction += n.heldByReactionOn(d) && !n.refusal;
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 80000);
    EXPECT_GT(refusedByPlacement, 1000) << "the generator must reach professional-only lengths";
    EXPECT_GT(refusedByReaction, 100) << "and reactions that hold the area";
}
