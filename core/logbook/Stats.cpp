// The logbook's figures over a period (Stats.h), in their own file.
#include "logbook/Stats.h"
#include "logbook/Logbook.h"
#include "storage/StatsStore.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermaplan {

namespace {

class StatsTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

// The regimen's days up to `to`, as the planner places them: every `everyDays` from its start,
// a day in a pause moved to the day after it and the regimen going on from there.
QList<QDate> regimenDays(const Regimen& r, QDate to, const QList<Pause>& pauses) {
    QList<QDate> days;
    if (r.everyDays < 1)
        return days;
    for (QDate d = r.start; d <= to; d = d.addDays(r.everyDays)) {
        d = firstDayOutsidePauses(d, r.area, pauses);
        if (d > to)
            break;
        days << d;
    }
    return days;
}

qsizetype daysIn(const QList<QDate>& days, QDate from, QDate to) {
    return std::count_if(days.cbegin(), days.cend(), [&](QDate d) { return d >= from && d <= to; });
}

// Every period from the one of `start` to the one of `end`, with the regimen's days in it (within
// [start, end]) and the sessions `logged` in it.
QList<RegimenWeek> regimenWeeks(StatsPeriod period, const QList<QDate>& days, QDate start,
                                QDate end, const QList<AreaWeek>& logged) {
    QList<RegimenWeek> weeks;
    auto it = logged.cbegin();
    for (QDate first = periodStart(period, start); first <= end;) {
        const QDate next = nextPeriodStart(period, first);
        RegimenWeek w{first,
                      int(daysIn(days, std::max(start, first), std::min(end, next.addDays(-1))))};
        if (it != logged.cend() && it->week == first) {
            w.done = it->count.sessions;
            w.tooSoon = it->count.overridden;
            ++it;
        }
        weeks << w;
        first = next;
    }
    return weeks;
}

} // namespace

Result<Stats> Logbook::stats(QDate from, QDate to, const QString& area, StatsPeriod period) const {
    if (!from.isValid() || !to.isValid() || from > to)
        return Error::inField(QStringLiteral("from"),
                              StatsTr::tr("the period must start before it ends"));
    if (!area.isEmpty() && !m_rules.area(area))
        return Error::inField(QStringLiteral("area"), StatsTr::tr("unknown area \"%1\"").arg(area));
    Stats s;
    s.from = from;
    s.to = to;
    s.area = area;
    s.period = period;
    const StatsStore store(m_db, period);
    auto weeks = store.weeks(from, to, area);
    if (!weeks)
        return weeks.error();
    s.weeks = std::move(weeks).value();
    for (const WeekFigures& w : std::as_const(s.weeks))
        s.sessions += w.sessions;
    auto reactions = store.reactions(from, to, area);
    if (!reactions)
        return reactions.error();
    s.reactions = std::move(reactions).value();

    const auto regimens = this->regimens(true);
    if (!regimens)
        return regimens.error();
    // Its days moved past the pauses, as the plan has them.
    const auto pauses = this->pauses();
    if (!pauses)
        return pauses.error();
    for (const Regimen& r : *regimens) {
        if (!area.isEmpty() && r.area != area)
            continue;
        // The part of the period it ran in, up to today (days to come are not missed yet).
        const QDate start = std::max(from, r.start);
        QDate end = std::min(to, today());
        if (const auto last = r.lastDay())
            end = std::min(end, *last);
        if (start > end)
            continue;
        // Its sessions: those on its area with its needle (a session names no regimen).
        const int needle = r.needle.micrometres();
        const auto logged = store.onAreaByWeek(r.area, needle, start, end);
        if (!logged)
            return logged.error();
        const QList<QDate> days = regimenDays(r, end, *pauses);
        RegimenFigures f;
        f.regimen = r;
        f.expected = int(daysIn(days, start, end));
        f.weeks = regimenWeeks(period, days, start, end, *logged);
        for (const AreaWeek& w : *logged) {
            f.done += w.count.sessions;
            f.tooSoon += w.count.overridden;
        }
        // Today's day is not missed yet, and today's session makes up for no earlier day.
        const QDate yesterday = std::min(end, today().addDays(-1));
        const auto before = store.onArea(r.area, needle, start, yesterday);
        if (!before)
            return before.error();
        f.missed = std::max(0, int(daysIn(days, start, yesterday)) - before->sessions);
        s.regimens << f;
    }
    auto devices = deviceStatuses(true);
    if (!devices)
        return devices.error();
    s.devices = std::move(devices).value();
    return s;
}

StatsPeriod periodFor(QDate from, QDate to) {
    const qint64 days = from.daysTo(to) + 1;
    if (days <= 26 * 7)
        return StatsPeriod::Week;
    if (days <= 3 * 366)
        return StatsPeriod::Month;
    return StatsPeriod::Year;
}

} // namespace dermaplan
