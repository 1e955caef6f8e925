#include "Planner.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace dermaplan {

namespace {

class PlannerText {
    Q_DECLARE_TR_FUNCTIONS(Planner)
};

int minimumGap(const RuleBook& rules, const QString& area, NeedleLength a, NeedleLength b) {
    return std::max(rules.interval(area, a).minimumDays, rules.interval(area, b).minimumDays);
}

int defaultGap(const RuleBook& rules, const QString& area, NeedleLength a, NeedleLength b) {
    return std::max(rules.interval(area, a).defaultDays, rules.interval(area, b).defaultDays);
}

// The candidate dates of one regimen, up to `to`, before conflicts between regimens are resolved.
QList<Occurrence> candidates(const Regimen& regimen, const QList<Session>& onArea,
                             const QList<Reason>& advice, const RuleBook& rules, QDate today,
                             QDate to) {
    QDate next = regimen.start;
    // The latest real session on the area re-anchors the regimen from its start on.
    if (!onArea.isEmpty()) {
        const Session& last = onArea.constLast();
        if (last.date >= regimen.start)
            next = last.date.addDays(regimen.everyDays);
        next = std::max(
            next, last.date.addDays(minimumGap(rules, regimen.area, last.needle, regimen.needle)));
    }
    const std::optional<QDate> lastDay = regimen.lastDay();
    QList<Occurrence> out;
    for (QDate d = next; d <= to && (!lastDay || d <= *lastDay); d = d.addDays(regimen.everyDays)) {
        Occurrence o;
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

Plan planSessions(const QList<Regimen>& regimens, const QList<Session>& history,
                  const RuleBook& rules, QDate today, QDate from, QDate to) {
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
            plan.skipped << SkippedOccurrence{regimen.start, regimen.id,
                                              verdict ? verdict->reasons.constFirst().message
                                                      : verdict.error().toString()};
            continue;
        }
        QList<Reason> advice;
        for (const Reason& r : verdict->reasons)
            if (r.rule != u"interval-default") // re-judged per occurrence below
                advice << r;
        if (!byArea.contains(regimen.area))
            areaOrder << regimen.area;
        byArea[regimen.area] << candidates(regimen, sessionsOnArea(history, regimen.area), advice,
                                           rules, today, to);
    }

    for (const QString& area : std::as_const(areaOrder)) {
        QList<Occurrence> all = byArea.value(area);
        std::stable_sort(all.begin(), all.end(), [](const Occurrence& a, const Occurrence& b) {
            return a.date != b.date ? a.date < b.date : a.regimenId < b.regimenId;
        });
        const QList<Session> onArea = sessionsOnArea(history, area);
        // The previous session that really happens (logged, or planned and kept).
        std::optional<QDate> lastDate;
        NeedleLength lastNeedle;
        if (!onArea.isEmpty()) {
            lastDate = onArea.constLast().date;
            lastNeedle = onArea.constLast().needle;
        }
        for (Occurrence& o : all) {
            if (o.status == Occurrence::Status::Missed) {
                if (o.date >= from)
                    plan.occurrences << o;
                continue; // it did not happen: it neither blocks nor anchors anything
            }
            if (lastDate) {
                const int gap = int(lastDate->daysTo(o.date));
                const int minimum = minimumGap(rules, area, lastNeedle, o.needle);
                if (gap < minimum) {
                    plan.skipped << SkippedOccurrence{
                        o.date, o.regimenId,
                        PlannerText::tr(
                            "too close to the session of %1 on the same area (%2 needs at "
                            "least %3 days)")
                            .arg(lastDate->toString(Qt::ISODate),
                                 std::max(lastNeedle, o.needle).toString())
                            .arg(minimum)};
                    continue;
                }
                const int recommended = defaultGap(rules, area, lastNeedle, o.needle);
                if (gap < recommended)
                    o.advice << Reason{
                        Severity::Advise,
                        QStringLiteral("interval-default"),
                        PlannerText::tr("%1 days after the previous session; %2 days "
                                        "are recommended.")
                            .arg(gap)
                            .arg(recommended),
                        rules.interval(area, std::max(lastNeedle, o.needle)).sources,
                        {}};
            }
            lastDate = o.date;
            lastNeedle = o.needle;
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
