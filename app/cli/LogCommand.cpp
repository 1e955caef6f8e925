// dermaplan-cli log: check a session against the rules and store it.
#include "Command.h"
#include "Commands.h"

#include "logbook/Logbook.h"

#include <QTime>

namespace dermaplan::cli {

QString LogCommand::name() const {
    return QStringLiteral("log");
}
QString LogCommand::description() const {
    return QStringLiteral("Log a session; refused sessions are not stored unless overridden.");
}

void LogCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("area"), QStringLiteral("Area: face, neck, scalp or body (see 'areas')."),
         opt("AREA")},
        {opt("zone"), QStringLiteral("Zone within the area; repeat or comma-separate for several."),
         opt("ZONE")},
        {opt("needle"), QStringLiteral("Needle length in millimetres, 0.1 to 3.0."), opt("MM")},
        {opt("date"), QStringLiteral("Day of the session (default: today)."), opt("YYYY-MM-DD")},
        {opt("at"), QStringLiteral("Day and time of the session."), opt("YYYY-MM-DDTHH:MM")},
        {opt("by"), QStringLiteral("Who performed it: self (default) or professional."),
         opt("WHO")},
        {opt("device"), QStringLiteral("Id of the device used (see 'device list')."), opt("ID")},
        {opt("pain"), QStringLiteral("Pain from 0 to 10."), opt("N")},
        {opt("reaction"), QStringLiteral("How the skin reacted."), opt("TEXT")},
        {opt("products"), QStringLiteral("Products used."), opt("TEXT")},
        {opt("notes"), QStringLiteral("Free notes."), opt("TEXT")},
        {opt("contra"), QStringLiteral("A checklist item that applies (see 'rules'); repeatable."),
         opt("ITEM")},
        {opt("override"), QStringLiteral("Record a refused session anyway, with this reason."),
         opt("REASON")},
        {opt("dry-run"), QStringLiteral("Check only; store nothing.")},
    });
}

int LogCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    Session s;
    if (!p.isSet(opt("area")))
        return ctx.fail(Error::inField(opt("--area"), QStringLiteral("is required")), InvalidInput);
    s.area = p.value(opt("area"));
    for (const QString& z : p.values(opt("zone")))
        for (const QString& part : z.split(u',', Qt::SkipEmptyParts))
            s.zones << part.trimmed();
    if (!p.isSet(opt("needle")))
        return ctx.fail(Error::inField(opt("--needle"), QStringLiteral("is required")),
                        InvalidInput);
    const auto needle = needleOption(p, opt("needle"), ctx.rules);
    if (!needle)
        return ctx.fail(needle.error(), InvalidInput);
    s.needle = *needle;
    if (const auto place = ctx.rules.validatePlace(s.area, s.zones); !place) {
        Error e = place.error();
        e.field = QStringLiteral("--") + e.field;
        return ctx.fail(e, InvalidInput);
    }

    if (p.isSet(opt("date")) && p.isSet(opt("at")))
        return ctx.fail(QStringLiteral("--date and --at: give one or the other"), InvalidInput);
    s.date = ctx.today;
    if (p.isSet(opt("date"))) {
        const auto d = dateOption(p, opt("date"));
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        s.date = *d;
    }
    if (p.isSet(opt("at"))) {
        const QString text = p.value(opt("at"));
        const QDateTime at = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd'T'HH:mm"));
        if (!at.isValid())
            return ctx.fail(
                Error::inField(
                    opt("--at"),
                    QStringLiteral("'%1' is not a date and time (use YYYY-MM-DDTHH:MM)").arg(text)),
                InvalidInput);
        s.date = at.date();
        s.time = at.time();
    }
    if (p.isSet(opt("by"))) {
        const auto by = parsePerformer(p.value(opt("by")), opt("--by"));
        if (!by)
            return ctx.fail(by.error(), InvalidInput);
        s.performedBy = *by;
    }
    if (p.isSet(opt("pain"))) {
        const auto pain = intOption(p, opt("pain"), 0, 10);
        if (!pain)
            return ctx.fail(pain.error(), InvalidInput);
        s.pain = *pain;
    }
    std::optional<qint64> deviceId;
    if (p.isSet(opt("device"))) {
        const auto id = intOption(p, opt("device"), 1, std::numeric_limits<int>::max());
        if (!id)
            return ctx.fail(id.error(), InvalidInput);
        deviceId = *id;
        s.deviceId = deviceId;
    }
    s.reaction = p.value(opt("reaction"));
    s.products = p.value(opt("products"));
    s.notes = p.value(opt("notes"));
    s.contraindications = p.values(opt("contra"));
    for (const QString& item : std::as_const(s.contraindications))
        if (!ctx.rules.contraindication(item))
            return ctx.fail(
                Error::inField(
                    opt("--contra"),
                    QStringLiteral("'%1' is not a checklist item (see 'dermaplan-cli rules')")
                        .arg(item)),
                InvalidInput);
    if (p.isSet(opt("override"))) {
        s.overrideReason = p.value(opt("override")).trimmed();
        if (s.overrideReason.isEmpty())
            return ctx.fail(
                Error::inField(opt("--override"), QStringLiteral("an override needs a reason")),
                InvalidInput);
    }
    if (s.date > ctx.today)
        return ctx.fail(
            Error::inField(p.isSet(opt("at")) ? opt("--at") : opt("--date"),
                           QStringLiteral("%1 is in the future (today is %2): only sessions that "
                                          "happened can be logged")
                               .arg(s.date.toString(Qt::ISODate), ctx.today.toString(Qt::ISODate))),
            InvalidInput);

    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (deviceId && !logbook->device(*deviceId))
        return ctx.fail(
            Error::inField(
                opt("--device"),
                QStringLiteral("no device with id %1 (see 'device list')").arg(*deviceId)),
            InvalidInput);
    const bool dryRun = p.isSet(opt("dry-run"));
    const auto outcome = [&]() -> Result<LogOutcome> {
        if (!dryRun)
            return logbook->log(s);
        const auto verdict = logbook->check(s);
        if (!verdict)
            return verdict.error();
        return LogOutcome{*verdict, {}};
    }();
    if (!outcome) {
        Error e = outcome.error();
        if (e.file.isEmpty() && !e.field.isEmpty() && !e.field.startsWith(u'-'))
            e.field = QStringLiteral("--") + e.field;
        return ctx.fail(e, e.file.isEmpty() ? InvalidInput : RuntimeFailure);
    }
    printVerdict(outcome->verdict, ctx.rules, ctx.err);
    if (outcome->verdict.blocksSaving()) {
        ctx.err << "not logged: give --override REASON to record it anyway" << Qt::endl;
        return Refused;
    }
    if (dryRun) {
        ctx.err << "dry run: the session would be logged; nothing was stored" << Qt::endl;
        return Ok;
    }
    ctx.out << *outcome->id << Qt::endl;
    return Ok;
}

} // namespace dermaplan::cli
