#pragma once

#include "logbook/Stats.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QStringList>

#include <optional>

namespace dermaplan::ui {

// One bar of a chart: a week, a month or a year, depending on how long the period is.
struct ChartPeriod {
    QDate first;
    QDate last;
    QString label; // "23 Nov", "Nov 2026", "2026"
};

// One stacked part of a bar chart: an area, a follow-up state, a regimen figure.
struct ChartSet {
    QString id;        // area or state id ("" for figures that are not one)
    QString label;     // as people read it
    QList<int> values; // one per period
};

// The Logbook's figures (Stats) laid out for the Insights page's charts: the same numbers, put
// into bars of a week, a month or a year so that ten years fit on a page. No Qt Charts here, so
// the layout is tested without drawing.
struct InsightsSeries {
    StatsPeriod unit = StatsPeriod::Week; // the figures' own (Stats::period)
    QList<ChartPeriod> periods;
    QList<ChartSet> sessionsByArea;        // areas that have a session, in the rule book's order
    QList<ChartSet> answersByState;        // states that were answered, in the rule book's order
    QList<std::optional<double>> meanPain; // per period, of the sessions with a pain score
    // Adherence of the regimens shown, added up: their days, sessions and too-soon sessions.
    ChartSet planned;
    ChartSet done;
    ChartSet tooSoon;

    [[nodiscard]] bool hasAdherence() const;
    [[nodiscard]] bool hasPainOrAnswers() const;
};

// In the figures' own grouping (Stats::period; periodFor picks one that fits a page).
[[nodiscard]] InsightsSeries insightsSeries(const Stats& stats, const RuleBook& rules,
                                            const QLocale& locale);

} // namespace dermaplan::ui
