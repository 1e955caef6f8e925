#include "Placement.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

// The messages keep the safety check's translation context: they are its words.
class PlacementText {
    Q_DECLARE_TR_FUNCTIONS(SafetyCheck)
};

// Whether a session on `area` over `zones` covers the cap's zone: no zone ticked means the whole
// area was rolled, every capped zone included.
bool covers(const ZoneCap& cap, const QString& area, const QStringList& zones) {
    return cap.area == area && (zones.isEmpty() || zones.contains(cap.zone));
}

void checkZones(Verdict& verdict, const QString& area, const QStringList& zones,
                NeedleLength needle, const RuleBook& rules) {
    for (const ZoneCap& cap : rules.zoneCaps()) {
        if (!covers(cap, area, zones) || needle <= cap.allowUpTo)
            continue;
        const QString zone = zoneInText(rules, cap);
        const bool refuse = needle > cap.adviseUpTo;
        QString message =
            refuse ? PlacementText::tr("%1 is too long for the %2 zone (at most %3). %4")
                         .arg(needle.toString(), zone, cap.adviseUpTo.toString(), cap.reason)
                   : PlacementText::tr("%1 on the %2 zone is for experienced users only (up to "
                                       "%3 is the usual home limit). %4")
                         .arg(needle.toString(), zone, cap.allowUpTo.toString(), cap.reason);
        if (zones.isEmpty())
            message = PlacementText::tr("No zone is ticked, so the session covers the whole %1, "
                                        "the %2 zone included: tick the zones you roll. %3")
                          .arg(rules.areaInText(area), zone, message);
        verdict.add({refuse ? Severity::Refuse : Severity::Advise,
                     QStringLiteral("zone-cap"),
                     message,
                     cap.sources,
                     {}});
    }
}

void checkHomeUse(Verdict& verdict, const QString& area, NeedleLength needle,
                  const RuleBook& rules) {
    const IntervalRule& rule = rules.interval(area, needle);
    const QString where = rules.areaInText(area);
    switch (rule.homeUse) {
    case HomeUse::Yes:
        return;
    case HomeUse::Caution:
        verdict.add({Severity::Advise,
                     QStringLiteral("home-use"),
                     PlacementText::tr("%1 on the %2 at home: use with caution.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    case HomeUse::AdviseProfessional:
        verdict.add({Severity::Advise,
                     QStringLiteral("home-use"),
                     PlacementText::tr("%1 on the %2 is best left to a professional.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    case HomeUse::ProfessionalOnly:
        verdict.add({Severity::Refuse,
                     QStringLiteral("home-use"),
                     PlacementText::tr("%1 on the %2 is for a professional only, not for home use.")
                         .arg(needle.toString(), where),
                     rule.sources,
                     {}});
        return;
    }
}

} // namespace

QString zoneInText(const RuleBook& rules, const ZoneCap& cap) {
    const Area* a = rules.area(cap.area);
    const Zone* zone = a ? a->zone(cap.zone) : nullptr;
    return zone ? zone->name.toLower() : cap.zone;
}

const ZoneCap* refusingZoneCap(const RuleBook& rules, const QString& area, const QStringList& zones,
                               NeedleLength needle) {
    for (const ZoneCap& cap : rules.zoneCaps())
        if (covers(cap, area, zones) && needle > cap.adviseUpTo)
            return &cap;
    return nullptr;
}

void checkPlacement(Verdict& verdict, const QString& area, const Placement& placement,
                    NeedleLength needle, const RuleBook& rules) {
    checkZones(verdict, area, placement.zones, needle, rules);
    if (placement.performer == Performer::Self)
        checkHomeUse(verdict, area, needle, rules);
}

std::optional<Reason> placementRefusal(const QString& area, const Placement& placement,
                                       NeedleLength needle, const RuleBook& rules) {
    if (placement.performer == Performer::Professional)
        return std::nullopt;
    Verdict verdict;
    checkPlacement(verdict, area, placement, placement.counting(needle), rules);
    // The home-use rule first: "only with a professional" says more than a zone's cap.
    std::optional<Reason> refusal;
    for (const Reason& r : std::as_const(verdict.reasons))
        if (r.severity == Severity::Refuse && (!refusal || r.rule == u"home-use"))
            refusal = r;
    return refusal;
}

} // namespace dermaplan
