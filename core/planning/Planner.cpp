#include "Planner.h"

#include "domain/IsoDate.h"
#include "rules/Placement.h"
#include "rules/Reaction.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace dermaplan {

namespace {

class PlannerText {
    Q_DECLARE_TR_FUNCTIONS(Planner)
};

// A session that happens on an area (logged, or planned and kept), as the gaps see it.
struct Held {
    QDate date; // the day its interval counts from: its own, or the day a lasting reaction ended
    NeedleLength needle;
    QDate sessionDate; // the day it happened

    [[nodiscard]] bool restarted() const { return date != sessionDate; }
};

// The earliest day every held session allows `needle` on `area`, and the one that sets it.
std::optional<Held> bindingSession(const QList<Held>& held, const RuleBook& rules,
                                   const QString& area, NeedleLength needle, QDate& allowed) {
    std::optional<Held> by;
    for (const Held& h : held) {
        const QDate a = h.date.addDays(requiredGap(rules, area, h.needle, needle).minimumDays);
        if (!by || a >= allowed) {
            by = h;
            allowed = a;
        }
    }
    return by;
}

// The candidate dates of one regimen, up to `to`, before conflicts between regimens are resolved.
QList<Occurrence> candidates(const Regimen& regimen, const QList<Session>& onArea,
                             const QList<Reason>& advice, const RuleBook& rules, QDate today,
                             QDate to, const QList<Pause>& pauses,
                             QList<SkippedOccurrence>& leftOut) {
    QDate next = regimen.start;
    std::optional<QDate> cadence; // where the latest session's cadence puts the next one
    QString waited;               // why the first one waits longer than that
    // The latest real session on the area re-anchors the regimen from its start on; every
    // session on it may still hold the area (a long needle's window outlasts a short one's).
    if (!onArea.isEmpty()) {
        const Session& last = onArea.constLast();
        if (last.date >= regimen.start)
            next = *(cadence = clockStart(last).addDays(regimen.everyDays));
        for (const Session& s : onArea) {
            const RequiredGap gap =
                requiredGap(rules, regimen.area, countingNeedle(s), regimen.needle);
            const QDate held = clockStart(s).addDays(gap.minimumDays);
            if (held > next) {
                next = held;
                waited = PlannerText::tr("waits for the %1 session of %2 (%3 needs at least %4 "
                                         "days)")
                             .arg(countingNeedle(s).toString(), isoDateText(s.date),
                                  gap.governing.toString())
                             .arg(gap.minimumDays);
            }
        }
    }
    const std::optional<QDate> lastDay = regimen.lastDay();
    // The days the cadence alone would have used before the wait is over: left out, and why.
    if (!waited.isEmpty() && cadence)
        for (QDate d = *cadence; d < next && d <= to && (!lastDay || d <= *lastDay);
             d = d.addDays(regimen.everyDays))
            if (d >= today)
                leftOut << SkippedOccurrence{
                    d, regimen.id, waited, regimen.area, regimen.needle, regimen.name};
    QList<Occurrence> out;
    for (QDate d = next; d <= to && (!lastDay || d <= *lastDay); d = d.addDays(regimen.everyDays)) {
        // Past a pause, and on from there: the next one is a whole interval after the moved one.
        const QDate due = d;
        d = firstDayOutsidePauses(d, regimen.area, pauses);
        if (d > to || (lastDay && d > *lastDay))
            break;
        Occurrence o;
        if (d != due)
            o.moved = PlannerText::tr("moved from %1: the %2 is paused")
                          .arg(isoDateText(due), rules.areaInText(regimen.area));
        else if (out.isEmpty())
            o.moved = waited;
        o.date = d;
        o.regimenId = regimen.id;
        o.regimenName = regimen.name;
        o.area = regimen.area;
        o.zones = regimen.zones;
        o.needle = regimen.needle;
        o.performedBy = regimen.performedBy;
        o.status = d < today ? Occurrence::Status::Missed : Occurrence::Status::Planned;
        o.advice = advice;
        out << o;
    }
    return out;
}

} // namespace

Regimen regimenFromTemplate(const RegimenTemplate& t, QDate start) {
    Regimen r;
    r.name = t.name;
    r.area = t.area;
    r.needle = t.needle;
    r.everyDays = t.everyDays;
    r.weeks = t.weeks;
    r.performedBy = t.performedBy;
    r.goal = t.goal;
    r.templateId = t.id;
    r.start = start;
    return r;
}

QString defaultRegimenName(const Regimen& regimen, const RuleBook& rules) {
    return PlannerText::tr("%1, %2 every %n day(s)", nullptr, regimen.everyDays)
        .arg(rules.areaName(regimen.area), regimen.needle.toString());
}

