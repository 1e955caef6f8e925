// dermaplan-cli plan add|list|end|remove, templates, schedule.
#include "Commands.h"
#include "PdfOutput.h"

#include "domain/IsoWeek.h"
#include "io/CalendarExport.h"
#include "io/JsonFormat.h"
#include "logbook/Logbook.h"
#include "logbook/LogbookFile.h"
#include "planning/PosterHtml.h"
#include "planning/ScheduleText.h"
#include "planning/WeeklySchedule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

QString weeksText(const std::optional<int>& weeks) {
    return weeks ? QStringLiteral("%1 weeks").arg(*weeks) : QStringLiteral("ongoing");
}

} // namespace

static int runPlanAdd(const QCommandLineParser& p, Context& ctx) {
    Regimen r;
    r.start = ctx.today;
    if (p.isSet(u"template"_s)) {
        const RegimenTemplate* t = ctx.rules.regimenTemplate(p.value(u"template"_s));
        if (!t) {
            QStringList ids;
            for (const RegimenTemplate& known : ctx.rules.templates())
                ids << known.id;
            return ctx.fail(
                Error::inField(u"--template"_s,
                               QStringLiteral("'%1' is not a template (use one of: %2)")
                                   .arg(p.value(u"template"_s), ids.join(QStringLiteral(", ")))),
                InvalidInput);
        }
        r = regimenFromTemplate(*t, ctx.today);
    }
    if (p.isSet(u"area"_s))
        r.area = p.value(u"area"_s);
    if (r.area.isEmpty())
        return ctx.fail(
            Error::inField(u"--area"_s, QStringLiteral("is required (or give --template)")),
            InvalidInput);
    if (p.isSet(u"zone"_s))
        r.zones = zonesOption(p);
    if (const auto place = ctx.rules.validatePlace(r.area, r.zones); !place)
        return ctx.fail(asOptionError(place.error()), InvalidInput);
    if (p.isSet(u"needle"_s)) {
        const auto n = NeedleLength::parse(p.value(u"needle"_s), u"--needle"_s);
        if (!n)
            return ctx.fail(n.error(), InvalidInput);
        r.needle = *n;
    } else if (r.templateId.isEmpty()) {
        return ctx.fail(missingOption(u"needle"_s), InvalidInput);
    }
    if (const auto ok = ctx.rules.needle(r.needle, u"--needle"_s); !ok)
        return ctx.fail(ok.error(), InvalidInput);
    if (p.isSet(u"every"_s)) {
        const auto every = intOption(p, u"every"_s, 1, 3650);
        if (!every)
            return ctx.fail(every.error(), InvalidInput);
        r.everyDays = *every;
    } else if (r.templateId.isEmpty()) {
        return ctx.fail(missingOption(u"every"_s), InvalidInput);
    }
    const auto start = dateOptionOr(p, u"start"_s, r.start);
    if (!start)
        return ctx.fail(start.error(), InvalidInput);
    r.start = *start;
    if (p.isSet(u"weeks"_s)) {
        const auto w = intOption(p, u"weeks"_s, 1, 520);
        if (!w)
            return ctx.fail(w.error(), InvalidInput);
        r.weeks = *w;
    }
    const auto by = performerOption(p, r.performedBy);
    if (!by)
        return ctx.fail(by.error(), InvalidInput);
    r.performedBy = *by;
    if (p.isSet(u"name"_s))
        r.name = p.value(u"name"_s);
    if (p.isSet(u"goal"_s))
        r.goal = p.value(u"goal"_s);
    // An empty name: the logbook gives the one the app gives.

    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto verdict = logbook->checkRegimen(r);
    if (!verdict)
        return ctx.fail(verdict.error(), InvalidInput);
    printVerdict(*verdict, ctx.rules, ctx.err);
    if (verdict->severity == Severity::Refuse) {
        ctx.err << "not planned" << Qt::endl;
        return Refused;
    }
    return printNewId(ctx, logbook->addRegimen(r));
}

static int runPlanList(const QCommandLineParser& p, Context& ctx) {
    return printList(
        p, ctx, [&](Logbook& logbook) { return logbook.regimens(p.isSet(u"all"_s)); },
        io::regimenToJson,
        [](const Regimen& r) {
            return QStringLiteral("%1  %2: %3 %4 every %5 days from %6, %7, by %8%9")
                .arg(QString::number(r.id).rightJustified(4), r.name, r.area, r.needle.toString())
                .arg(r.everyDays)
                .arg(r.start.toString(Qt::ISODate), weeksText(r.weeks), performerId(r.performedBy),
                     r.endedOn ? QStringLiteral(" (ended %1)").arg(r.endedOn->toString(Qt::ISODate))
                               : QString());
        },
        u"No regimens. Add one with 'plan add' (see 'templates')."_s);
}

