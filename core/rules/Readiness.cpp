#include "Readiness.h"

#include <algorithm>
#include <vector>

namespace dermaplan {

NeedleLength countingNeedle(const Session& s) {
    return s.deviceNeedle ? std::max(s.needle, *s.deviceNeedle) : s.needle;
}

QDate clockStart(const Session& s) {
    return s.course.restartedOn ? std::max(s.date, *s.course.restartedOn) : s.date;
}

const Session* firstOpenReaction(std::span<const Session> sessions) {
    const Session* first = nullptr;
    for (const Session& s : sessions)
        if (s.course.open && (!first || s.course.open->since < first->course.open->since))
            first = &s;
    return first;
}

bool comesBefore(const Session& a, const Session& b) {
    if (a.date != b.date)
        return a.date < b.date;
    if (a.time.value_or(QTime(0, 0)) != b.time.value_or(QTime(0, 0)))
        return a.time.value_or(QTime(0, 0)) < b.time.value_or(QTime(0, 0));
    return a.id < b.id;
}

QList<Session> sessionsOnArea(const QList<Session>& history, const QString& area,
                              qint64 excludeId) {
    const auto before = comesBefore;
    // Callers that already hold one area's sessions in order (an import, checking row after row)
    // get them back shared, not copied and sorted again.
    const bool asIs =
        std::all_of(history.cbegin(), history.cend(),
                    [&](const Session& s) {
                        return s.area == area && (excludeId == 0 || s.id != excludeId);
                    }) &&
        std::is_sorted(history.cbegin(), history.cend(), before);
    if (asIs)
        return history;
    QList<Session> out;
    for (const Session& s : history)
        if (s.area == area && (excludeId == 0 || s.id != excludeId))
            out << s;
    std::sort(out.begin(), out.end(), before);
    return out;
}

RequiredGap requiredGap(const RuleBook& rules, const QString& area, NeedleLength earlier,
                        NeedleLength later) {
    const IntervalRule& ra = rules.interval(area, earlier);
    const IntervalRule& rb = rules.interval(area, later);
    RequiredGap gap;
    gap.minimumDays = std::max(ra.minimumDays, rb.minimumDays);
    gap.defaultDays = std::max(ra.defaultDays, rb.defaultDays);
    const bool earlierGoverns = ra.minimumDays >= rb.minimumDays;
    gap.governing = earlierGoverns ? earlier : later;
    // Taking the larger of two rules is our own conservative choice: gapSources cite it too.
    gap.sources = earlierGoverns ? ra.gapSources : rb.gapSources;
    return gap;
}

RecoverySpan recoverySpan(const Session& session, const RuleBook& rules) {
    const NeedleLength needle = countingNeedle(session);
    return {
        session.area, needle, session.date,
        clockStart(session).addDays(requiredGap(rules, session.area, needle, needle).minimumDays)};
}

int longestWindowDays(const RuleBook& rules) {
    int longest = 0;
    for (const IntervalRule& r : rules.intervals())
        longest = std::max(longest, r.defaultDays);
    return longest;
}

const NeedleReadiness& Readiness::forNeedle(const RuleBook& rules, NeedleLength needle) const {
    const NeedleLength size = rules.standardSize(placement.counting(needle));
    for (const NeedleReadiness& n : needles)
        if (n.needle == size)
            return n;
    return needles.constLast();
}

std::optional<NeedleLength> Readiness::allowedUpTo(QDate day) const {
    std::optional<NeedleLength> upTo;
    for (const NeedleReadiness& n : needles)
        if (n.allowedOn(day))
            upTo = n.needle;
    return upTo;
}

const NeedleReadiness* Readiness::firstHeldOn(QDate day) const {
    for (const NeedleReadiness& n : needles)
        if (!n.refusal && !n.allowedOn(day))
            return &n;
    return nullptr;
}

const NeedleReadiness* Readiness::firstRefused() const {
    for (const NeedleReadiness& n : needles)
        if (n.refusal)
            return &n;
    return nullptr;
}

Readiness readiness(const QString& area, const QList<Session>& history, const RuleBook& rules,
                    const Placement& placement) {
    Readiness r;
    r.area = area;
    r.placement = placement;
    const QList<Session> onArea = sessionsOnArea(history, area);
    if (!onArea.isEmpty())
        r.lastSession = onArea.constLast();
    for (const NeedleLength& size : rules.standardSizes()) {
        // With a longer device, every shorter size is judged as the device's needle.
        NeedleReadiness n = needleReadiness(area, {onArea.constData(), size_t(onArea.size())},
                                            rules, placement.counting(size));
        n.needle = size;
        n.refusal = placementRefusal(area, placement, size, rules);
        r.needles << n;
    }
    return r;
}

NeedleReadiness needleReadiness(const QString& area, std::span<const Session> earlier,
                                const RuleBook& rules, NeedleLength needle) {
    NeedleReadiness n;
    n.needle = needle;
    // The sessions that set the dates are copied once, at the end: a long history improves the
    // answer at almost every step.
    const Session* heldBy = nullptr;
    const Session* recommendedBy = nullptr;
    size_t heldGap = 0;
    size_t recommendedGap = 0;
    // A history holds few distinct needles: each one's gap is looked up in the rule book once.
    std::vector<std::pair<NeedleLength, RequiredGap>> gaps;
    const auto gapAfter = [&](NeedleLength earlierNeedle) {
        for (size_t i = 0; i < gaps.size(); ++i)
            if (gaps[i].first == earlierNeedle)
                return i;
        gaps.emplace_back(earlierNeedle, requiredGap(rules, area, earlierNeedle, needle));
        return gaps.size() - 1;
    };
    for (const Session& s : earlier) {
        const size_t index = gapAfter(countingNeedle(s));
        const RequiredGap& gap = gaps[index].second;
        const QDate start = clockStart(s);
        const QDate allowed = start.addDays(gap.minimumDays);
        const QDate recommended = start.addDays(gap.defaultDays);
        if (!heldBy || allowed >= n.earliestAllowedDate) {
            n.earliestAllowedDate = allowed;
            heldBy = &s;
            heldGap = index;
        }
        if (!recommendedBy || recommended >= n.recommendedDate) {
            n.recommendedDate = recommended;
            recommendedBy = &s;
            recommendedGap = index;
        }
    }
    if (heldBy) {
        n.heldBy = *heldBy;
        n.heldGap = gaps[heldGap].second;
    }
    if (recommendedBy) {
        n.recommendedBy = *recommendedBy;
        n.recommendedGap = gaps[recommendedGap].second;
    }
    if (const Session* reacted = firstOpenReaction(earlier))
        n.heldByReaction = *reacted;
    return n;
}

ReadinessLevel readinessLevel(const Readiness& r, QDate day, const RuleBook& rules,
                              std::optional<NeedleLength> needle) {
    if (needle) {
        const NeedleReadiness& n = r.forNeedle(rules, *needle);
        if (!n.allowedOn(day))
            return ReadinessLevel::Wait;
        return n.recommendedDate.isValid() && day < n.recommendedDate ? ReadinessLevel::Advised
                                                                      : ReadinessLevel::Go;
    }
    if (!r.firstHeldOn(day))
        return ReadinessLevel::Go;
    return r.allowedUpTo(day) ? ReadinessLevel::Advised : ReadinessLevel::Wait;
}

} // namespace dermaplan
