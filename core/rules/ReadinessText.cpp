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
        if (n.allowedOn(today))
            return n.recommendedDate.isValid() && today < n.recommendedDate
                       ? ReadinessTr::tr("%1 allowed now (recommended from %2)")
                             .arg(length, readinessDate(n.recommendedDate, today, locale))
                       : ReadinessTr::tr("%1 allowed now").arg(length);
        return ReadinessTr::tr("%1 allowed from %2 (recommended from %3)")
            .arg(length, readinessDate(n.earliestAllowedDate, today, locale),
                 readinessDate(n.recommendedDate, today, locale));
    }
    const NeedleReadiness* held = r.firstHeldOn(today);
    if (!held)
        return ReadinessTr::tr("allowed now with any needle");
    if (held->heldByReactionOn(today))
        return onHold(*held->heldByReaction, today, rules, locale);
    // The next step: from the day the shortest held size is free, how long a needle is allowed.
    const QDate next = held->earliestAllowedDate;
    const QString then = r.allowedUpTo(next).value_or(held->needle).toString();
    const QString from = readinessDate(next, today, locale);
    if (const auto upTo = r.allowedUpTo(today))
        return ReadinessTr::tr("allowed now up to %1 · up to %2 from %3")
            .arg(upTo->toString(), then, from);
    return ReadinessTr::tr("resting: up to %1 from %2").arg(then, from);
}

} // namespace dermaplan