static Status findRegimen(const Logbook& logbook, qint64 id) {
    return logbook.regimen(id).andThen(success);
}

static int runPlanEnd(const QCommandLineParser& p, Context& ctx) {
    const auto date = dateOptionOr(p, u"date"_s, ctx.today);
    if (!date)
        return ctx.fail(date.error(), InvalidInput);
    return actOnExisting(p, ctx, u"plan list"_s, findRegimen, [&](Logbook& logbook, qint64 id) {
        return logbook.endRegimen(id, *date);
    });
}

static int runPlanRemove(const QCommandLineParser& p, Context& ctx) {
    return actOnExisting(p, ctx, u"plan list"_s, findRegimen,
                         [](Logbook& logbook, qint64 id) { return logbook.removeRegimen(id); });
}

static int runTemplates(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    printItems(
        ctx, *format, ctx.rules.templates(),
        [](const RegimenTemplate& t) {
            return QJsonObject{{u"id"_s, t.id},
                               {u"name"_s, t.name},
                               {u"area"_s, t.area},
                               {u"needle_mm"_s, t.needle.millimetres()},
                               {u"every_days"_s, t.everyDays},
                               {u"weeks"_s, t.weeks ? QJsonValue(*t.weeks) : QJsonValue()},
                               {u"performed_by"_s, performerId(t.performedBy)},
                               {u"goal"_s, t.goal},
                               {u"sources"_s, QJsonArray::fromStringList(t.sources)}};
        },
        [&](const RegimenTemplate& t) {
            return QStringLiteral("%1\n    %2: %3, every %4 days, %5, by %6 (%7)")
                .arg(t.id, t.name, QStringLiteral("%1 %2").arg(t.area, t.needle.toString()))
                .arg(t.everyDays)
                .arg(weeksText(t.weeks), performerId(t.performedBy),
                     ctx.rules.sourceNames(t.sources));
        },
        u"No templates."_s);
    return Ok;
}

