// dermaplan-cli history and next: what was done, and when the next session may follow.
#include "Commands.h"

#include "logbook/Logbook.h"
#include "rules/ReadinessText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dermaplan::cli {

namespace {

QString isoOrEmpty(QDate d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

QString HistoryCommand::name() const {
    return QStringLiteral("history");
}
QString HistoryCommand::description() const {
    return QStringLiteral("List logged sessions.");
}

void HistoryCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("area"), QStringLiteral("Only this area."), opt("AREA")},
        {opt("from"), QStringLiteral("From this day on."), opt("YYYY-MM-DD")},
        {opt("to"), QStringLiteral("Up to this day."), opt("YYYY-MM-DD")},
        {opt("format"), QStringLiteral("table (default), csv or json."), opt("FORMAT")},
        {opt("output"), QStringLiteral("Write to FILE instead of standard output."), opt("FILE")},
    });
}

int HistoryCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("table"), opt("csv"), opt("json")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    SessionFilter filter;
    if (p.isSet(opt("area"))) {
        if (const auto place = ctx.rules.validatePlace(p.value(opt("area")), {}); !place)
            return ctx.fail(Error::inField(opt("--area"), place.error().message), InvalidInput);
        filter.area = p.value(opt("area"));
    }
    for (const char* bound : {"from", "to"}) {
        if (!p.isSet(opt(bound)))
            continue;
        const auto d = dateOption(p, opt(bound));
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        (qstrcmp(bound, "from") == 0 ? filter.from : filter.to) = *d;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (*format != u"table") {
        const auto as = *format == u"csv" ? io::SessionStream::Format::Csv
                                          : io::SessionStream::Format::HistoryJson;
        return writeStreamed(p, ctx, [&](const io::ByteSink& sink) {
            return logbook->writeSessions(filter, as, sink);
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

QString NextCommand::name() const {
    return QStringLiteral("next");
}
QString NextCommand::description() const {
    return QStringLiteral("Per area and needle: the earliest allowed and the recommended date of "
                          "the next session.");
}

void NextCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("area"), QStringLiteral("Only this area."), opt("AREA")},
        {opt("needle"),
         QStringLiteral("The needle you plan to use next (longer needles wait longer)."),
         opt("MM")},
        {opt("format"), QStringLiteral("text (default) or json."), opt("FORMAT")},
    });
}

int NextCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("text"), opt("json")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    QStringList areas;
    if (p.isSet(opt("area"))) {
        if (const auto place = ctx.rules.validatePlace(p.value(opt("area")), {}); !place)
            return ctx.fail(Error::inField(opt("--area"), place.error().message), InvalidInput);
        areas << p.value(opt("area"));
    } else {
        for (const Area& a : ctx.rules.areas())
            areas << a.id;
    }
    std::optional<NeedleLength> needle;
    if (p.isSet(opt("needle"))) {
        const auto n = needleOption(p, opt("needle"), ctx.rules);
        if (!n)
            return ctx.fail(n.error(), InvalidInput);
        needle = *n;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const bool explicitArea = p.isSet(opt("area"));
    QJsonArray json;
    QString text;
    for (const QString& area : std::as_const(areas)) {
        const auto r = logbook->readiness(area);
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
            // no session holds the area.
            const QString allowed = n.earliestAllowedDate.isValid()
                                        ? n.earliestAllowedDate.toString(Qt::ISODate)
                                        : ctx.today.toString(Qt::ISODate);
            const QString recommended = n.recommendedDate.isValid()
                                            ? n.recommendedDate.toString(Qt::ISODate)
                                            : ctx.today.toString(Qt::ISODate);
            json.append(QJsonObject{
                {opt("area"), area},
                {opt("needle_mm"), size.millimetres()},
                {opt("last_session_date"),
                 r->lastSession ? QJsonValue(isoOrEmpty(r->lastSession->date)) : QJsonValue()},
                {opt("last_needle_mm"),
                 r->lastSession ? QJsonValue(countingNeedle(*r->lastSession).millimetres())
                                : QJsonValue()},
                {opt("allowed_now"), n.allowedOn(ctx.today)},
                {opt("earliest_allowed_date"), allowed},
                {opt("earliest_safe_date"), allowed},
                {opt("recommended_date"), recommended},
                {opt("held_by_session_date"), n.heldBy && !n.allowedOn(ctx.today)
                                                  ? QJsonValue(isoOrEmpty(n.heldBy->date))
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
        ctx.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        return Ok;
    }
    ctx.out << (text.isEmpty() ? QStringLiteral("No sessions logged yet.\n") : text);
    return Ok;
}

} // namespace dermaplan::cli
