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
        const auto count = store.onArea(r.area, needle, start, end);
        if (!count)
            return count.error();
        RegimenFigures f{r, regimenDays(r, start, end), count->sessions, 0, count->overridden};
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
