#include "WeeklySchedule.h"

#include <algorithm>

namespace dermaplan {

namespace {

qsizetype ruleIndex(const RuleBook& rules, const QString& id) {
    for (qsizetype i = 0; i < rules.aftercare().size(); ++i)
        if (rules.aftercare()[i].id == id)
            return i;
    return rules.aftercare().size();
}

void addNote(QList<AftercareNote>& notes, const AftercareNote& note) {
    for (AftercareNote& existing : notes) {
        if (existing.ruleId != note.ruleId || existing.area != note.area)
            continue;
        // One line per rule and area: keep the one that lasts longest (or, before a session, the
        // nearest).
        const bool later =
            note.when == AftercareRule::When::After
                ? std::pair(note.untilDate, note.untilTime.value_or(QTime(23, 59))) >
                      std::pair(existing.untilDate, existing.untilTime.value_or(QTime(23, 59)))
                : note.sessionDate < existing.sessionDate;
        if (later)
            existing = note;
        return;
    }
    notes << note;
}

} // namespace

QList<AftercareNote> notesOn(QDate day, const QList<AftercareNote>& notes, const RuleBook& rules) {
    QList<AftercareNote> out;
    for (const AftercareNote& n : notes)
        if (n.firstDay <= day && day <= n.lastDay)
            addNote(out, n);
    // Always in the rule book's order, so a printed week reads the same way every day.
    std::stable_sort(out.begin(), out.end(),
                     [&rules](const AftercareNote& a, const AftercareNote& b) {
                         return ruleIndex(rules, a.ruleId) < ruleIndex(rules, b.ruleId);
                     });
    return out;
}

WeeklySchedule WeeklySchedule::forWeek(IsoWeek week, const QList<Regimen>& regimens,
                                       const QList<Session>& history, const RuleBook& rules,
                                       QDate today) {
    return forRange(week.monday(), week.sunday(), regimens, history, rules, today);
}

WeeklySchedule WeeklySchedule::forRange(QDate from, QDate to, const QList<Regimen>& regimens,
                                        const QList<Session>& history, const RuleBook& rules,
                                        QDate today, const QList<Pause>& pauses) {
    WeeklySchedule schedule;
    schedule.from = from;
    schedule.to = to;
    schedule.today = today;
    schedule.cleaningSteps = rules.cleaningSteps();
    schedule.generalAdvice = rules.generalAdvice();

    const int reach = longestAftercareDays(rules);
    // Plan a little around the range: earlier sessions still have aftercare running, later ones
    // ask to pause actives before them.
    const Plan plan =
        planSessions(regimens, history, rules, today, from.addDays(-reach), to.addDays(14), pauses);
    for (const Pause& p : pauses)
        if (p.to >= from && p.from <= to)
            schedule.pauses << p;

    for (const Session& s : history)
        if (s.date >= from.addDays(-reach) && s.date <= to)
            schedule.aftercare << aftercareNotes(s.date, s.time, s.area, countingNeedle(s), false,
                                                 rules);
    for (const Occurrence& o : plan.occurrences)
        if (o.status == Occurrence::Status::Planned)
            schedule.aftercare << aftercareNotes(o.date, std::nullopt, o.area, o.needle, true,
                                                 rules);

    for (QDate d = from; d <= to; d = d.addDays(1)) {
        ScheduleDay day;
        day.date = d;
        for (const Occurrence& o : plan.occurrences)
            if (o.date == d)
                day.occurrences << o;
        for (const Session& s : history)
            if (s.date == d)
                day.logged << s;
        for (const SkippedOccurrence& skipped : plan.skipped)
            if (skipped.date == d)
                day.leftOut << skipped;
        day.notes = notesOn(d, schedule.aftercare, rules);
        schedule.days << day;
    }

    QStringList areas;
    for (const Session& s : history)
        if (!areas.contains(s.area))
            areas << s.area;
    for (const Regimen& r : regimens)
        if (!areas.contains(r.area))
            areas << r.area;
    // In rule-book order, so every rendering lists areas the same way.
    for (const Area& a : rules.areas()) {
        if (!areas.contains(a.id))
            continue;
        // For the area's next planned session as it is planned (zones, performer), or else
        // for a session at home on the whole area.
        std::optional<NeedleLength> plannedNeedle;
        Placement placement;
        for (const Occurrence& o : plan.occurrences)
            if (o.area == a.id && o.status == Occurrence::Status::Planned && o.date >= today) {
                plannedNeedle = o.needle;
                placement = {o.zones, o.performedBy, {}};
                break;
            }
        schedule.readiness << AreaReadiness{dermaplan::readiness(a.id, history, rules, placement),
                                            plannedNeedle};
    }
    return schedule;
}

} // namespace dermaplan
