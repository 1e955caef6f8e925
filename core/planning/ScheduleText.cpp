#include "ScheduleText.h"

#include "planning/WeekPoster.h"

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

} // namespace

QString sessionTitle(const QString& areaId, NeedleLength needle, const QStringList& zones,
                     const RuleBook& rules) {
    QString title = rules.areaName(areaId) + QStringLiteral(" · ") + needle.toString();
    if (!zones.isEmpty())
        title += QStringLiteral(" · ") + zoneNames(areaId, zones, rules);
    return title;
}

QString occurrenceTitle(const Occurrence& o, const RuleBook& rules) {
    return sessionTitle(o.area, o.needle, o.zones, rules);
}

QString renderScheduleText(const WeeklySchedule& s, const RuleBook& rules, const QLocale& locale) {
    const WeekPoster poster = WeekPoster::from(s, rules, locale);
    const auto areaLines = [](const QList<AreaLine>& lines, const QString& indent) {
        QString out;
        for (const AreaLine& l : lines)
            out += QStringLiteral("%1%2: %3\n").arg(indent, l.area, l.text);
        return out;
    };
    QString out = QStringLiteral("Dermaplan · ") + poster.title + u'\n';
    out += poster.disclaimer + QStringLiteral("\n\n");
    if (!poster.thisWeek.isEmpty())
        out += ScheduleTextTr::tr("Aftercare running as the week begins") + u'\n' +
               areaLines(poster.thisWeek, QStringLiteral("  ")) + u'\n';
    for (const PosterDay& day : poster.days) {
        out += dayTitle(day.date, locale) + u'\n';
        if (day.sessions.isEmpty() && day.paused.isEmpty() && day.leftOut.isEmpty())
            out += QStringLiteral("  ") + ScheduleTextTr::tr("rest") + u'\n';
        out += areaLines(day.paused, QStringLiteral("  "));
        out += areaLines(day.leftOut, QStringLiteral("  "));
        for (const PosterSession& session : day.sessions)
            out += QStringLiteral("  [%1] %2 (%3)\n")
                       .arg(session.state == PosterSession::State::Done ? QStringLiteral("x")
                                                                        : QStringLiteral(" "),
                            session.title, session.detail);
        out += areaLines(day.aftercare, QStringLiteral("      "));
        for (const AreaLine& still : day.still)
            out += QStringLiteral("      ") +
                   ScheduleTextTr::tr("still: %1: %2").arg(still.area, still.text) + u'\n';
    }
    if (!poster.nextAllowed.isEmpty())
        out += u'\n' + ScheduleTextTr::tr("When each area is allowed again") + u'\n' +
               areaLines(poster.nextAllowed, QStringLiteral("  "));
    out += u'\n' + ScheduleTextTr::tr("Always") + u'\n';
    for (const SourcedLine& a : poster.advice)
        out += QStringLiteral("  - %1 (%2)\n").arg(a.text, a.sources);
    out += u'\n' + ScheduleTextTr::tr("Cleaning the roller") + u'\n';
    for (const QString& step : poster.cleaningSteps)
        out += QStringLiteral("  - %1\n").arg(step);
    return out;
}

} // namespace dermaplan
