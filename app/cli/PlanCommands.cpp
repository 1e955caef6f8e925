// dermaplan-cli plan add|list|end|remove, templates, schedule.
#include "Commands.h"
#include "PdfOutput.h"

#include "domain/IsoWeek.h"
#include "io/CalendarExport.h"
#include "io/JsonFormat.h"
#include "logbook/Logbook.h"
#include "planning/PosterHtml.h"
#include "planning/ScheduleText.h"
#include "planning/WeeklySchedule.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace dermaplan::cli {

namespace {

Result<qint64> idArgument(const QCommandLineParser& p) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 1)
        return Error::inField(QStringLiteral("ID"), QStringLiteral("give exactly one id"));
    bool ok = false;
    const qint64 id = args.constFirst().toLongLong(&ok);
    if (!ok || id < 1)
        return Error::inField(QStringLiteral("ID"),
                              QStringLiteral("'%1' is not an id").arg(args.constFirst()));
    return id;
}

QString weeksText(const std::optional<int>& weeks) {
    return weeks ? QStringLiteral("%1 weeks").arg(*weeks) : QStringLiteral("ongoing");
}

} // namespace

QString PlanAddCommand::name() const {
    return QStringLiteral("plan add");
}
QString PlanAddCommand::description() const {
    return QStringLiteral(
        "Add a regimen (area, needle, cadence); cadences below the minimum are refused.");
}

void PlanAddCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("template"),
         QStringLiteral("Start from a template (see 'templates'); other flags override it."),
         opt("NAME")},
        {opt("name"), QStringLiteral("A name for the regimen."), opt("TEXT")},
        {opt("area"), QStringLiteral("Area: face, neck, scalp or body."), opt("AREA")},
        {opt("zone"), QStringLiteral("Zone within the area; repeat or comma-separate."),
         opt("ZONE")},
        {opt("needle"), QStringLiteral("Needle length in millimetres."), opt("MM")},
        {opt("every"), QStringLiteral("Cadence: days between sessions."), opt("DAYS")},
        {opt("start"), QStringLiteral("First day (default: today)."), opt("YYYY-MM-DD")},
        {opt("weeks"), QStringLiteral("Length in weeks (default: ongoing)."), opt("N")},
        {opt("by"), QStringLiteral("self (default) or professional."), opt("WHO")},
        {opt("goal"), QStringLiteral("What it is for."), opt("TEXT")},
    });
}

int PlanAddCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    Regimen r;
    r.start = ctx.today;
    if (p.isSet(opt("template"))) {
        const RegimenTemplate* t = ctx.rules.regimenTemplate(p.value(opt("template")));
        if (!t) {
            QStringList ids;
            for (const RegimenTemplate& known : ctx.rules.templates())
                ids << known.id;
            return ctx.fail(
                Error::inField(opt("--template"),
                               QStringLiteral("'%1' is not a template (use one of: %2)")
                                   .arg(p.value(opt("template")), ids.join(QStringLiteral(", ")))),
                InvalidInput);
        }
        r = regimenFromTemplate(*t, ctx.today);
    }
    if (p.isSet(opt("area")))
        r.area = p.value(opt("area"));
    if (r.area.isEmpty())
        return ctx.fail(
            Error::inField(opt("--area"), QStringLiteral("is required (or give --template)")),
            InvalidInput);
    if (p.isSet(opt("zone"))) {
        r.zones.clear();
        for (const QString& z : p.values(opt("zone")))
            for (const QString& part : z.split(u',', Qt::SkipEmptyParts))
                r.zones << part.trimmed();
    }
    if (const auto place = ctx.rules.validatePlace(r.area, r.zones); !place)
        return ctx.fail(
            Error::inField(QStringLiteral("--") + place.error().field, place.error().message),
            InvalidInput);
    if (p.isSet(opt("needle"))) {
        const auto n = NeedleLength::parse(p.value(opt("needle")), opt("--needle"));
        if (!n)
            return ctx.fail(n.error(), InvalidInput);
        r.needle = *n;
    } else if (r.templateId.isEmpty()) {
        return ctx.fail(Error::inField(opt("--needle"), QStringLiteral("is required")),
                        InvalidInput);
    }
    if (const auto ok = ctx.rules.needle(r.needle, opt("--needle")); !ok)
        return ctx.fail(ok.error(), InvalidInput);
    if (p.isSet(opt("every"))) {
        const auto every = intOption(p, opt("every"), 1, 3650);
        if (!every)
            return ctx.fail(every.error(), InvalidInput);
        r.everyDays = *every;
    } else if (r.templateId.isEmpty()) {
        return ctx.fail(Error::inField(opt("--every"), QStringLiteral("is required")),
                        InvalidInput);
    }
    if (p.isSet(opt("start"))) {
        const auto d = dateOption(p, opt("start"));
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        r.start = *d;
    }
    if (p.isSet(opt("weeks"))) {
        const auto w = intOption(p, opt("weeks"), 1, 520);
        if (!w)
            return ctx.fail(w.error(), InvalidInput);
        r.weeks = *w;
    }
    if (p.isSet(opt("by"))) {
        const auto by = parsePerformer(p.value(opt("by")), opt("--by"));
        if (!by)
            return ctx.fail(by.error(), InvalidInput);
        r.performedBy = *by;
    }
    if (p.isSet(opt("name")))
        r.name = p.value(opt("name"));
    if (p.isSet(opt("goal")))
        r.goal = p.value(opt("goal"));
    if (r.name.isEmpty())
        r.name =
            QStringLiteral("%1 %2 every %3 days").arg(r.area, r.needle.toString()).arg(r.everyDays);

    const auto verdict = checkRegimen(r, ctx.rules);
    if (!verdict)
        return ctx.fail(verdict.error(), InvalidInput);
    printVerdict(*verdict, ctx.rules, ctx.err);
    if (verdict->severity == Severity::Refuse) {
        ctx.err << "not planned" << Qt::endl;
        return Refused;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto id = logbook->addRegimen(r);
    if (!id)
        return ctx.fail(id.error(), RuntimeFailure);
    ctx.out << *id << Qt::endl;
    return Ok;
}

