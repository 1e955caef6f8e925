#include "ReadinessText.h"

#include "Reaction.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class ReadinessTr {
    Q_DECLARE_TR_FUNCTIONS(Readiness)
};

// What holds the area, its days written as the rest of the readiness text writes them.
QString onHold(const Session& reacted, QDate today, const RuleBook& rules, const QLocale& locale) {
    return onHoldText(reacted, rules.followUp(),
                      [&](QDate day) { return readinessDate(day, today, locale); });
}

// The zone cap that refuses `n` for the readiness's placement, if that is what refuses it.
const ZoneCap* refusingCap(const Readiness& r, const NeedleReadiness& n, const RuleBook& rules) {
    return n.refusal->rule == u"zone-cap"
               ? refusingZoneCap(rules, r.area, r.placement.zones, r.placement.counting(n.needle))
               : nullptr;
}

// Why `n` is never allowed for the readiness's placement, in a few words.
QString refusalText(const Readiness& r, const NeedleReadiness& n, const RuleBook& rules) {
    const NeedleLength needle = r.placement.counting(n.needle);
    if (const ZoneCap* cap = refusingCap(r, n, rules))
        return ReadinessTr::tr("%1 not with the %2 zone (at most %3)")
            .arg(needle.toString(), zoneInText(rules, *cap), cap->adviseUpTo.toString());
    return ReadinessTr::tr("%1 only with a professional").arg(needle.toString());
}

// What the earlier sessions say of one needle.
QString intervalText(const NeedleReadiness& n, const QString& length, QDate today,
                     const QLocale& locale) {
    if (n.intervalsAllowOn(today))
        return n.recommendedDate.isValid() && today < n.recommendedDate
                   ? ReadinessTr::tr("%1 allowed now (recommended from %2)")
                         .arg(length, readinessDate(n.recommendedDate, today, locale))
                   : ReadinessTr::tr("%1 allowed now").arg(length);
    return ReadinessTr::tr("%1 allowed from %2 (recommended from %3)")
        .arg(length, readinessDate(n.earliestAllowedDate, today, locale),
             readinessDate(n.recommendedDate, today, locale));
}

// The sizes the placement refuses whatever the day, from the first of each kind on: "from 0.75 mm
// not on the under-eye zone · from 1.5 mm only with a professional".
QString beyondText(const Readiness& r, const RuleBook& rules) {
    QStringList parts;
    QString lastRule;
    for (const NeedleReadiness& n : r.needles) {
        if (!n.refusal || n.refusal->rule == lastRule)
            continue;
        lastRule = n.refusal->rule;
        parts << ReadinessTr::tr("from %1").arg(refusalText(r, n, rules));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString readinessDate(QDate day, QDate today, const QLocale& locale) {
    return locale.toString(day, day.year() == today.year() ? QStringLiteral("ddd d MMM")
                                                           : QStringLiteral("ddd d MMM yyyy"));
}

QString describeReadiness(const Readiness& r, QDate today, const RuleBook& rules,
                          const QLocale& locale, std::optional<NeedleLength> needle) {
    if (needle) {
        const NeedleReadiness& n = r.forNeedle(rules, *needle);
        const QString length = needle->toString();
        if (n.heldByReactionOn(today))
            return onHold(*n.heldByReaction, today, rules, locale);
        if (n.refusal) {
            // Not on the whole area, but without the capped zone the intervals still say when.
            if (refusingCap(r, n, rules))
                return ReadinessTr::tr("not allowed: %1; without it, %2")
                    .arg(refusalText(r, n, rules), intervalText(n, length, today, locale));
            return ReadinessTr::tr("not allowed: %1").arg(refusalText(r, n, rules));
        }
        return intervalText(n, length, today, locale);
    }
    const NeedleReadiness* held = r.firstHeldOn(today);
    const NeedleReadiness* refused = r.firstRefused();
    if (held && held->heldByReactionOn(today))
        return onHold(*held->heldByReaction, today, rules, locale);
    if (refused && refused == &r.needles.constFirst()) // no needle at all (a long device)
        return ReadinessTr::tr("not allowed: %1").arg(refusalText(r, *refused, rules));
    QString text;
    if (!held) {
        if (!refused)
            return ReadinessTr::tr("allowed now with any needle");
        text = ReadinessTr::tr("allowed now up to %1").arg(r.allowedUpTo(today)->toString());
    } else {
        // The next step: from the day the shortest held size is free, how long a needle is
        // allowed.
        const QDate next = held->earliestAllowedDate;
        const QString then = r.allowedUpTo(next).value_or(held->needle).toString();
        const QString from = readinessDate(next, today, locale);
        if (const auto upTo = r.allowedUpTo(today))
            text = ReadinessTr::tr("allowed now up to %1 · up to %2 from %3")
                       .arg(upTo->toString(), then, from);
        else
            text = ReadinessTr::tr("resting: up to %1 from %2").arg(then, from);
    }
    return refused ? text + QStringLiteral(" · ") + beyondText(r, rules) : text;
}

} // namespace dermaplan