Plan planSessions(const QList<Regimen>& regimens, const QList<Session>& history,
                  const RuleBook& rules, QDate today, QDate from, QDate to,
                  const QList<Pause>& pauses) {
    Plan plan;
    // Regimens in id order so that equal dates resolve the same way whatever order they came in.
    QList<Regimen> ordered = regimens;
    std::sort(ordered.begin(), ordered.end(),
              [](const Regimen& a, const Regimen& b) { return a.id < b.id; });

    QHash<QString, QList<Occurrence>> byArea;
    QStringList areaOrder;
    for (const Regimen& regimen : std::as_const(ordered)) {
        const auto verdict = checkRegimen(regimen, rules);
        if (!verdict || verdict->severity == Severity::Refuse) {
            plan.skipped << SkippedOccurrence{regimen.start,
                                              regimen.id,
                                              verdict ? verdict->reasons.constFirst().message
                                                      : verdict.error().toString(),
                                              regimen.area,
                                              regimen.needle,
                                              regimen.name};
            continue;
        }
        QList<Reason> advice;
        for (const Reason& r : verdict->reasons)
            if (r.rule != u"interval-default") // re-judged per occurrence below
                advice << r;
        if (!byArea.contains(regimen.area))
            areaOrder << regimen.area;
        byArea[regimen.area] << candidates(regimen, sessionsOnArea(history, regimen.area), advice,
                                           rules, today, to, pauses, plan.skipped);
    }

    for (const QString& area : std::as_const(areaOrder)) {
        QList<Occurrence> all = byArea.value(area);
        std::stable_sort(all.begin(), all.end(), [](const Occurrence& a, const Occurrence& b) {
            return a.date != b.date ? a.date < b.date : a.regimenId < b.regimenId;
        });
        // Every session that really happens (logged, or planned and kept) holds the area.
        QList<Held> held;
        const QList<Session> onArea = sessionsOnArea(history, area);
        for (const Session& s : onArea)
            held << Held{clockStart(s), countingNeedle(s), s.date};
        // A reaction still open holds the area from its first report until an answer ends it.
        const Session* reacted = firstOpenReaction(onArea);
        for (Occurrence& o : all) {
            if (o.status == Occurrence::Status::Missed) {
                if (o.date >= from)
                    plan.occurrences << o;
                continue; // it did not happen: it neither blocks nor anchors anything
            }
            if (reacted && o.date >= reacted->course.open->since) {
                plan.skipped << SkippedOccurrence{
                    o.date, o.regimenId, onHoldText(*reacted, rules.followUp(), isoDateText),
                    o.area, o.needle,    o.regimenName};
                continue;
            }
            QDate allowed;
            if (const auto by = bindingSession(held, rules, area, o.needle, allowed);
                by && o.date < allowed) {
                const QString needs = std::max(by->needle, o.needle).toString();
                const qint64 days = by->date.daysTo(allowed);
                plan.skipped << SkippedOccurrence{
                    o.date,
                    o.regimenId,
                    by->restarted()
                        ? PlannerText::tr("too close to the end of the reaction to the session of "
                                          "%1 (it resolved on %2; %3 needs at least %4 days from "
                                          "then)")
                              .arg(isoDateText(by->sessionDate), isoDateText(by->date), needs)
                              .arg(days)
                        : PlannerText::tr("too close to the session of %1 on the same area (%2 "
                                          "needs at least %3 days)")
                              .arg(isoDateText(by->date), needs)
                              .arg(days),
                    o.area,
                    o.needle,
                    o.regimenName};
                continue;
            }
            for (const Held& h : std::as_const(held)) {
                // Advice names the oldest session whose recommended interval is not over.
                const RequiredGap gap = requiredGap(rules, area, h.needle, o.needle);
                const int days = int(h.date.daysTo(o.date));
                if (days < gap.defaultDays &&
                    (o.advice.isEmpty() || o.advice.constLast().rule != u"interval-default")) {
                    o.advice << Reason{
                        Severity::Advise,
                        QStringLiteral("interval-default"),
                        h.restarted() ? PlannerText::tr("%1 days after the reaction to the "
                                                        "session of %2 resolved (%3); %4 "
                                                        "days are recommended.")
                                            .arg(days)
                                            .arg(isoDateText(h.sessionDate), isoDateText(h.date))
                                            .arg(gap.defaultDays)
                                      : PlannerText::tr("%1 days after the session of %2; %3 "
                                                        "days are recommended.")
                                            .arg(days)
                                            .arg(isoDateText(h.date))
                                            .arg(gap.defaultDays),
                        gap.sources,
                        {}};
                }
            }
            held << Held{o.date, o.needle, o.date};
            if (o.date >= from)
                plan.occurrences << o;
        }
    }
    std::stable_sort(plan.occurrences.begin(), plan.occurrences.end(),
                     [](const Occurrence& a, const Occurrence& b) {
                         if (a.date != b.date)
                             return a.date < b.date;
                         if (a.area != b.area)
                             return a.area < b.area;
                         return a.regimenId < b.regimenId;
                     });
    return plan;
}

} // namespace dermaplan
