#pragma once

#include "Result.h"

#include <QDate>
#include <QString>

namespace dermaplan {

// An ISO 8601 week ("2026-W48"): Monday to Sunday, week 1 holds the year's first Thursday.
struct IsoWeek {
    int year = 0;
    int week = 0;

    [[nodiscard]] static IsoWeek containing(QDate date);
    [[nodiscard]] static Result<IsoWeek> parse(const QString& text,
                                               const QString& field = QStringLiteral("week"));
    [[nodiscard]] static int weeksInYear(int isoYear); // 52 or 53

    [[nodiscard]] QDate monday() const;
    [[nodiscard]] QDate sunday() const { return monday().addDays(6); }
    [[nodiscard]] QString toString() const; // "2026-W48"

    friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

// The first day of the seven-day week that holds `day`, for a week that starts on `firstDay`
// (Monday for ISO weeks, Sunday in much of the Americas).
[[nodiscard]] inline QDate weekStart(QDate day, Qt::DayOfWeek firstDay) {
    return day.addDays(-((day.dayOfWeek() - int(firstDay) + 7) % 7));
}

} // namespace dermaplan
