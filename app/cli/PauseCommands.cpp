// dermaplan-cli pause add|list|remove: days without sessions; the plan moves past them.
#include "Commands.h"

#include "logbook/Logbook.h"

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
            return ctx.fail(missingOption(option), InvalidInput);
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
    return printNewId(ctx, logbook->addPause(pause));
}

static int runPauseList(const QCommandLineParser& p, Context& ctx) {
    const bool all = p.isSet(u"all"_s);
    return printList(
        p, ctx, [&](Logbook& logbook) { return logbook.pauses(all ? QDate() : ctx.today); },
        pauseJson,
        [&](const Pause& pause) {
            return QStringLiteral("%1  %2 to %3  %4%5")
                .arg(QString::number(pause.id).rightJustified(4), pause.from.toString(Qt::ISODate),
                     pause.to.toString(Qt::ISODate),
                     pause.area.isEmpty() ? QStringLiteral("every area")
                                          : ctx.rules.areaName(pause.area),
                     pause.reason.isEmpty() ? QString() : u": "_s + pause.reason);
        },
        all ? u"No pauses."_s : u"No pause today or ahead (--all lists past ones)."_s);
}

static int runPauseRemove(const QCommandLineParser& p, Context& ctx) {
    return removeById(p, ctx, u"pause list"_s,
                      [](Logbook& logbook, qint64 id) { return logbook.removePause(id); });
}

QList<Command> pauseCommands() {
    return {
        {QStringLiteral("pause add"),
         QStringLiteral("Days without sessions (a holiday, a procedure, an illness); the plan "
                        "moves past them."),
         {dayFlag(u"from"_s, QStringLiteral("First day.")),
          dayFlag(u"to"_s, QStringLiteral("Last day.")),
          {u"area"_s, QStringLiteral("Only this area (default: every area)."), u"AREA"_s},
          {u"reason"_s, QStringLiteral("Why, for you (shown on the schedule)."), u"TEXT"_s}},
         {},
         runPauseAdd},
        {QStringLiteral("pause list"),
         QStringLiteral("List the pauses today or ahead."),
         {{u"all"_s, QStringLiteral("Include past pauses.")}, formatFlag()},
         {},
         runPauseList},
        {QStringLiteral("pause remove"),
         QStringLiteral("Remove a pause; the plan goes back to its days."),
         {},
         {idPositional(u"pause"_s, u"pause list"_s)},
         runPauseRemove},
    };
}

} // namespace dermaplan::cli
