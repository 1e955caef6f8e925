#include "SafetyCheck.h"

#include "domain/IsoDate.h"
#include "rules/Placement.h"
#include "rules/Reaction.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <functional>
#include <span>

namespace dermaplan {

namespace {

// Gives the messages a translation context of their own.
class SafetyText {
    Q_DECLARE_TR_FUNCTIONS(SafetyCheck)
};

Status validateCommon(const QString& area, const QStringList& zones, NeedleLength needle,
                      const RuleBook& rules) {
    if (auto place = rules.validatePlace(area, zones); !place)
        return place;
    if (auto n = rules.needle(needle); !n)
        return n.error();
    return success();
}

// An open reaction to an earlier session holds the area until an answer ends it.
Reason reactionReason(const Session& reacted, QDate day, const QString& where,
                      const RuleBook& rules) {
    const FollowUpRules& f = rules.followUp();
    const ReactionCourse::Open& open = *reacted.course.open;
    const ReactionState* state = f.state(open.state);
    QString held = unresolvedReaction(reacted, f, isoDateText);
    held[0] = held[0].toUpper(); // it starts the sentence
    return {Severity::Refuse,
            QStringLiteral("reaction"),
            SafetyText::tr("%1: no new session on the %2 until it has (record it when it has). %3")
                .arg(held, where, openReactionAdvice(open, reacted.date, day, f))
                .trimmed(),
            state ? state->sources : f.sources,
            {}};
}

// Maps the day the earlier sessions allow to the first day every session on the area allows
// (a later one may refuse it too); nothing when no day within the draft's window is.
struct AllowedFrom {
    std::optional<QDate> day;
    QDate searchedTo; // the last day looked at
};
using FirstAllowedDay = std::function<AllowedFrom(QDate)>;

// Every earlier session on the area holds the draft back by its own gap; the one that holds it
// longest is the one the user is told about.
void checkEarlierSessions(Verdict& verdict, const Session& draft, NeedleLength needle,
                          std::span<const Session> earlier, const RuleBook& rules,
                          const FirstAllowedDay& firstAllowed = {}) {
    const NeedleReadiness n = needleReadiness(draft.area, earlier, rules, needle);
    if (!n.heldBy)
        return;
    const QString where = rules.areaInText(draft.area);
    if (n.heldByReactionOn(draft.date)) {
        verdict.add(reactionReason(*n.heldByReaction, draft.date, where, rules));
        return; // the dates below count from a day nobody knows yet
    }
    if (!n.allowedOn(draft.date)) {
        const Session& by = *n.heldBy;
        const qint64 days = clockStart(by).daysTo(draft.date);
        const QString rule = SafetyText::tr("%1 on the %2 needs at least %n day(s) of recovery",
                                            nullptr, n.heldGap.minimumDays)
                                 .arg(n.heldGap.governing.toString(), where);
        // After a lasting reaction the interval counts from the day it resolved: say so.
        const QString since =
            clockStart(by) != by.date
                ? SafetyText::tr("the reaction to the session of %1 (%2) resolved on %3, %n "
                                 "day(s) earlier, and the interval counts from then",
                                 nullptr, int(days))
                      .arg(isoDateText(by.date), countingNeedle(by).toString(),
                           isoDateText(clockStart(by)))
                : SafetyText::tr("the session of %1 (%2) was %n day(s) earlier", nullptr, int(days))
                      .arg(isoDateText(by.date), countingNeedle(by).toString());
        const QDate ruleAllows = n.earliestAllowedDate;
        const AllowedFrom found =
            firstAllowed ? firstAllowed(ruleAllows) : AllowedFrom{ruleAllows, ruleAllows};
        QString message;
        if (found.day == ruleAllows)
            message = SafetyText::tr("%1; %2. Earliest allowed date: %3.")
                          .arg(rule, since, isoDateText(ruleAllows));
        else if (found.day)
            message = SafetyText::tr("%1; %2. That rule allows %3, but sessions logged later "
                                     "refuse every day from %3 to %4: earliest allowed date: %5.")
                          .arg(rule, since, isoDateText(ruleAllows),
                               isoDateText(found.day->addDays(-1)), isoDateText(*found.day));
        else
            message = SafetyText::tr("%1; %2. That rule allows %3, but sessions logged later "
                                     "refuse every day from %3 to %4: no day in that gap is "
                                     "allowed.")
                          .arg(rule, since, isoDateText(ruleAllows), isoDateText(found.searchedTo));
        verdict.add(
            {Severity::Refuse, QStringLiteral("interval"), message, n.heldGap.sources, found.day});
    } else if (draft.date < n.recommendedDate) {
        const Session& by = *n.recommendedBy;
        const QString after =
            clockStart(by) != by.date
                ? SafetyText::tr("%1 days after the reaction to the session of %2 resolved (%3)")
                      .arg(clockStart(by).daysTo(draft.date))
                      .arg(isoDateText(by.date), isoDateText(clockStart(by)))
                : SafetyText::tr("%1 days after the session of %2")
                      .arg(by.date.daysTo(draft.date))
                      .arg(isoDateText(by.date));
        verdict.add({Severity::Advise,
                     QStringLiteral("interval-default"),
                     SafetyText::tr("Allowed, but %1: for %2 on the %3 the recommended interval is "
                                    "%4 days (recommended date: %5).")
                         .arg(after, n.recommendedGap.governing.toString(), where)
                         .arg(n.recommendedGap.defaultDays)
                         .arg(isoDateText(n.recommendedDate)),
                     n.recommendedGap.sources,
                     {}});
    }
}

// A session logged late must also leave room for every session already logged after it. The
// first one it crowds says enough: a refusal if any is inside its minimum, else advice.
void checkLaterSessions(Verdict& verdict, const Session& draft, NeedleLength needle,
                        std::span<const Session> later, const RuleBook& rules) {
    const Session* advised = nullptr;
    RequiredGap advisedGap;
    for (const Session& other : later) {
        const RequiredGap gap = requiredGap(rules, draft.area, needle, countingNeedle(other));
        const qint64 days = draft.date.daysTo(other.date);
        if (days < gap.minimumDays) {
            verdict.add({Severity::Refuse,
                         QStringLiteral("interval"),
                         SafetyText::tr("%1 on the %2 needs at least %n day(s) of recovery; a "
                                        "session is already logged on %3.",
                                        nullptr, gap.minimumDays)
                             .arg(gap.governing.toString(), rules.areaInText(draft.area),
                                  isoDateText(other.date)),
                         gap.sources,
                         {}});
            return;
        }
        if (!advised && days < gap.defaultDays) {
            advised = &other;
            advisedGap = gap;
        }
    }
    if (advised)
        verdict.add({Severity::Advise,
                     QStringLiteral("interval-default"),
                     SafetyText::tr("Allowed, but %1 days before the session of %2: for %3 on the "
                                    "%4 the recommended interval is %5 days.")
                         .arg(draft.date.daysTo(advised->date))
                         .arg(isoDateText(advised->date), advisedGap.governing.toString(),
                              rules.areaInText(draft.area))
                         .arg(advisedGap.defaultDays),
                     advisedGap.sources,
                     {}});
}

void checkDevice(Verdict& verdict, const Session& draft, const DeviceState& state,
                 const RuleBook& rules) {
    const DeviceWear& wear = rules.deviceWear();
    const Device& d = state.device;
    if (d.retiredOn && *d.retiredOn <= draft.date)
        verdict.add({Severity::Refuse,
                     QStringLiteral("device-retired"),
                     SafetyText::tr("The device \"%1\" was retired on %2.")
                         .arg(d.name, isoDateText(*d.retiredOn)),
                     wear.sources,
                     {}});
    if (isPen(d)) {
        // Pen cartridges are sold sterile for one use (S-DERMAPLAN).
        if (state.usesSoFar >= 1)
            verdict.add({Severity::Refuse,
                         QStringLiteral("device-single-use"),
                         SafetyText::tr("The pen cartridge \"%1\" was already used: cartridges "
                                        "are single-use. Fit a new one and add it as a device.")
                             .arg(d.name),
                         {QStringLiteral("S-DERMAPLAN")},
                         {}});
    } else {
        // Before the first use and after every use (a pen's cartridge is sold sterile).
        if (state.needsCleaning())
            verdict.add({Severity::Advise,
                         QStringLiteral("device-cleaning"),
                         state.lastUsed.isValid()
                             ? SafetyText::tr("The device \"%1\" has not been cleaned since it "
                                              "was used on %2: clean it before this session "
                                              "(see the Safety Guide's cleaning steps).")
                                   .arg(d.name, isoDateText(state.lastUsed.date()))
                             : SafetyText::tr("The device \"%1\" has no cleaning recorded: clean "
                                              "it before its first use (see the Safety Guide's "
                                              "cleaning steps).")
                                   .arg(d.name),
                         rules.cleaningSources(),
                         {}});
        // Stamps follow the roller rule.
        const int thisUse = state.usesSoFar + 1;
        if (state.usesSoFar >= wear.refuseAfterUses)
            verdict.add({Severity::Refuse,
                         QStringLiteral("device-wear"),
                         SafetyText::tr("The device \"%1\" has been used %2 times: replace it "
                                        "after %3 uses (needles dull and bend).")
                             .arg(d.name)
                             .arg(state.usesSoFar)
                             .arg(wear.refuseAfterUses),
                         wear.sources,
                         {}});
        else if (thisUse >= wear.adviseFromUse)
            verdict.add({Severity::Advise,
                         QStringLiteral("device-wear"),
                         SafetyText::tr("This is use %1 of the device \"%2\": plan to replace it "
                                        "(at the latest after %3 uses).")
                             .arg(thisUse)
                             .arg(d.name)
                             .arg(wear.refuseAfterUses),
                         wear.sources,
                         {}});
        if (d.firstUse.isValid() && d.firstUse.daysTo(draft.date) >= wear.refuseAfterDays)
            verdict.add({Severity::Refuse,
                         QStringLiteral("device-wear"),
                         SafetyText::tr("The device \"%1\" was first used on %2, %3 days ago: "
                                        "replace it after %4 days.")
                             .arg(d.name, isoDateText(d.firstUse))
                             .arg(d.firstUse.daysTo(draft.date))
                             .arg(wear.refuseAfterDays),
                         wear.sources,
                         {}});
    }
    if (d.needle.micrometres() > 0 && d.needle != draft.needle)
        verdict.add({Severity::Advise,
                     QStringLiteral("device-needle"),
                     SafetyText::tr("The device \"%1\" has %2 needles, but the session says %3: "
                                    "the rules judge it as %4.")
                         .arg(d.name, d.needle.toString(), draft.needle.toString(),
                              std::max(d.needle, draft.needle).toString()),
                     {QStringLiteral("S-DERMAPLAN")},
                     {}});
}

} // namespace

Result<Verdict> checkSession(const Session& draft, const QList<Session>& history,
                             const RuleBook& rules, QDate today,
                             const std::optional<DeviceState>& device) {
    const QList<Session> onArea = sessionsOnArea(history, draft.area, draft.id);
    return checkSessionOnArea(draft,
                              std::span<const Session>(onArea.constData(), size_t(onArea.size())),
                              rules, today, device);
}

Status validateSession(const Session& draft, const RuleBook& rules, QDate today) {
    if (!draft.date.isValid())
        return Error::inField(QStringLiteral("date"),
                              SafetyText::tr("a session needs a valid date"));
    if (draft.date > today)
        return Error::inField(
            QStringLiteral("date"),
            SafetyText::tr("%1 is in the future (today is %2): only sessions that happened "
                           "can be logged; plan future ones with a regimen")
                .arg(isoDateText(draft.date), isoDateText(today)));
    if (auto common = validateCommon(draft.area, draft.zones, draft.needle, rules); !common)
        return common.error();
    if (draft.pain && (*draft.pain < 0 || *draft.pain > 10))
        return Error::inField(
            QStringLiteral("pain"),
            SafetyText::tr("%1 is not a pain score from 0 to 10").arg(*draft.pain));
    for (const QString& item : draft.contraindications)
        if (!rules.contraindication(item))
            return Error::inField(QStringLiteral("contra"),
                                  SafetyText::tr("'%1' is not an item of the checklist").arg(item));
    // No file format keeps a NUL character the same way: none is stored.
    for (const auto& [field, text] :
         {std::pair{"reaction", &draft.reaction}, std::pair{"products", &draft.products},
          std::pair{"notes", &draft.notes}, std::pair{"override", &draft.overrideReason}})
        if (text->contains(QChar(u'\0')))
            return Error::inField(QString::fromLatin1(field),
                                  SafetyText::tr("holds a NUL character, which cannot be kept; "
                                                 "remove it"));
    return success();
}

Result<Verdict> checkSessionOnArea(const Session& draft, std::span<const Session> onArea,
                                   const RuleBook& rules, QDate today,
                                   const std::optional<DeviceState>& device) {
    if (auto valid = validateSession(draft, rules, today); !valid)
        return valid.error();

    // The needle that counts: the longer of the session's and its device's.
    Session judged = draft;
    if (device && device->device.needle.micrometres() > 0)
        judged.deviceNeedle = device->device.needle;
    const NeedleLength needle = countingNeedle(judged);

    Verdict verdict;
    // In order, so the earlier sessions are a prefix and the later ones the rest: no copies.
    const auto firstOnOrAfter = [&](QDate d) {
        return std::lower_bound(onArea.begin(), onArea.end(), d,
                                [](const Session& s, QDate day) { return s.date < day; });
    };
    const auto split = firstOnOrAfter(draft.date.addDays(1)) - onArea.begin();
    // The first day from `from` on that neither the earlier nor the later sessions refuse, asked
    // only when the draft is refused. Each day is judged by the sessions within the longest
    // window on either side of it, and only days whose judges are all within the draft's own
    // window are looked at: every caller gives at least those, so the answer never depends on
    // how much more history it read.
    const FirstAllowedDay firstAllowed = [&](QDate from) {
        const int reach = longestWindowDays(rules);
        // A later session can refuse a day only within the longest minimum interval after it.
        int longestMinimum = 0;
        for (const IntervalRule& r : rules.intervals())
            longestMinimum = std::max(longestMinimum, r.minimumDays);
        const QDate lastJudged = draft.date.addDays(reach - longestMinimum);
        if (from > lastJudged) // (a reaction that resolved late): beyond what can be vouched for
            return AllowedFrom{from, from};
        AllowedFrom result{std::nullopt, from};
        for (QDate day = from; day <= lastJudged; day = day.addDays(1)) {
            Session candidate = draft;
            candidate.date = day;
            const auto first = firstOnOrAfter(day.addDays(-reach));
            const auto at = firstOnOrAfter(day.addDays(1));
            const auto stop = firstOnOrAfter(day.addDays(longestMinimum + 1));
            Verdict intervals;
            checkEarlierSessions(intervals, candidate, needle, std::span<const Session>(first, at),
                                 rules);
            checkLaterSessions(intervals, candidate, needle, std::span<const Session>(at, stop),
                               rules);
            result.searchedTo = day;
            if (intervals.severity != Severity::Refuse) {
                result.day = day;
                return result;
            }
        }
        return result;
    };
    checkEarlierSessions(verdict, draft, needle, onArea.first(size_t(split)), rules, firstAllowed);
    checkLaterSessions(verdict, draft, needle, onArea.subspan(size_t(split)), rules);

    checkPlacement(verdict, draft.area, {draft.zones, draft.performedBy, {}}, needle, rules);

    for (const QString& item : draft.contraindications) {
        const Contraindication* c = rules.contraindication(item);
        const bool refuseForNeedle = c->refuseAbove && needle > *c->refuseAbove;
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

bool judgedAlike(const Session& a, const Session& b) {
    const auto judged = [](const Session& s) {
        return std::tie(s.date, s.time, s.area, s.zones, s.needle, s.performedBy, s.deviceId,
                        s.contraindications);
    };
    return judged(a) == judged(b);
}

Result<Verdict> checkRegimen(const Regimen& regimen, const RuleBook& rules) {
    if (auto common = validateCommon(regimen.area, regimen.zones, regimen.needle, rules); !common)
        return common.error();
    if (regimen.everyDays < 1)
        return Error::inField(
            QStringLiteral("every"),
            SafetyText::tr("%1 is not a number of days (1 or more)").arg(regimen.everyDays));
    if (!regimen.start.isValid())
        return Error::inField(QStringLiteral("start"),
                              SafetyText::tr("a regimen needs a valid start date"));
    if (regimen.weeks && *regimen.weeks < 1)
        return Error::inField(
            QStringLiteral("weeks"),
            SafetyText::tr("%1 is not a number of weeks (1 or more)").arg(*regimen.weeks));

    Verdict verdict;
    const IntervalRule& rule = rules.interval(regimen.area, regimen.needle);
    const QString where = rules.areaInText(regimen.area);
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
    checkPlacement(placement, regimen.area, {regimen.zones, regimen.performedBy, {}},
                   regimen.needle, rules);
    if (regimen.performedBy == Performer::Professional)
        downgradeForProfessional(placement);
    for (const Reason& r : std::as_const(placement.reasons))
        verdict.add(r);
    return verdict;
}

} // namespace dermaplan
