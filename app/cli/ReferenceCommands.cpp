// dermaplan-cli rules and areas: the reference data, with sources.
#include "Commands.h"

#include "rules/RuleBookText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

static int runRules(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s, u"markdown"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    if (*format == u"json")
        printJson(ctx, QJsonDocument(rulesJson(ctx.rules)));
    else
        ctx.out << rulesMarkdown(ctx.rules);
    return Ok;
}

static int runAreas(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    printItems(
        ctx, *format, ctx.rules.areas(),
        [](const Area& a) {
            QJsonArray zones;
            for (const Zone& z : a.zones)
                zones.append(QJsonObject{{u"id"_s, z.id}, {u"name"_s, z.name}});
            QJsonArray tips;
            for (const Advice& tip : a.tips)
                tips.append(QJsonObject{{u"text"_s, tip.text},
                                        {u"sources"_s, QJsonArray::fromStringList(tip.sources)}});
            return QJsonObject{
                {u"id"_s, a.id}, {u"name"_s, a.name}, {u"zones"_s, zones}, {u"tips"_s, tips}};
        },
        [](const Area& a) {
            QStringList zoneIds;
            for (const Zone& z : a.zones)
                zoneIds << z.id;
            return QStringLiteral("%1: %2").arg(
                a.id, zoneIds.isEmpty() ? QStringLiteral("(no zones)") : zoneIds.join(u", "_s));
        },
        u"No areas."_s);
    return Ok;
}

QList<Command> referenceCommands() {
    return {
        {QStringLiteral("rules"),
         QStringLiteral("The safety rules in plain words, with their sources."),
         {formatFlag(QStringLiteral("text (default), json or markdown."))},
         {},
         runRules},
        {QStringLiteral("areas"),
         QStringLiteral("The treatment areas and their zones."),
         {formatFlag()},
         {},
         runAreas},
    };
}

} // namespace dermaplan::cli
