// dermaplan-cli history and next: what was done, and when the next session may follow.
#include "Commands.h"

#include "io/SessionFormats.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

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
            return ctx.fail(Error{place.error().message, {}, 0, opt("--area")}, InvalidInput);
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
    Database* db = ctx.database();
    if (!db)
        return RuntimeFailure;
    const auto sessions = SessionStore(*db).list(filter);
    if (!sessions)
        return ctx.fail(sessions.error(), RuntimeFailure);

    if (*format == u"json")
        return writeOutput(p, io::historyJson(*sessions), ctx);
    if (*format == u"csv")
        return writeOutput(p, io::exportCsv(*sessions), ctx);
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
    return QStringLiteral(
        "Per area: the last session, the earliest safe and the recommended next date.");
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
            return ctx.fail(Error{place.error().message, {}, 0, opt("--area")}, InvalidInput);
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
    Database* db = ctx.database();
    if (!db)
        return RuntimeFailure;
    SessionStore store(*db);
    QJsonArray json;
    QString text;
    for (const QString& area : std::as_const(areas)) {
        const auto history = store.inArea(area);
        if (!history)
            return ctx.fail(history.error(), RuntimeFailure);
        const RecoveryWindow w = recoveryWindow(area, *history, ctx.rules, needle);
        const bool explicitArea = p.isSet(opt("area"));
        if (!w.lastSession && !explicitArea)
            continue;
        QJsonObject o{
            {opt("area"), area},
            {opt("last_session_date"),
             w.lastSession ? QJsonValue(isoOrEmpty(w.lastSession->date)) : QJsonValue()},
            {opt("last_needle_mm"),
             w.lastSession ? QJsonValue(w.lastSession->needle.millimetres()) : QJsonValue()},
            {opt("earliest_safe_date"), w.lastSession
                                            ? QJsonValue(isoOrEmpty(w.earliestSafeDate))
                                            : QJsonValue(ctx.today.toString(Qt::ISODate))},
            {opt("recommended_date"), w.lastSession ? QJsonValue(isoOrEmpty(w.recommendedDate))
                                                    : QJsonValue(ctx.today.toString(Qt::ISODate))}};
        json.append(o);
        if (!w.lastSession) {
            text += QStringLiteral("%1: no session yet; any day from today\n").arg(area);
            continue;
        }
        const qint64 wait = ctx.today.daysTo(w.earliestSafeDate);
        text += QStringLiteral("%1: last %2 with %3; earliest safe %4, recommended %5%6\n")
                    .arg(area, w.lastSession->date.toString(Qt::ISODate),
                         w.lastSession->needle.toString(), w.earliestSafeDate.toString(Qt::ISODate),
                         w.recommendedDate.toString(Qt::ISODate),
                         wait > 0 ? QStringLiteral(" (wait %1 more day%2)")
                                        .arg(wait)
                                        .arg(wait == 1 ? QString() : QStringLiteral("s"))
                                  : QStringLiteral(" (safe now)"));
    }
    if (*format == u"json") {
        ctx.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        return Ok;
    }
    ctx.out << (text.isEmpty() ? QStringLiteral("No sessions logged yet.\n") : text);
    return Ok;
}

} // namespace dermaplan::cli
