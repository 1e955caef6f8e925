#include "ScheduleText.h"

#include "rules/ReadinessText.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class ScheduleTextTr {
    Q_DECLARE_TR_FUNCTIONS(ScheduleText)
};

QString zoneNames(const QString& areaId, const QStringList& zones, const RuleBook& rules) {
    const Area* area = rules.area(areaId);
    QStringList names;
    for (const QString& z : zones) {
        const Zone* zone = area ? area->zone(z) : nullptr;
        names << (zone ? zone->name.toLower() : z);
    }
    return names.join(QStringLiteral(", "));
}

QString dayTitle(QDate d, const QLocale& locale) {
    return locale.toString(d, QStringLiteral("dddd d MMMM yyyy"));
}

QString statusText(const Occurrence& o) {
    return o.status == Occurrence::Status::Missed ? ScheduleTextTr::tr(" (missed)") : QString();
}

QString heading(const WeeklySchedule& s, const QLocale& locale) {
    const IsoWeek week = IsoWeek::containing(s.from);
    const bool isWeek = s.from.dayOfWeek() == 1 && s.from.daysTo(s.to) == 6;
    return isWeek ? ScheduleTextTr::tr("Week %1: %2 to %3")
                        .arg(week.toString(), locale.toString(s.from, QLocale::ShortFormat),
                             locale.toString(s.to, QLocale::ShortFormat))
                  : ScheduleTextTr::tr("%1 to %2")
                        .arg(locale.toString(s.from, QLocale::ShortFormat),
                             locale.toString(s.to, QLocale::ShortFormat));
}

} // namespace

QString sessionTitle(const QString& areaId, NeedleLength needle, const QStringList& zones,
                     const RuleBook& rules) {
    const Area* area = rules.area(areaId);
    QString title = (area ? area->name : areaId) + QStringLiteral(" · ") + needle.toString();
    if (!zones.isEmpty())
        title += QStringLiteral(" · ") + zoneNames(areaId, zones, rules);
    return title;
}

QString occurrenceTitle(const Occurrence& o, const RuleBook& rules) {
    return sessionTitle(o.area, o.needle, o.zones, rules);
}

QString renderScheduleText(const WeeklySchedule& s, const RuleBook& rules, const QLocale& locale) {
    QString out = QStringLiteral("Dermaplan · ") + heading(s, locale) + u'\n';
    out += rules.disclaimer() + QStringLiteral("\n\n");
    for (const ScheduleDay& day : s.days) {
        out += dayTitle(day.date, locale) + u'\n';
        if (day.occurrences.isEmpty() && day.logged.isEmpty())
            out += ScheduleTextTr::tr("  no session planned\n");
        for (const Occurrence& o : day.occurrences)
            out += QStringLiteral("  [ ] %1 (%2)%3\n")
                       .arg(occurrenceTitle(o, rules), o.regimenName, statusText(o));
        for (const Session& l : day.logged)
            out += QStringLiteral("  [x] %1 (%2)\n")
                       .arg(sessionTitle(l.area, l.needle, l.zones, rules),
                            ScheduleTextTr::tr("logged"));
        for (const AftercareNote& n : day.notes)
            out += QStringLiteral("      - %1\n").arg(describeNote(n, day.date, locale));
    }
    if (!s.readiness.isEmpty()) {
        out += u'\n' + ScheduleTextTr::tr("When each area is allowed again") + u'\n';
        for (const WeeklySchedule::AreaReadiness& r : s.readiness) {
            const Area* area = rules.area(r.readiness.area);
            out +=
                QStringLiteral("  %1: %2\n")
                    .arg(area ? area->name : r.readiness.area,
                         describeReadiness(r.readiness, s.today, rules, locale, r.plannedNeedle));
        }
    }
    out += u'\n' + ScheduleTextTr::tr("Always") + u'\n';
    for (const Advice& a : s.generalAdvice)
        out += QStringLiteral("  - %1 (%2)\n").arg(a.text, rules.sourceNames(a.sources));
    out += u'\n' + ScheduleTextTr::tr("Cleaning the roller") + u'\n';
    for (const QString& step : s.cleaningSteps)
        out += QStringLiteral("  - %1\n").arg(step);
    return out;
}

} // namespace dermaplan
