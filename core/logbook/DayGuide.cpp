// Logbook::dayGuide() and proposedSession(), in their own file: the answers to "what now?" are
// composed from the other use cases (plan, schedule, readiness, device status, sessions).
#include "logbook/Logbook.h"

#include "domain/IsoWeek.h"

namespace dermaplan {

Result<DayGuide> Logbook::dayGuide() const {
    DayGuide guide;
    guide.date = today();
    const IsoWeek week = IsoWeek::containing(guide.date);
    // One read serves the whole page: every regimen, and every area's sessions from a window
    // before the week (or the earliest regimen) and its last one. That is all the week's plan,
    // today's aftercare and each area's readiness can see.
    // Far enough ahead to find each area's next planned session.
    const QDate horizon = std::max(week.sunday(), guide.date.addDays(longestWindowDays(m_rules)));
    const auto planning = this->planning(week.monday(), horizon, true);
    if (!planning)
        return planning.error();
    const Plan plan = planSessions(planning->regimens, planning->history, m_rules, guide.date,
                                   week.monday(), horizon, planning->pauses);
    const WeeklySchedule day =
        WeeklySchedule::forRange(guide.date, guide.date, planning->regimens, planning->history,
                                 m_rules, guide.date, planning->pauses);
    // Aftercare of sessions that happened, and pauses ahead of planned ones: a planned session's
    // aftercare starts when it is logged. Left out before the notes are merged, so a planned
    // session's longer note never hides one still running from a logged session.
    QList<AftercareNote> happened;
    for (const AftercareNote& n : day.aftercare)
        if (!n.planned || n.when == AftercareRule::When::Before)
            happened << n;
    guide.aftercare = notesOn(guide.date, happened, m_rules);
    const auto actives = activeProducts();
    if (!actives)
        return actives.error();
    nameActives(guide.aftercare, *actives);
    const auto devices = deviceStatuses(false);
    if (!devices)
        return devices.error();
    for (const DeviceStatus& d : *devices)
        if (d.level != DeviceStatus::Level::Fine || d.needsCleaning)
            guide.devices << d;

    for (const Occurrence& o : plan.occurrences) {
        if (o.status != Occurrence::Status::Planned)
            continue;
        if (o.date == guide.date) {
            // Judged where and by whom it is planned: a professional's 1.5 mm, or 1.0 mm on
            // the cheeks only, is not refused as a whole area at home would be.
            const Readiness onArea =
                readinessIn(o.area, planning->history, {o.zones, o.performedBy, {}});
            guide.due << DueSession{o, readinessLevel(onArea, guide.date, m_rules, o.needle),
                                    onArea};
        } else if (o.date > guide.date && !guide.next)
            guide.next = o;
    }
    auto followUps = followUpsDue();
    if (!followUps)
        return followUps.error();
    guide.followUps = std::move(followUps).value();
    for (const Area& area : m_rules.areas()) {
        AreaDay a{area.id, {}, std::nullopt, ReadinessLevel::Go, {}};
        // The row answers for the area's next planned session, placed as it is planned, or
        // else for a session at home on the whole area.
        Placement placement;
        for (const Occurrence& o : plan.occurrences) {
            if (o.area != area.id || o.status != Occurrence::Status::Planned)
                continue;
            if (!a.nextNeedle && o.date >= guide.date) {
                a.nextNeedle = o.needle;
                placement = {o.zones, o.performedBy, {}};
            }
            if (o.date <= week.sunday())
                a.thisWeek << o;
        }
        a.readiness = readinessIn(area.id, planning->history, placement);
        if (!a.readiness.lastSession && a.thisWeek.isEmpty() && !a.nextNeedle)
            continue;
        a.level = readinessLevel(a.readiness, guide.date, m_rules, a.nextNeedle);
        guide.areas << a;
    }
    return guide;
}

Result<Session> Logbook::proposedSession(const QString& area) const {
    Session draft;
    draft.date = today();
    const auto due = plan(draft.date, draft.date);
    if (!due)
        return due.error();
    for (const Occurrence& o : due->occurrences) {
        if (o.status == Occurrence::Status::Planned && (area.isEmpty() || o.area == area)) {
            draft.area = o.area;
            draft.zones = o.zones;
            draft.needle = o.needle;
            break;
        }
    }
    SessionFilter latest;
    if (!area.isEmpty() || !draft.area.isEmpty())
        latest.area = draft.area.isEmpty() ? area : draft.area;
    latest.newestFirst = true;
    latest.limit = 1;
    const auto last = sessions(latest);
    if (!last)
        return last.error();
    if (!last->isEmpty()) {
        const Session& l = last->constFirst();
        if (draft.area.isEmpty()) {
            draft.area = l.area;
            draft.zones = l.zones;
            draft.needle = l.needle;
        }
        if (l.deviceId) {
            const auto device = this->device(*l.deviceId);
            if (device && !device->retiredOn)
                draft.deviceId = l.deviceId;
        }
    }
    if (draft.area.isEmpty())
        draft.area = area;
    return draft;
}

} // namespace dermaplan
