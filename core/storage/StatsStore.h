#pragma once

#include "Result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace dermaplan {

class Database;

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

// Figures over the history, aggregated by SQLite: one row per week (and area or state), however
// many sessions; no session is read into memory.
class StatsStore {
public:
    explicit StatsStore(Database& db, StatsPeriod period = StatsPeriod::Week)
        : m_db(db)
        , m_period(period) {}

    // Sessions in [from, to] (on `area`; every area when empty), per week and area.
    [[nodiscard]] Result<QList<WeekFigures>> weeks(QDate from, QDate to, const QString& area) const;
    // Follow-up answers given in [from, to] about sessions on `area`, per week and state.
    [[nodiscard]] Result<QList<ReactionFigures>> reactions(QDate from, QDate to,
                                                           const QString& area) const;
    // Sessions on `area` with `needleUm` (the session's own needle) in [from, to].
    [[nodiscard]] Result<AreaCount> onArea(const QString& area, int needleUm, QDate from,
                                           QDate to) const;
    // The same, per ISO week (weeks without a session left out), oldest first.
    [[nodiscard]] Result<QList<AreaWeek>> onAreaByWeek(const QString& area, int needleUm,
                                                       QDate from, QDate to) const;

private:
    // The SQL for the first day of the period of `column`'s date.
    [[nodiscard]] QString periodOf(const QString& column) const;

    Database& m_db;
    StatsPeriod m_period;
};

} // namespace dermaplan
