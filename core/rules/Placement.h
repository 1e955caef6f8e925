#pragma once

#include "domain/NeedleLength.h"
#include "domain/Performer.h"
#include "rules/RuleBook.h"
#include "rules/Verdict.h"

#include <QStringList>

#include <optional>

namespace dermaplan {

// Where a session goes and who performs it: what decides, whatever the day, whether a needle may
// be used at all (a professional-only length, a zone cap, the device's longer needle).
struct Placement {
    QStringList zones; // none: the whole area, every capped zone included
    Performer performer = Performer::Self;
    std::optional<NeedleLength> deviceNeedle; // a device's needle counts when it is longer

    // The needle the rules judge: the longer of `needle` and the device's.
    [[nodiscard]] NeedleLength counting(NeedleLength needle) const {
        return deviceNeedle && *deviceNeedle > needle ? *deviceNeedle : needle;
    }
};

// A capped zone's name as a sentence uses it ("the under-eye zone").
[[nodiscard]] QString zoneInText(const RuleBook& rules, const ZoneCap& cap);

// The capped zone of `area` that `zones` covers (none: all) and that refuses `needle`, if any.
[[nodiscard]] const ZoneCap* refusingZoneCap(const RuleBook& rules, const QString& area,
                                             const QStringList& zones, NeedleLength needle);

// The zone caps and, for a session at home, the home-use rule of `needle` (already the counting
// one) on `area`. Refusals stay refusals here, whoever performs: the safety check turns those of
// a professional into advice at the end.
void checkPlacement(Verdict& verdict, const QString& area, const Placement& placement,
                    NeedleLength needle, const RuleBook& rules);

// The refusal `placement` gets for `needle` on `area` whatever the day (none for a professional,
// whose sessions are never refused): what readiness must never call allowed.
[[nodiscard]] std::optional<Reason> placementRefusal(const QString& area,
                                                     const Placement& placement,
                                                     NeedleLength needle, const RuleBook& rules);

} // namespace dermaplan
