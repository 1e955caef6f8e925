#include "InsightsSeries.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermaplan::ui {

namespace {

class SeriesTr {
    Q_DECLARE_TR_FUNCTIONS(InsightsSeries)
};

// The bars from the one holding `from` to the one holding `to`.
QList<ChartPeriod> periodsFor(StatsPeriod unit, QDate from, QDate to, const QLocale& locale) {
    QList<ChartPeriod> out;
    for (QDate d = periodStart(unit, from); d <= to;) {
        const QDate next = nextPeriodStart(unit, d);
        const QString label =
            unit == StatsPeriod::Week    ? locale.toString(d, QStringLiteral("d MMM"))
            : unit == StatsPeriod::Month ? locale.toString(d, QStringLiteral("MMM yyyy"))
                                         : QString::number(d.year());
        out << ChartPeriod{d, next.addDays(-1), label};
        d = next;
    }
    return out;
}

// The bar a day falls in; a week's Monday before the first bar (the period starts mid-week)
// counts in the first.
qsizetype periodOf(const QList<ChartPeriod>& periods, QDate day) {
    const auto it = std::upper_bound(periods.cbegin(), periods.cend(), day,
                                     [](QDate d, const ChartPeriod& p) { return d < p.first; });
    return std::max<qsizetype>(0, (it - periods.cbegin()) - 1);
}

ChartSet emptySet(const QString& id, const QString& label, qsizetype periods) {
    return ChartSet{id, label, QList<int>(periods, 0)};
}

bool anyAbove0(const ChartSet& set) {
    return std::any_of(set.values.cbegin(), set.values.cend(), [](int v) { return v > 0; });
}

} // namespace

bool InsightsSeries::hasAdherence() const {
    return anyAbove0(planned) || anyAbove0(done);
}

bool InsightsSeries::hasPainOrAnswers() const {
    return !answersByState.isEmpty() ||
           std::any_of(meanPain.cbegin(), meanPain.cend(), [](const auto& p) { return bool(p); });
}

InsightsSeries insightsSeries(const Stats& stats, const RuleBook& rules, const QLocale& locale) {
    InsightsSeries s;
    s.unit = stats.period; // the figures come grouped so
    s.periods = periodsFor(s.unit, stats.from, stats.to, locale);
    const qsizetype n = s.periods.size();

    for (const Area& area : rules.areas()) {
        ChartSet set = emptySet(area.id, area.name, n);
        for (const WeekFigures& w : stats.weeks)
            if (w.area == area.id)
                set.values[periodOf(s.periods, w.week)] += w.sessions;
        if (anyAbove0(set))
            s.sessionsByArea << set;
    }

    QList<double> painSum(n, 0);
    QList<int> painScores(n, 0);
    for (const WeekFigures& w : stats.weeks)
        if (w.meanPain) {
            const qsizetype i = periodOf(s.periods, w.week);
            painSum[i] += *w.meanPain * w.painScores;
            painScores[i] += w.painScores;
        }
    for (qsizetype i = 0; i < n; ++i)
        s.meanPain << (painScores[i] ? std::optional<double>(painSum[i] / painScores[i])
                                     : std::nullopt);

    for (const ReactionState& state : rules.followUp().states) {
        ChartSet set = emptySet(state.id, state.label, n);
        for (const ReactionFigures& r : stats.reactions)
            if (r.state == state.id)
                set.values[periodOf(s.periods, r.week)] += r.answers;
        if (anyAbove0(set))
            s.answersByState << set;
    }

    s.planned = emptySet({}, SeriesTr::tr("Planned"), n);
    s.done = emptySet({}, SeriesTr::tr("Done"), n);
    s.tooSoon = emptySet({}, SeriesTr::tr("Too soon"), n);
    for (const RegimenFigures& r : stats.regimens)
        for (const RegimenWeek& w : r.weeks) {
            const qsizetype i = periodOf(s.periods, w.week);
            s.planned.values[i] += w.planned;
            s.done.values[i] += w.done;
            s.tooSoon.values[i] += w.tooSoon;
        }
    return s;
}

} // namespace dermaplan::ui
