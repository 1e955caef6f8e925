// dermaplan-cli history and next: what was done, and when the next session may follow.
#include "Commands.h"

#include "logbook/Logbook.h"
#include "rules/ReadinessText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

QString isoOrEmpty(QDate d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

static int runHistory(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"table"_s, u"csv"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    SessionFilter filter;
    if (p.isSet(u"area"_s)) {
        if (const auto place = ctx.rules.validatePlace(p.value(u"area"_s), {}); !place)
            return ctx.fail(Error::inField(u"--area"_s, place.error().message), InvalidInput);
        filter.area = p.value(u"area"_s);
    }
    for (const QString& bound : {u"from"_s, u"to"_s}) {
        if (!p.isSet(bound))
            continue;
        const auto d = dateOption(p, bound);
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        (bound == u"from" ? filter.from : filter.to) = *d;
    }
    const auto dialect = delimiterOption(p, *format == u"csv");
    if (!dialect)
        return ctx.fail(dialect.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (*format != u"table") {
        const auto as = *format == u"csv" ? io::SessionStream::Format::Csv
                                          : io::SessionStream::Format::HistoryJson;
        return writeStreamed(p, ctx, [&](const io::ByteSink& sink) {
            return logbook->writeSessions(filter, as, sink, *dialect);
        });
    }
    const auto sessions = logbook->sessions(filter);
    if (!sessions)
        return ctx.fail(sessions.error(), RuntimeFailure);

    QString table = QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8\n")
                        .arg(QStringLiteral("id").rightJustified(5), QStringLiteral("date      "),
                             QStringLiteral("time "), QStringLiteral("area  "),
                             QStringLiteral("zones           "), QStringLiteral("needle  "),
                             QStringLiteral("by          "), QStringLiteral("pain")) +
                    QStringLiteral("notes / override\n");
    for (const Session& s : *sessions) {
        QString extra = s.notes;
        if (!s.overrideReason.isEmpty())
            extra += (extra.isEmpty() ? QString() : QStringLiteral(" / ")) +
                     QStringLiteral("override: ") + s.overrideReason;
        table +=
            QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                .arg(QString::number(s.id).rightJustified(5), s.date.toString(Qt::ISODate),
                     s.time ? s.time->toString(QStringLiteral("HH:mm")) : QStringLiteral("     "),
                     s.area.leftJustified(6), s.zones.join(u',').leftJustified(16),
                     s.needle.toString().leftJustified(8),
                     performerId(s.performedBy).leftJustified(12),
                     (s.pain ? QString::number(*s.pain) : QStringLiteral("-")).rightJustified(4),
                     extra);
    }
    return writeOutput(p, table.toUtf8(), ctx);
}

static int runNext(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    QStringList areas;
    if (p.isSet(u"area"_s)) {
        if (const auto place = ctx.rules.validatePlace(p.value(u"area"_s), {}); !place)
            return ctx.fail(Error::inField(u"--area"_s, place.error().message), InvalidInput);
        areas << p.value(u"area"_s);
    } else {
        for (const Area& a : ctx.rules.areas())
            areas << a.id;
    }
    std::optional<NeedleLength> needle;
    if (p.isSet(u"needle"_s)) {
        const auto n = needleOption(p, u"needle"_s, ctx.rules);
        if (!n)
            return ctx.fail(n.error(), InvalidInput);
        needle = *n;
    }
    // Where and by whom: what decides, whatever the day, whether a needle may be used at all.
    Placement placement;
    placement.zones = zonesOption(p);
    if (!placement.zones.isEmpty() && !p.isSet(u"area"_s))
        return ctx.fail(Error::inField(u"--zone"_s, QStringLiteral("needs --area")), InvalidInput);
    if (p.isSet(u"area"_s))
        if (const auto place = ctx.rules.validatePlace(p.value(u"area"_s), placement.zones); !place)
            return ctx.fail(Error::inField(u"--zone"_s, place.error().message), InvalidInput);
    const auto by = performerOption(p, Performer::Self);
    if (!by)
        return ctx.fail(by.error(), InvalidInput);
    placement.performer = *by;
    const auto deviceId = deviceOption(p);
    if (!deviceId)
        return ctx.fail(deviceId.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (*deviceId) {
        const auto device = logbook->device(**deviceId);
        if (!device)
            return ctx.fail(asOptionError(device.error()), InvalidInput);
        if (device->needle.micrometres() > 0)
            placement.deviceNeedle = device->needle;
    }
    const bool explicitArea = p.isSet(u"area"_s);
    QJsonArray json;
    QString text;
    for (const QString& area : std::as_const(areas)) {
        const auto r = logbook->readiness(area, placement);
        if (!r)
            return ctx.fail(r.error(), RuntimeFailure);
        if (!r->lastSession && !explicitArea)
            continue;
        // One JSON entry per needle size (or the one asked for); earliest_safe_date is the old
        // name of earliest_allowed_date, kept for scripts that read it.
        const QList<NeedleLength> sizes =
            needle ? QList<NeedleLength>{*needle} : ctx.rules.standardSizes();
        for (const NeedleLength& size : sizes) {
            const NeedleReadiness& n = r->forNeedle(ctx.rules, size);
            // Dates as the rules give them (possibly past: then allowed_now is true); today when
            // no session holds the area; none while a reaction holds it (they count from the day
            // it resolves, not known yet).
            // No date for a size no day allows here (a script reading the old "safe" name must
            // never see one), nor while a reaction holds the area.
            const bool onHold = n.heldByReactionOn(ctx.today) || n.refusal;
            const auto dateOrToday = [&](QDate d) {
                return onHold ? QJsonValue()
                              : QJsonValue((d.isValid() ? d : ctx.today).toString(Qt::ISODate));
            };
            const QJsonValue allowed = dateOrToday(n.earliestAllowedDate);
            const QJsonValue recommended = dateOrToday(n.recommendedDate);
            json.append(QJsonObject{
                {u"area"_s, area},
                {u"needle_mm"_s, size.millimetres()},
                {u"last_session_date"_s,
                 r->lastSession ? QJsonValue(isoOrEmpty(r->lastSession->date)) : QJsonValue()},
                {u"last_needle_mm"_s,
                 r->lastSession ? QJsonValue(countingNeedle(*r->lastSession).millimetres())
                                : QJsonValue()},
                {u"allowed_now"_s, n.allowedOn(ctx.today)},
                // What no day lifts for this placement (a professional-only length, a zone's
                // cap): the dates below are then the intervals' alone.
                {u"refused"_s, n.refusal ? QJsonValue(n.refusal->message) : QJsonValue()},
                {u"earliest_allowed_date"_s, allowed},
                {u"earliest_safe_date"_s, allowed},
                {u"recommended_date"_s, recommended},
                {u"held_by_session_date"_s, !onHold && n.heldBy && !n.intervalsAllowOn(ctx.today)
                                                ? QJsonValue(isoOrEmpty(n.heldBy->date))
                                                : QJsonValue()},
                // A reaction that holds the area until an answer ends it (followup).
                {u"on_hold"_s,
                 n.heldByReactionOn(ctx.today)
                     ? QJsonValue(QJsonObject{
                           {u"state"_s, n.heldByReaction->course.open->state},
                           {u"since"_s, isoOrEmpty(n.heldByReaction->course.open->since)},
                           {u"session_id"_s, n.heldByReaction->id},
                           {u"session_date"_s, isoOrEmpty(n.heldByReaction->date)}})
                     : QJsonValue()}});
        }
        const QString last = r->lastSession ? QStringLiteral("last %1 with %2")
                                                  .arg(r->lastSession->date.toString(Qt::ISODate),
                                                       countingNeedle(*r->lastSession).toString())
                                            : QStringLiteral("no session yet");
        text +=
            QStringLiteral("%1: %2; %3\n")
                .arg(area, last, describeReadiness(*r, ctx.today, ctx.rules, QLocale::c(), needle));
    }
    if (*format == u"json") {
        printJson(ctx, QJsonDocument(json));
        return Ok;
    }
    ctx.out << (text.isEmpty() ? QStringLiteral("No sessions logged yet.\n") : text);
    return Ok;
}

QList<Command> historyCommands() {
    return {
        {QStringLiteral("history"),
         QStringLiteral("List logged sessions."),
         {{u"area"_s, QStringLiteral("Only this area."), u"AREA"_s},
          dayFlag(u"from"_s, QStringLiteral("From this day on.")),
          dayFlag(u"to"_s, QStringLiteral("Up to this day.")),
          formatFlag(QStringLiteral("table (default), csv or json.")),
          delimiterFlag(false),
          outputFlag()},
         {},
         runHistory},
        {QStringLiteral("next"),
         QStringLiteral("Per area and needle: the earliest allowed and the recommended date of "
                        "the next session."),
         {{u"area"_s, QStringLiteral("Only this area."), u"AREA"_s},
          {u"needle"_s,
           QStringLiteral("The needle you plan to use next (longer needles wait longer)."),
           u"MM"_s},
          zoneFlag(QStringLiteral("The zones you plan to roll (default: the whole area); with "
                                  "--area.")),
          performerFlag(QStringLiteral("Who performs it: self (default) or professional.")),
          {u"device"_s, QStringLiteral("The device you plan to use (see 'device list')."), u"ID"_s},
          formatFlag()},
         {},
         runNext},
    };
}

} // namespace dermaplan::cli