QString PlanListCommand::name() const {
    return QStringLiteral("plan list");
}
QString PlanListCommand::description() const {
    return QStringLiteral("List regimens.");
}

void PlanListCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({{opt("all"), QStringLiteral("Include ended regimens.")},
                  {opt("format"), QStringLiteral("text (default) or json."), opt("FORMAT")}});
}

int PlanListCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("text"), opt("json")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto regimens = logbook->regimens(p.isSet(opt("all")));
    if (!regimens)
        return ctx.fail(regimens.error(), RuntimeFailure);
    if (*format == u"json") {
        QJsonArray arr;
        for (const Regimen& r : *regimens)
            arr.append(io::regimenToJson(r));
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (regimens->isEmpty())
        ctx.out << "No regimens. Add one with 'plan add' (see 'templates').\n";
    for (const Regimen& r : *regimens)
        ctx.out << QStringLiteral("%1  %2: %3 %4 every %5 days from %6, %7, by %8%9\n")
                       .arg(QString::number(r.id).rightJustified(4), r.name, r.area,
                            r.needle.toString())
                       .arg(r.everyDays)
                       .arg(
                           r.start.toString(Qt::ISODate), weeksText(r.weeks),
                           performerId(r.performedBy),
                           r.endedOn
                               ? QStringLiteral(" (ended %1)").arg(r.endedOn->toString(Qt::ISODate))
                               : QString());
    return Ok;
}

QString PlanEndCommand::name() const {
    return QStringLiteral("plan end");
}
QString PlanEndCommand::description() const {
    return QStringLiteral("End a regimen (its history stays).");
}
void PlanEndCommand::addOptions(QCommandLineParser& p) const {
    p.addOption({opt("date"), QStringLiteral("Last day (default: today)."), opt("YYYY-MM-DD")});
}
QList<QPair<QString, QString>> PlanEndCommand::positionals() const {
    return {{QStringLiteral("ID"), QStringLiteral("The regimen's id (see 'plan list').")}};
}

int PlanEndCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto id = idArgument(p);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    QDate date = ctx.today;
    if (p.isSet(opt("date"))) {
        const auto d = dateOption(p, opt("date"));
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        date = *d;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (!logbook->regimen(*id))
        return ctx.fail(
            Error::inField(QStringLiteral("ID"), QStringLiteral("no regimen with id %1").arg(*id)),
            InvalidInput);
    if (const auto done = logbook->endRegimen(*id, date); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    return Ok;
}

QString PlanRemoveCommand::name() const {
    return QStringLiteral("plan remove");
}
QString PlanRemoveCommand::description() const {
    return QStringLiteral("Delete a regimen (logged sessions are kept).");
}
QList<QPair<QString, QString>> PlanRemoveCommand::positionals() const {
    return {{QStringLiteral("ID"), QStringLiteral("The regimen's id (see 'plan list').")}};
}

int PlanRemoveCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto id = idArgument(p);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (!logbook->regimen(*id))
        return ctx.fail(
            Error::inField(QStringLiteral("ID"), QStringLiteral("no regimen with id %1").arg(*id)),
            InvalidInput);
    if (const auto done = logbook->removeRegimen(*id); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    return Ok;
}

QString TemplatesCommand::name() const {
    return QStringLiteral("templates");
}
QString TemplatesCommand::description() const {
    return QStringLiteral("List the regimen templates, with their sources.");
}
void TemplatesCommand::addOptions(QCommandLineParser& p) const {
    p.addOption({opt("format"), QStringLiteral("text (default) or json."), opt("FORMAT")});
}

int TemplatesCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("text"), opt("json")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    QJsonArray arr;
    for (const RegimenTemplate& t : ctx.rules.templates()) {
        arr.append(QJsonObject{{opt("id"), t.id},
                               {opt("name"), t.name},
                               {opt("area"), t.area},
                               {opt("needle_mm"), t.needle.millimetres()},
                               {opt("every_days"), t.everyDays},
                               {opt("weeks"), t.weeks ? QJsonValue(*t.weeks) : QJsonValue()},
                               {opt("performed_by"), performerId(t.performedBy)},
                               {opt("goal"), t.goal},
                               {opt("sources"), QJsonArray::fromStringList(t.sources)}});
        if (*format == u"text")
            ctx.out << QStringLiteral("%1\n    %2: %3, every %4 days, %5, by %6 (%7)\n")
                           .arg(t.id, t.name,
                                QStringLiteral("%1 %2").arg(t.area, t.needle.toString()))
                           .arg(t.everyDays)
                           .arg(weeksText(t.weeks), performerId(t.performedBy),
                                ctx.rules.sourceNames(t.sources));
    }
    if (*format == u"json")
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    return Ok;
}

