#include "SafetyCheck.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace dermaplan {

namespace {

// Gives the messages a translation context of their own.
class SafetyText {
    Q_DECLARE_TR_FUNCTIONS(SafetyCheck)
};

QString isoDate(QDate d) {
    return d.toString(Qt::ISODate);
}

QString areaName(const RuleBook& rules, const QString& areaId) {
    const Area* a = rules.area(areaId);
    return a ? a->name.toLower() : areaId;
}

// The stricter of the two needles' interval rules on one area.
struct Gap {
    int minimumDays = 0;
    int defaultDays = 0;
    QStringList sources;
    NeedleLength governing; // the needle whose rule set the minimum
};

Gap requiredGap(const RuleBook& rules, const QString& area, NeedleLength a, NeedleLength b) {
    const IntervalRule& ra = rules.interval(area, a);
    const IntervalRule& rb = rules.interval(area, b);
    Gap gap;
    gap.minimumDays = std::max(ra.minimumDays, rb.minimumDays);
    gap.defaultDays = std::max(ra.defaultDays, rb.defaultDays);
    gap.governing = ra.minimumDays >= rb.minimumDays ? a : b;
    gap.sources = ra.minimumDays >= rb.minimumDays ? ra.sources : rb.sources;
    gap.sources << QStringLiteral("S-DERMAPLAN");
    gap.sources.removeDuplicates();
    return gap;
}

Status validateCommon(const QString& area, const QStringList& zones, NeedleLength needle,
                      const RuleBook& rules) {
    if (auto place = rules.validatePlace(area, zones); !place)
        return place;
    if (auto n = rules.needle(needle); !n)
        return n.error();
    return success();
}

void checkZones(Verdict& verdict, const QString& area, const QStringList& zones,
                NeedleLength needle, const RuleBook& rules) {
    for (const QString& zone : zones) {
        const ZoneCap* cap = rules.zoneCap(area, zone);
        if (!cap || needle <= cap->allowUpTo)
            continue;
        const Zone* z = rules.area(area)->zone(zone);
        const bool refuse = needle > cap->adviseUpTo;
        verdict.add({refuse ? Severity::Refuse : Severity::Advise,
                     QStringLiteral("zone-cap"),
                     refuse ? SafetyText::tr("%1 is too long for the %2 zone (at most %3). %4")
                                  .arg(needle.toString(), z->name.toLower(),
                                       cap->adviseUpTo.toString(), cap->reason)
                            : SafetyText::tr("%1 on the %2 zone is for experienced users only "
                                             "(up to %3 is the usual home limit). %4")
                                  .arg(needle.toString(), z->name.toLower(),
                                       cap->allowUpTo.toString(), cap->reason),
                     cap->sources,
                     {}});
    }
}

void checkHomeUse(Verdict& verdict, const QString& area, NeedleLength needle,
                  const RuleBook& rules) {
    const IntervalRule& rule = rules.interval(area, needle);
    const QString where = areaName(rules, area);
    switch (rule.homeUse) {
    case HomeUse::Yes:
        return;
    case HomeUse::Caution:
        verdict.add({Severity::Advise,
                     QStringLiteral("home-use"),
                     SafetyText::tr("%1 on the %2 at home: use with caution.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    case HomeUse::AdviseProfessional:
        verdict.add({Severity::Advise,
                     QStringLiteral("home-use"),
                     SafetyText::tr("%1 on the %2 is best left to a professional.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    case HomeUse::ProfessionalOnly:
        verdict.add({Severity::Refuse,
                     QStringLiteral("home-use"),
                     SafetyText::tr("%1 on the %2 is for a professional only, not for home use.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    }
}

void checkInterval(Verdict& verdict, const Session& draft, const Session& other, bool otherIsBefore,
                   const RuleBook& rules) {
    const Gap gap = requiredGap(rules, draft.area, other.needle, draft.needle);
    const qint64 days =
        otherIsBefore ? other.date.daysTo(draft.date) : draft.date.daysTo(other.date);
    const QString where = areaName(rules, draft.area);
    const QDate earliest = other.date.addDays(gap.minimumDays);
    if (days < gap.minimumDays) {
        const QString rule = SafetyText::tr("%1 on the %2 needs at least %n day(s) of recovery",
                                            nullptr, gap.minimumDays)
                                 .arg(gap.governing.toString(), where);
        const QString message =
            otherIsBefore
                ? SafetyText::tr("%1; the last session there was %2 (%n day(s) earlier). Earliest "
                                 "safe date: %3.",
                                 nullptr, int(days))
                      .arg(rule, isoDate(other.date), isoDate(earliest))
                : SafetyText::tr("%1; a session is already logged on %2 (%n day(s) later).",
                                 nullptr, int(days))
                      .arg(rule, isoDate(other.date));
        verdict.add({Severity::Refuse, QStringLiteral("interval"), message, gap.sources,
                     otherIsBefore ? std::optional<QDate>(earliest) : std::nullopt});
    } else if (days < gap.defaultDays) {
        verdict.add(
            {Severity::Advise,
             QStringLiteral("interval-default"),
             SafetyText::tr("Allowed, but %1 days after the session of %2: for %3 on the "
                            "%4 the recommended interval is %5 days (recommended date: %6).")
                 .arg(days)
                 .arg(isoDate(other.date), gap.governing.toString(), where)
                 .arg(gap.defaultDays)
                 .arg(isoDate(other.date.addDays(otherIsBefore ? gap.defaultDays : 0))),
             gap.sources,
             {}});
    }
}

void checkDevice(Verdict& verdict, const Session& draft, const DeviceState& state,
                 const RuleBook& rules) {
    const DeviceWear& wear = rules.deviceWear();
    const Device& d = state.device;
    if (d.retiredOn && *d.retiredOn <= draft.date)
        verdict.add({Severity::Refuse,
                     QStringLiteral("device-retired"),
                     SafetyText::tr("The device \"%1\" was retired on %2.")
                         .arg(d.name, isoDate(*d.retiredOn)),
                     wear.sources,
                     {}});
    const int thisUse = state.usesSoFar + 1;
    if (state.usesSoFar >= wear.refuseAfterUses)
        verdict.add(
            {Severity::Refuse,
             QStringLiteral("device-wear"),
             SafetyText::tr("The device \"%1\" has been used %2 times: replace it after %3 uses "
                            "(needles dull and bend).")
                 .arg(d.name)
                 .arg(state.usesSoFar)
                 .arg(wear.refuseAfterUses),
             wear.sources,
             {}});
    else if (thisUse >= wear.adviseFromUse)
        verdict.add(
            {Severity::Advise,
             QStringLiteral("device-wear"),
             SafetyText::tr("This is use %1 of the device \"%2\": plan to replace it (at the "
                            "latest after %3 uses).")
                 .arg(thisUse)
                 .arg(d.name)
                 .arg(wear.refuseAfterUses),
             wear.sources,
             {}});
    if (d.firstUse.isValid() && d.firstUse.daysTo(draft.date) >= wear.refuseAfterDays)
        verdict.add(
            {Severity::Refuse,
             QStringLiteral("device-wear"),
             SafetyText::tr("The device \"%1\" was first used on %2, %3 days ago: replace it "
                            "after %4 days.")
                 .arg(d.name, isoDate(d.firstUse))
                 .arg(d.firstUse.daysTo(draft.date))
                 .arg(wear.refuseAfterDays),
             wear.sources,
             {}});
    if (d.needle.micrometres() > 0 && d.needle != draft.needle)
        verdict.add({Severity::Advise,
                     QStringLiteral("device-needle"),
                     SafetyText::tr("The device \"%1\" has %2 needles, but the session says %3.")
                         .arg(d.name, d.needle.toString(), draft.needle.toString()),
                     wear.sources,
                     {}});
}

// Sessions by a professional are recorded, never refused: the clinician decides.
void downgradeForProfessional(Verdict& verdict) {
    Verdict advised;
    for (Reason r : std::as_const(verdict.reasons)) {
        if (r.severity == Severity::Refuse) {
            r.severity = Severity::Advise;
            r.message = SafetyText::tr("Performed by a professional, recorded as advice: %1")
                            .arg(r.message);
        }
        advised.add(r);
    }
    advised.earliestSafeDate = verdict.earliestSafeDate;
    verdict = advised;
}

} // namespace

void Verdict::add(Reason reason) {
    severity = std::max(severity, reason.severity);
    if (reason.earliestSafeDate &&
        (!earliestSafeDate || *earliestSafeDate < *reason.earliestSafeDate))
        earliestSafeDate = reason.earliestSafeDate;
    reasons << std::move(reason);
}

QList<Session> sessionsOnArea(const QList<Session>& history, const QString& area,
                              qint64 excludeId) {
    QList<Session> out;
    for (const Session& s : history)
        if (s.area == area && (excludeId == 0 || s.id != excludeId))
            out << s;
    // Stable on (date, time, id) so the result does not depend on the order history came in.
    std::sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
        if (a.date != b.date)
            return a.date < b.date;
        if (a.time.value_or(QTime(0, 0)) != b.time.value_or(QTime(0, 0)))
            return a.time.value_or(QTime(0, 0)) < b.time.value_or(QTime(0, 0));
        return a.id < b.id;
    });
    return out;
}

RecoveryWindow recoveryWindow(const QString& area, const QList<Session>& history,
                              const RuleBook& rules, std::optional<NeedleLength> nextNeedle) {
    RecoveryWindow window;
    window.area = area;
    const QList<Session> onArea = sessionsOnArea(history, area);
    if (onArea.isEmpty())
        return window;
    const Session& last = onArea.constLast();
    const Gap gap = requiredGap(rules, area, last.needle, nextNeedle.value_or(last.needle));
    window.lastSession = last;
    window.earliestSafeDate = last.date.addDays(gap.minimumDays);
    window.recommendedDate = last.date.addDays(gap.defaultDays);
    return window;
}

Result<Verdict> checkSession(const Session& draft, const QList<Session>& history,
                             const RuleBook& rules, QDate today,
                             const std::optional<DeviceState>& device) {
    if (!draft.date.isValid())
        return Error{SafetyText::tr("a session needs a valid date"), {}, 0, QStringLiteral("date")};
    if (draft.date > today)
        return Error{
            SafetyText::tr("%1 is in the future (today is %2): only sessions that happened "
                           "can be logged; plan future ones with a regimen")
                .arg(isoDate(draft.date), isoDate(today)),
            {},
            0,
            QStringLiteral("date")};
    if (auto common = validateCommon(draft.area, draft.zones, draft.needle, rules); !common)
        return common.error();
    if (draft.pain && (*draft.pain < 0 || *draft.pain > 10))
        return Error{SafetyText::tr("%1 is not a pain score from 0 to 10").arg(*draft.pain),
                     {},
                     0,
                     QStringLiteral("pain")};
    for (const QString& item : draft.contraindications)
        if (!rules.contraindication(item))
            return Error{SafetyText::tr("'%1' is not an item of the checklist").arg(item),
                         {},
                         0,
                         QStringLiteral("contra")};

    Verdict verdict;
    const QList<Session> onArea = sessionsOnArea(history, draft.area, draft.id);
    // The nearest session on or before the draft's day, and the nearest after it: a session
    // logged late must respect both neighbours.
    const Session* before = nullptr;
    const Session* after = nullptr;
    for (const Session& s : onArea) {
        if (s.date <= draft.date)
            before = &s;
        else if (!after)
            after = &s;
    }
    if (before)
        checkInterval(verdict, draft, *before, true, rules);
    if (after)
        checkInterval(verdict, draft, *after, false, rules);

    checkZones(verdict, draft.area, draft.zones, draft.needle, rules);
    if (draft.performedBy == Performer::Self)
        checkHomeUse(verdict, draft.area, draft.needle, rules);

    for (const QString& item : draft.contraindications) {
        const Contraindication* c = rules.contraindication(item);
        const bool refuseForNeedle = c->refuseAbove && draft.needle > *c->refuseAbove;
        const Severity severity = refuseForNeedle ? Severity::Refuse : c->effect;
        QString message = c->label + QStringLiteral(": ") + c->advice;
        if (refuseForNeedle)
            message +=
                u' ' +
                SafetyText::tr("Needles over %1 are refused.").arg(c->refuseAbove->toString());
        verdict.add({severity, QStringLiteral("contraindication"), message, c->sources, {}});
    }

    if (device)
        checkDevice(verdict, draft, *device, rules);

    if (draft.performedBy == Performer::Professional)
        downgradeForProfessional(verdict);
    verdict.overridden =
        verdict.severity == Severity::Refuse && !draft.overrideReason.trimmed().isEmpty();
    return verdict;
}

Result<Verdict> checkRegimen(const Regimen& regimen, const RuleBook& rules) {
    if (auto common = validateCommon(regimen.area, regimen.zones, regimen.needle, rules); !common)
        return common.error();
    if (regimen.everyDays < 1)
        return Error{
            SafetyText::tr("%1 is not a number of days (1 or more)").arg(regimen.everyDays),
            {},
            0,
            QStringLiteral("every")};
    if (!regimen.start.isValid())
        return Error{
            SafetyText::tr("a regimen needs a valid start date"), {}, 0, QStringLiteral("start")};
    if (regimen.weeks && *regimen.weeks < 1)
        return Error{SafetyText::tr("%1 is not a number of weeks (1 or more)").arg(*regimen.weeks),
                     {},
                     0,
                     QStringLiteral("weeks")};

    Verdict verdict;
    const IntervalRule& rule = rules.interval(regimen.area, regimen.needle);
    const QString where = areaName(rules, regimen.area);
    if (regimen.everyDays < rule.minimumDays)
        verdict.add(
            {Severity::Refuse,
             QStringLiteral("interval"),
             SafetyText::tr("Every %1 days is too often: %2 on the %3 needs at least %4 days "
                            "between sessions (recommended %5).")
                 .arg(regimen.everyDays)
                 .arg(regimen.needle.toString(), where)
                 .arg(rule.minimumDays)
                 .arg(rule.defaultDays),
             rule.sources,
             {}});
    else if (regimen.everyDays < rule.defaultDays)
        verdict.add(
            {Severity::Advise,
             QStringLiteral("interval-default"),
             SafetyText::tr("Every %1 days is allowed, but for %2 on the %3 the recommended "
                            "interval is %4 days.")
                 .arg(regimen.everyDays)
                 .arg(regimen.needle.toString(), where)
                 .arg(rule.defaultDays),
             rule.sources,
             {}});

    Verdict placement;
    checkZones(placement, regimen.area, regimen.zones, regimen.needle, rules);
    if (regimen.performedBy == Performer::Self)
        checkHomeUse(placement, regimen.area, regimen.needle, rules);
    else
        downgradeForProfessional(placement);
    for (const Reason& r : std::as_const(placement.reasons))
        verdict.add(r);
    return verdict;
}

} // namespace dermaplan
