#include "CalendarExport.h"

#include "planning/Aftercare.h"
#include "planning/Planner.h"
#include "planning/ScheduleText.h"

#include <QDateTime>
#include <QHash>

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace dermaplan::io {

namespace {

// libical allocates; these free what it hands over.
struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype allDay(QDate d) {
    icaltimetype t = icaltime_null_date();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.is_date = 1;
    return t;
}

} // namespace

Result<QByteArray> planCalendar(const QList<Regimen>& regimens, const QList<Session>& history,
                                const RuleBook& rules, QDate today, QDate from, QDate to,
                                const CalendarOptions& options, const QList<Pause>& pauses) {
    if (!from.isValid() || !to.isValid() || to < from)
        return Error::inField(QStringLiteral("to"),
                              QStringLiteral("the range must end on or after its start"));
    // Plan from the earliest regimen start so each occurrence's place in its regimen is known.
    QDate earliest = from;
    for (const Regimen& r : regimens)
        earliest = std::min(earliest, r.start);
    const Plan plan = planSessions(regimens, history, rules, today, earliest, to, pauses);

    // The n-th occurrence of a regimen: sessions already logged on its area since it started,
    // then its occurrences in date order.
    QHash<qint64, int> next;
    for (const Regimen& r : regimens) {
        int done = 0;
        for (const Session& s : history)
            done += s.area == r.area && s.date >= r.start;
        next.insert(r.id, done + 1);
    }

    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//Dermaplan//Dermaplan planner//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    const icaltimetype stamp = icaltime_from_timet_with_zone(QDateTime::currentSecsSinceEpoch(), 0,
                                                             icaltimezone_get_utc_timezone());

    for (const Occurrence& o : plan.occurrences) {
        const int ordinal = next.value(o.regimenId, 1);
        next[o.regimenId] = ordinal + 1;
        if (o.status != Occurrence::Status::Planned || o.date < from || o.date > to)
            continue;
        icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        const QByteArray uid = QStringLiteral("dermaplan-%1-r%2-n%3@dermaplan")
                                   .arg(options.databaseUuid.isEmpty() ? QStringLiteral("local")
                                                                       : options.databaseUuid)
                                   .arg(o.regimenId)
                                   .arg(ordinal)
                                   .toUtf8();
        const QByteArray summary = occurrenceTitle(o, rules).toUtf8();
        QStringList lines{QStringLiteral("%1 (Dermaplan plan).").arg(o.regimenName),
                          QStringLiteral("Aftercare:")};
        for (const AftercareNote& n :
             aftercareNotes(o.date, std::nullopt, o.area, o.needle, true, rules))
            lines << QStringLiteral("- %1 — %2")
                         .arg(n.text, describeNoteEnd(n, o.date, QLocale::c()));
        for (const Advice& advice : rules.generalAdvice())
            lines
                << QStringLiteral("- %1 (%2)").arg(advice.text, rules.sourceNames(advice.sources));
        lines << rules.disclaimer();
        const QByteArray description = lines.join(u'\n').toUtf8();
        icalcomponent_add_property(event, icalproperty_new_uid(uid.constData()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(event, icalproperty_new_dtstart(allDay(o.date)));
        icalcomponent_add_property(event, icalproperty_new_dtend(allDay(o.date.addDays(1))));
        icalcomponent_add_property(event, icalproperty_new_summary(summary.constData()));
        icalcomponent_add_property(event, icalproperty_new_description(description.constData()));
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
        if (options.reminderAt) {
            icalcomponent* alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
            icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
            icaltriggertype trigger;
            trigger.time = icaltime_null_time();
            trigger.duration =
                icaldurationtype_from_int(options.reminderAt->msecsSinceStartOfDay() / 1000);
            icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
            icalcomponent_add_property(alarm, icalproperty_new_description(summary.constData()));
            icalcomponent_add_component(event, alarm);
        }
        icalcomponent_add_component(calendar.get(), event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    if (!text)
        return Error::plain(QStringLiteral("the calendar could not be written"));
    QByteArray out(text);
    std::free(text);
    return out;
}

} // namespace dermaplan::io