QString ScheduleCommand::name() const {
    return QStringLiteral("schedule");
}
QString ScheduleCommand::description() const {
    return QStringLiteral("The schedule of a week or a range: planned sessions and aftercare.");
}

void ScheduleCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("week"), QStringLiteral("An ISO week, e.g. 2026-W48 (default: this week)."),
         opt("YYYY-Www")},
        {opt("from"), QStringLiteral("First day of a range."), opt("YYYY-MM-DD")},
        {opt("to"), QStringLiteral("Last day of a range."), opt("YYYY-MM-DD")},
        {opt("format"), QStringLiteral("text (default), html, pdf or ics."), opt("FORMAT")},
        {opt("output"), QStringLiteral("Write to FILE instead of standard output."), opt("FILE")},
        {opt("reminder"),
         QStringLiteral("ics: a reminder at this time on the day (default 09:00)."), opt("HH:MM")},
        {opt("no-reminder"), QStringLiteral("ics: no reminders.")},
        {opt("title"), QStringLiteral("A name or title printed at the top (html, pdf)."),
         opt("TEXT")},
    });
}

int ScheduleCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("text"), opt("html"), opt("pdf"), opt("ics")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    std::optional<QTime> reminder = QTime(9, 0);
    if (p.isSet(opt("reminder"))) {
        const QTime at = QTime::fromString(p.value(opt("reminder")), QStringLiteral("HH:mm"));
        if (!at.isValid())
            return ctx.fail(
                Error::inField(
                    opt("--reminder"),
                    QStringLiteral("'%1' is not a time (use HH:MM)").arg(p.value(opt("reminder")))),
                InvalidInput);
        reminder = at;
    }
    if (p.isSet(opt("no-reminder")))
        reminder.reset();
    if (*format == u"pdf" && !p.isSet(opt("output")))
        return ctx.fail(Error::inField(opt("--output"),
                                       QStringLiteral("a PDF needs a file: give --output FILE")),
                        InvalidInput);
    QDate from;
    QDate to;
    if (p.isSet(opt("week"))) {
        if (p.isSet(opt("from")) || p.isSet(opt("to")))
            return ctx.fail(QStringLiteral("--week and --from/--to: give one or the other"),
                            InvalidInput);
        const auto week = IsoWeek::parse(p.value(opt("week")), opt("--week"));
        if (!week)
            return ctx.fail(week.error(), InvalidInput);
        from = week->monday();
        to = week->sunday();
    } else if (p.isSet(opt("from")) && p.isSet(opt("to"))) {
        const auto f = dateOption(p, opt("from"));
        if (!f)
            return ctx.fail(f.error(), InvalidInput);
        const auto t = dateOption(p, opt("to"));
        if (!t)
            return ctx.fail(t.error(), InvalidInput);
        if (*t < *f || f->daysTo(*t) > 366)
            return ctx.fail(
                Error::inField(
                    opt("--to"),
                    QStringLiteral("must be on or after --from and within a year of it")),
                InvalidInput);
        from = *f;
        to = *t;
    } else if (p.isSet(opt("from")) || p.isSet(opt("to"))) {
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
    if (*format == u"pdf" && p.isSet(opt("output")))
        if (const auto allowed = Database::refuseOwnFiles(p.value(opt("output")), ctx.dbPath());
            !allowed)
            return ctx.fail(
                Error::at(p.value(opt("output")), 0, opt("--output"), allowed.error().message),
                InvalidInput);
    if (*format == u"pdf") {
        print::PrintOptions options;
        options.title = p.value(opt("title"));
        if (const auto written =
                pdf::writeSchedule(*schedule, ctx.rules, options, p.value(opt("output")));
            !written)
            return ctx.fail(written.error(), RuntimeFailure);
        return Ok;
    }
    const QString text = *format == u"html" ? print::scheduleHtml(*schedule, ctx.rules,
                                                                  {p.value(opt("title")), locale})
                                            : renderScheduleText(*schedule, ctx.rules, locale);
    return writeOutput(p, text.toUtf8(), ctx);
}

} // namespace dermaplan::cli
