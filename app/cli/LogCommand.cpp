// dermaplan-cli log: check a session against the rules and store it.
#include "Command.h"
#include "Commands.h"

#include "domain/IsoDate.h"
#include "logbook/Logbook.h"
#include "rules/SafetyCheck.h"

#include <QTime>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

static int runLog(const QCommandLineParser& p, Context& ctx) {
    Session s;
    if (!p.isSet(u"area"_s))
        return ctx.fail(missingOption(u"area"_s), InvalidInput);
    s.area = p.value(u"area"_s);
    s.zones = zonesOption(p);
    if (!p.isSet(u"needle"_s))
        return ctx.fail(missingOption(u"needle"_s), InvalidInput);
    const auto needle = needleOption(p, u"needle"_s, ctx.rules);
    if (!needle)
        return ctx.fail(needle.error(), InvalidInput);
    s.needle = *needle;

    if (p.isSet(u"date"_s) && p.isSet(u"at"_s))
        return ctx.fail(QStringLiteral("--date and --at: give one or the other"), InvalidInput);
    const auto day = dateOptionOr(p, u"date"_s, ctx.today);
    if (!day)
        return ctx.fail(day.error(), InvalidInput);
    s.date = *day;
    if (p.isSet(u"at"_s)) {
        const auto at = parseIsoMinute(p.value(u"at"_s), u"--at"_s);
        if (!at)
            return ctx.fail(at.error(), InvalidInput);
        s.date = at->date();
        s.time = at->time();
    }
    const auto by = performerOption(p, Performer::Self);
    if (!by)
        return ctx.fail(by.error(), InvalidInput);
    s.performedBy = *by;
    if (p.isSet(u"pain"_s)) {
        const auto pain = intOption(p, u"pain"_s, 0, 10);
        if (!pain)
            return ctx.fail(pain.error(), InvalidInput);
        s.pain = *pain;
    }
    const auto device = deviceOption(p);
    if (!device)
        return ctx.fail(device.error(), InvalidInput);
    const std::optional<qint64> deviceId = *device;
    s.deviceId = deviceId;
    s.reaction = p.value(u"reaction"_s);
    s.products = p.value(u"products"_s);
    s.notes = p.value(u"notes"_s);
    s.contraindications = p.values(u"contra"_s);
    if (p.isSet(u"override"_s)) {
        s.overrideReason = p.value(u"override"_s).trimmed();
        if (s.overrideReason.isEmpty())
            return ctx.fail(
                Error::inField(u"--override"_s, QStringLiteral("an override needs a reason")),
                InvalidInput);
    }
    // The session as input (date, place, needle, pain, checklist), in the logbook's words and
    // before the database is opened.
    if (const auto valid = validateSession(s, ctx.rules, ctx.today); !valid) {
        Error e = asOptionError(valid.error());
        if (e.field == u"--date" && p.isSet(u"at"_s))
            e.field = u"--at"_s;
        if (e.field == u"--contra")
            e.message += u" (see 'dermaplan-cli rules')"_s;
        return ctx.fail(e, InvalidInput);
    }

    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (deviceId && !logbook->device(*deviceId))
        return ctx.fail(
            Error::inField(
                u"--device"_s,
                QStringLiteral("no device with id %1 (see 'device list')").arg(*deviceId)),
            InvalidInput);
    const bool dryRun = p.isSet(u"dry-run"_s);
    const auto outcome = [&]() -> Result<LogOutcome> {
        if (!dryRun)
            return logbook->log(s);
        const auto verdict = logbook->check(s);
        if (!verdict)
            return verdict.error();
        return LogOutcome{*verdict, {}};
    }();
    if (!outcome)
        return ctx.fail(asOptionError(outcome.error()),
                        outcome.error().file.isEmpty() ? InvalidInput : RuntimeFailure);
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

QList<Command> logCommands() {
    return {
        {QStringLiteral("log"),
         QStringLiteral("Log a session; refused sessions are not stored unless overridden."),
         {{u"area"_s, QStringLiteral("Area: face, neck, scalp or body (see 'areas')."), u"AREA"_s},
          zoneFlag(QStringLiteral("Zone within the area; repeat or comma-separate for several.")),
          {u"needle"_s, QStringLiteral("Needle length in millimetres, 0.1 to 3.0."), u"MM"_s},
          dayFlag(u"date"_s, QStringLiteral("Day of the session (default: today).")),
          {u"at"_s, QStringLiteral("Day and time of the session."), u"YYYY-MM-DDTHH:MM"_s},
          performerFlag(QStringLiteral("Who performed it: self (default) or professional.")),
          {u"device"_s, QStringLiteral("Id of the device used (see 'device list')."), u"ID"_s},
          {u"pain"_s, QStringLiteral("Pain from 0 to 10."), u"N"_s},
          {u"reaction"_s, QStringLiteral("How the skin reacted."), u"TEXT"_s},
          {u"products"_s, QStringLiteral("Products used."), u"TEXT"_s},
          {u"notes"_s, QStringLiteral("Free notes."), u"TEXT"_s},
          {u"contra"_s, QStringLiteral("A checklist item that applies (see 'rules'); repeatable."),
           u"ITEM"_s},
          {u"override"_s, QStringLiteral("Record a refused session anyway, with this reason."),
           u"REASON"_s},
          {u"dry-run"_s, QStringLiteral("Check only; store nothing.")}},
         {},
         runLog},
    };
}

} // namespace dermaplan::cli
