#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace dermaplan {

// How figures are grouped: by ISO week (Monday to Sunday), calendar month or year.
enum class StatsPeriod { Week, Month, Year };

// The first day of the period holding `day`: its Monday, the 1st of its month, 1 January.
[[nodiscard]] QDate periodStart(StatsPeriod period, QDate day);
// The first day of the period after the one that starts on `first`.
[[nodiscard]] QDate nextPeriodStart(StatsPeriod period, QDate first);

// The sessions of one period (a week, month or year; see StatsPeriod) on one area.
struct WeekFigures {
    QDate week; // the period's first day (a week's Monday)
    QString area;
    int sessions = 0;
    int overridden = 0; // recorded although a rule refused them (override, or flagged on import)
    int painScores = 0; // sessions with a pain score (to combine weeks' means)
    std::optional<double> meanPain; // of the sessions that have a pain score
    std::optional<int> maxPain;
    friend bool operator==(const WeekFigures&, const WeekFigures&) = default;
};

// The follow-up answers of one state given in one ISO week.
struct ReactionFigures {
    QDate week;
    QString state;
    int answers = 0;
    friend bool operator==(const ReactionFigures&, const ReactionFigures&) = default;
};

// The sessions on one area in a period: how many, and how many were recorded although refused.
struct AreaCount {
    int sessions = 0;
    int overridden = 0;
};

// The sessions on one area with one needle in one ISO week.
struct AreaWeek {
    QDate week; // its Monday
    AreaCount count;
};

} // namespace dermaplan