static int runSchedule(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"html"_s, u"pdf"_s, u"ics"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    std::optional<QTime> reminder = QTime(9, 0);
    if (p.isSet(u"reminder"_s)) {
        const QTime at = QTime::fromString(p.value(u"reminder"_s), QStringLiteral("HH:mm"));
        if (!at.isValid())
            return ctx.fail(
                Error::inField(
                    u"--reminder"_s,
                    QStringLiteral("'%1' is not a time (use HH:MM)").arg(p.value(u"reminder"_s))),
                InvalidInput);
        reminder = at;
    }
    if (p.isSet(u"no-reminder"_s))
        reminder.reset();
    if (*format == u"pdf" && !p.isSet(u"output"_s))
        return ctx.fail(
            Error::inField(u"--output"_s, QStringLiteral("a PDF needs a file: give --output FILE")),
            InvalidInput);
    QDate from;
    QDate to;
    if (p.isSet(u"week"_s)) {
        if (p.isSet(u"from"_s) || p.isSet(u"to"_s))
            return ctx.fail(QStringLiteral("--week and --from/--to: give one or the other"),
                            InvalidInput);
        const auto week = IsoWeek::parse(p.value(u"week"_s), u"--week"_s);
        if (!week)
            return ctx.fail(week.error(), InvalidInput);
        from = week->monday();
        to = week->sunday();
    } else if (p.isSet(u"from"_s) && p.isSet(u"to"_s)) {
        const auto f = dateOption(p, u"from"_s);
        if (!f)
            return ctx.fail(f.error(), InvalidInput);
        const auto t = dateOption(p, u"to"_s);
        if (!t)
            return ctx.fail(t.error(), InvalidInput);
        if (*t < *f || f->daysTo(*t) > 366)
            return ctx.fail(
                Error::inField(
                    u"--to"_s,
                    QStringLiteral("must be on or after --from and within a year of it")),
                InvalidInput);
        from = *f;
        to = *t;
    } else if (p.isSet(u"from"_s) || p.isSet(u"to"_s)) {
        return ctx.fail(QStringLiteral("give both --from and --to (or --week YYYY-Www)"),
                        InvalidInput);
    } else { // this week, like the app's Print
        const IsoWeek week = IsoWeek::containing(ctx.today);
        from = week.monday();
        to = week.sunday();
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (*format == u"ics") {
        const auto ics = logbook->calendar(from, to, reminder);
        if (!ics)
            return ctx.fail(ics.error(),
                            ics.error().file.isEmpty() ? InvalidInput : RuntimeFailure);
        return writeOutput(p, *ics, ctx);
    }
    const auto schedule = logbook->schedule(from, to);
    if (!schedule)
        return ctx.fail(schedule.error(), RuntimeFailure);
    const QLocale locale;
    if (*format == u"pdf" && p.isSet(u"output"_s))
        if (const auto allowed = LogbookFile::refuseOwnFiles(p.value(u"output"_s), ctx.dbPath());
            !allowed)
            return ctx.fail(
                Error::at(p.value(u"output"_s), 0, u"--output"_s, allowed.error().message),
                InvalidInput);
    if (*format == u"pdf") {
        print::PrintOptions options;
        options.title = p.value(u"title"_s);
        if (const auto written =
                pdf::writeSchedule(*schedule, ctx.rules, options, p.value(u"output"_s));
            !written)
            return ctx.fail(written.error(), RuntimeFailure);
        return Ok;
    }
    const QString text = *format == u"html" ? print::scheduleHtml(*schedule, ctx.rules,
                                                                  {p.value(u"title"_s), locale})
                                            : renderScheduleText(*schedule, ctx.rules, locale);
    return writeOutput(p, text.toUtf8(), ctx);
}

QList<Command> planCommands() {
    return {
        {QStringLiteral("plan add"),
         QStringLiteral(
             "Add a regimen (area, needle, cadence); cadences below the minimum are refused."),
         {{u"template"_s,
           QStringLiteral("Start from a template (see 'templates'); other flags override it."),
           u"NAME"_s},
          {u"name"_s, QStringLiteral("A name for the regimen."), u"TEXT"_s},
          {u"area"_s, QStringLiteral("Area: face, neck, scalp or body."), u"AREA"_s},
          zoneFlag(QStringLiteral("Zone within the area; repeat or comma-separate.")),
          {u"needle"_s, QStringLiteral("Needle length in millimetres."), u"MM"_s},
          {u"every"_s, QStringLiteral("Cadence: days between sessions."), u"DAYS"_s},
          dayFlag(u"start"_s, QStringLiteral("First day (default: today).")),
          {u"weeks"_s, QStringLiteral("Length in weeks (default: ongoing)."), u"N"_s},
          performerFlag(QStringLiteral("self (default) or professional.")),
          {u"goal"_s, QStringLiteral("What it is for."), u"TEXT"_s}},
         {},
         runPlanAdd},
        {QStringLiteral("plan list"),
         QStringLiteral("List regimens."),
         {{u"all"_s, QStringLiteral("Include ended regimens.")}, formatFlag()},
         {},
         runPlanList},
        {QStringLiteral("plan end"),
         QStringLiteral("End a regimen (its history stays)."),
         {dayFlag(u"date"_s, QStringLiteral("Last day (default: today)."))},
         {idPositional(u"regimen"_s, u"plan list"_s)},
         runPlanEnd},
        {QStringLiteral("plan remove"),
         QStringLiteral("Delete a regimen (logged sessions are kept)."),
         {},
         {idPositional(u"regimen"_s, u"plan list"_s)},
         runPlanRemove},
        {QStringLiteral("templates"),
         QStringLiteral("List the regimen templates, with their sources."),
         {formatFlag()},
         {},
         runTemplates},
        {QStringLiteral("schedule"),
         QStringLiteral("The schedule of a week or a range: planned sessions and aftercare."),
         {{u"week"_s, QStringLiteral("An ISO week, e.g. 2026-W48 (default: this week)."),
           u"YYYY-Www"_s},
          dayFlag(u"from"_s, QStringLiteral("First day of a range.")),
          dayFlag(u"to"_s, QStringLiteral("Last day of a range.")),
          formatFlag(QStringLiteral("text (default), html, pdf or ics.")),
          outputFlag(),
          {u"reminder"_s,
           QStringLiteral("ics: a reminder at this time on the day (default 09:00)."), u"HH:MM"_s},
          {u"no-reminder"_s, QStringLiteral("ics: no reminders.")},
          {u"title"_s, QStringLiteral("A name or title printed at the top (html, pdf)."),
           u"TEXT"_s}},
         {},
         runSchedule},
    };
}

} // namespace dermaplan::cli
