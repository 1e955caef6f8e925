// The logbook's figures over a period (Stats.h), in their own file.
#include "logbook/Stats.h"
#include "logbook/Logbook.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermaplan {

namespace {

class StatsTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

// The regimen's days (start, start + every, ...) from `from` to `to`.
int regimenDays(const Regimen& r, QDate from, QDate to) {
    if (from > to || r.everyDays < 1)
        return 0;
    // The first of its days on or after `from`.
    const qint64 offset = std::max<qint64>(0, r.start.daysTo(from));
    const qint64 first = (offset + r.everyDays - 1) / r.everyDays * r.everyDays;
    const QDate firstDay = r.start.addDays(first);
    if (firstDay > to)
        return 0;
    return int(firstDay.daysTo(to) / r.everyDays + 1);
}

QDate mondayOf(QDate d) {
    return d.addDays(1 - d.dayOfWeek());
}

// Every week from the one of `start` to the one of `end`, with the regimen's days in it (within
// [start, end]) and the sessions `logged` in it.
QList<RegimenWeek> regimenWeeks(const Regimen& r, QDate start, QDate end,
                                const QList<AreaWeek>& logged) {
    QList<RegimenWeek> weeks;
    auto it = logged.cbegin();
    for (QDate monday = mondayOf(start); monday <= end; monday = monday.addDays(7)) {
        RegimenWeek w{monday,
                      regimenDays(r, std::max(start, monday), std::min(end, monday.addDays(6)))};
        if (it != logged.cend() && it->week == monday) {
            w.done = it->count.sessions;
            w.tooSoon = it->count.overridden;
            ++it;
        }
        weeks << w;
    }
    return weeks;
}

} // namespace

Result<Stats> Logbook::stats(QDate from, QDate to, const QString& area) const {
    if (!from.isValid() || !to.isValid() || from > to)
        return Error::inField(QStringLiteral("from"),
                              StatsTr::tr("the period must start before it ends"));
    if (!area.isEmpty() && !m_rules.area(area))
        return Error::inField(QStringLiteral("area"), StatsTr::tr("unknown area \"%1\"").arg(area));
    Stats s;
    s.from = from;
    s.to = to;
    s.area = area;
    const StatsStore store(m_db);
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
        RegimenFigures f;
        f.regimen = r;
        f.expected = regimenDays(r, start, end);
        f.weeks = regimenWeeks(r, start, end, *logged);
        for (const AreaWeek& w : *logged) {
            f.done += w.count.sessions;
            f.tooSoon += w.count.overridden;
        }
        // Today's day is not missed yet, and today's session makes up for no earlier day.
        const QDate yesterday = std::min(end, today().addDays(-1));
        const auto before = store.onArea(r.area, needle, start, yesterday);
        if (!before)
            return before.error();
        f.missed = std::max(0, regimenDays(r, start, yesterday) - before->sessions);
        s.regimens << f;
    }
    auto devices = deviceStatuses(true);
    if (!devices)
        return devices.error();
    s.devices = std::move(devices).value();
    return s;
}

} // namespace dermaplan
