#pragma once

#include "Result.h"

#include <QString>

#include <compare>

namespace dermaplan {

// A needle length, held in whole micrometres so that 0.25 mm compares exactly.
// Which lengths are acceptable and which standard size a length maps to is rule data
// (see RuleBook::needle and RuleBook::standardSize), not something this value knows.
class NeedleLength {
public:
    constexpr NeedleLength() = default;
    static constexpr NeedleLength fromMicrometres(int um) { return NeedleLength(um); }
    // Rounds to the nearest micrometre; no range check (see RuleBook::needle).
    static NeedleLength fromMillimetres(double mm);
    // Parses "0.5", "0.5mm" or "0.5 mm" (C locale). Fails on anything else, with `field` named.
    static Result<NeedleLength> parse(const QString& text,
                                      const QString& field = QStringLiteral("needle"));

    [[nodiscard]] constexpr int micrometres() const { return m_um; }
    [[nodiscard]] double millimetres() const { return m_um / 1000.0; }
    // "0.5 mm", "0.25 mm", "1.0 mm": at least one decimal, trailing zeros dropped beyond it.
    [[nodiscard]] QString toString() const;
    // The number alone, as in toString() without the unit ("0.5").
    [[nodiscard]] QString numberText() const;

    constexpr auto operator<=>(const NeedleLength&) const = default;

private:
    constexpr explicit NeedleLength(int um)
        : m_um(um) {}
    int m_um = 0;
};

} // namespace dermaplan
