// The logbook's plans, schedules and calendars (Logbook.h), in their own file.
#include "logbook/Logbook.h"

#include "io/CalendarExport.h"
#include "planning/Aftercare.h"
#include "rules/ProductAdvice.h"
#include "storage/Database.h"
#include "storage/PauseStore.h"
#include "storage/ProductStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <algorithm>

namespace dermaplan {

namespace {

// The areas the regimens plan for, each once.
QStringList areasOf(const QList<Regimen>& regimens) {
    QStringList areas;
    for (const Regimen& r : regimens)
        if (!areas.contains(r.area))
            areas << r.area;
    return areas;
}

void appendUnique(QList<Session>& into, const QList<Session>& more) {
    for (const Session& s : more)
        if (std::none_of(into.cbegin(), into.cend(),
                         [&s](const Session& t) { return t.id == s.id; }))
            into << s;
}

} // namespace

Result<QList<Session>> Logbook::sessionsAround(QDate from, QDate to, const QList<Regimen>& regimens,
                                               const QStringList& areas) const {
    // A planned day can be held back by any session within the longest window before it; a
    // regimen's grid of days is anchored from its start; aftercare reaches back too. Older
    // sessions change nothing but the anchor, which is the last session per area.
    QDate start = std::min(from, today());
    for (const Regimen& r : regimens)
        start = std::min(start, r.start);
    const int reach = std::max(longestWindowDays(m_rules), longestAftercareDays(m_rules));
    SessionFilter f;
    f.from = start.addDays(-reach);
    f.to = std::max(to, today());
    auto out = SessionStore(m_db).list(f);
    if (!out)
        return out.error();
    for (const QString& area : areas) {
        const auto last = lastSession(area);
        if (!last)
            return last.error();
        if (*last)
            appendUnique(out.value(), {**last});
    }
    return out;
}

Result<Logbook::Planning> Logbook::planning(QDate from, QDate to, bool everyArea) const {
    auto regimens = RegimenStore(m_db).list(true);
    if (!regimens)
        return regimens.error();
    QStringList areas = areasOf(*regimens);
    if (everyArea) {
        areas.clear();
        for (const Area& a : m_rules.areas())
            areas << a.id;
    }
    auto history = sessionsAround(from, to, *regimens, areas);
    if (!history)
        return history.error();
    // (No area: no regimen, nothing to plan, and no reaction to look for.)
    if (!areas.isEmpty())
        if (const Status reactions = withReactions(history.value(), areas, std::min(from, today()));
            !reactions)
            return reactions.error();
    auto pauses = PauseStore(m_db).endingFrom({});
    if (!pauses)
        return pauses.error();
    return Planning{std::move(regimens).value(), std::move(history).value(),
                    std::move(pauses).value()};
}

Result<QStringList> Logbook::activeProducts() const {
    const auto products = ProductStore(m_db).list();
    if (!products)
        return products.error();
    return activeProductNames(*products);
}

Result<Plan> Logbook::plan(QDate from, QDate to) const {
    const auto p = planning(from, to, false);
    if (!p)
        return p.error();
    return planSessions(p->regimens, p->history, m_rules, today(), from, to, p->pauses);
}

Result<Logbook::CalendarDays> Logbook::calendarDays(QDate from, QDate to) const {
    // One read for the plan and the days: every area's sessions from the longest window before
    // `from` (a recovery span is shorter, so older sessions cannot reach in) to `to`.
    const auto p = planning(from, to, true);
    if (!p)
        return p.error();
    CalendarDays days{
        planSessions(p->regimens, p->history, m_rules, today(), from, to, p->pauses), {}, {}, {}};
    for (const Pause& pause : p->pauses)
        if (pause.to >= from && pause.from <= to)
            days.pauses << pause;
    for (const Session& s : p->history) {
        const RecoverySpan span = recoverySpan(s, m_rules);
        if (span.allowedFrom > from && s.date < to)
            days.recovering << span;
        if (s.date >= from && s.date <= to)
            days.logged << s;
    }
    return days;
}

Result<WeeklySchedule> Logbook::schedule(QDate from, QDate to) const {
    // Every area: the schedule says when each one with history is allowed again.
    const auto p = planning(from, to, true);
    if (!p)
        return p.error();
    WeeklySchedule schedule =
        WeeklySchedule::forRange(from, to, p->regimens, p->history, m_rules, today(), p->pauses);
    const auto actives = activeProducts();
    if (!actives)
        return actives.error();
    nameActives(schedule.aftercare, *actives);
    for (ScheduleDay& day : schedule.days)
        nameActives(day.notes, *actives);
    return schedule;
}

Result<QByteArray> Logbook::calendar(QDate from, QDate to, std::optional<QTime> reminderAt) const {
    // Occurrence numbers count from each regimen's start: sessionsAround reads from there.
    const auto p = planning(from, to, false);
    if (!p)
        return p.error();
    return io::planCalendar(p->regimens, p->history, m_rules, today(), from, to,
                            {m_db.databaseUuid(), reminderAt}, p->pauses);
}

} // namespace dermaplan
