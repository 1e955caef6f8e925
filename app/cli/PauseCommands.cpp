// dermaplan-cli pause add|list|remove: days without sessions; the plan moves past them.
#include "Commands.h"

#include "logbook/Logbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

QJsonObject pauseJson(const Pause& p) {
    return QJsonObject{{u"id"_s, p.id},
                       {u"from"_s, p.from.toString(Qt::ISODate)},
                       {u"to"_s, p.to.toString(Qt::ISODate)},
                       {u"area"_s, p.area.isEmpty() ? QJsonValue() : QJsonValue(p.area)},
                       {u"reason"_s, p.reason}};
}

} // namespace

static int runPauseAdd(const QCommandLineParser& p, Context& ctx) {
    Pause pause;
    for (const auto& [option, day] : {std::pair{u"from"_s, &pause.from}, {u"to"_s, &pause.to}}) {
        if (!p.isSet(option))
            return ctx.fail(Error::inField(u"--"_s + option, QStringLiteral("is required")),
                            InvalidInput);
        const auto d = dateOption(p, option);
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        *day = *d;
    }
    pause.area = p.value(u"area"_s).trimmed();
    pause.reason = p.value(u"reason"_s);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto id = logbook->addPause(pause);
    if (!id) {
        const Error& e = id.error();
        return ctx.fail(asOptionError(e), e.field.isEmpty() ? RuntimeFailure : InvalidInput);
    }
    ctx.out << *id << Qt::endl;
    return Ok;
}

static int runPauseList(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto pauses = logbook->pauses(p.isSet(u"all"_s) ? QDate() : ctx.today);
    if (!pauses)
        return ctx.fail(pauses.error(), RuntimeFailure);
    if (*format == u"json") {
        QJsonArray arr;
        for (const Pause& pause : *pauses)
            arr.append(pauseJson(pause));
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (pauses->isEmpty()) {
        ctx.out << (p.isSet(u"all"_s) ? "No pauses.\n"
                                      : "No pause today or ahead (--all lists past ones).\n");
        return Ok;
    }
    for (const Pause& pause : *pauses) {
        const Area* area = ctx.rules.area(pause.area);
        ctx.out << QStringLiteral("%1  %2 to %3  %4%5\n")
                       .arg(QString::number(pause.id).rightJustified(4),
                            pause.from.toString(Qt::ISODate), pause.to.toString(Qt::ISODate),
                            area ? area->name : QStringLiteral("every area"),
                            pause.reason.isEmpty() ? QString() : u": "_s + pause.reason);
    }
    return Ok;
}

static int runPauseRemove(const QCommandLineParser& p, Context& ctx) {
    const auto id = idArgument(p, u"pause list"_s);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (const auto removed = logbook->removePause(*id); !removed)
        return ctx.fail(Error::inField(u"ID"_s, removed.error().message), InvalidInput);
    return Ok;
}

QList<Command> pauseCommands() {
    return {
        {QStringLiteral("pause add"),
         QStringLiteral("Days without sessions (a holiday, a procedure, an illness); the plan "
                        "moves past them."),
         {{u"from"_s, QStringLiteral("First day."), u"YYYY-MM-DD"_s},
          {u"to"_s, QStringLiteral("Last day."), u"YYYY-MM-DD"_s},
          {u"area"_s, QStringLiteral("Only this area (default: every area)."), u"AREA"_s},
          {u"reason"_s, QStringLiteral("Why, for you (shown on the schedule)."), u"TEXT"_s}},
         {},
         runPauseAdd},
        {QStringLiteral("pause list"),
         QStringLiteral("List the pauses today or ahead."),
         {{u"all"_s, QStringLiteral("Include past pauses.")},
          {u"format"_s, QStringLiteral("text (default) or json."), u"FORMAT"_s}},
         {},
         runPauseList},
        {QStringLiteral("pause remove"),
         QStringLiteral("Remove a pause; the plan goes back to its days."),
         {},
         {{QStringLiteral("ID"), QStringLiteral("The pause's id (see 'pause list').")}},
         runPauseRemove},
    };
}

} // namespace dermaplan::cli
