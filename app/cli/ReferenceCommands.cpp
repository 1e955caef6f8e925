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
        ctx.out << QString::fromUtf8(
            QJsonDocument(rulesJson(ctx.rules)).toJson(QJsonDocument::Indented));
    else
        ctx.out << rulesMarkdown(ctx.rules);
    return Ok;
}

static int runAreas(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    QJsonArray arr;
    for (const Area& a : ctx.rules.areas()) {
        QJsonArray zones;
        QStringList zoneIds;
        for (const Zone& z : a.zones) {
            zones.append(QJsonObject{{u"id"_s, z.id}, {u"name"_s, z.name}});
            zoneIds << z.id;
        }
        QJsonArray tips;
        for (const Advice& tip : a.tips)
            tips.append(QJsonObject{{u"text"_s, tip.text},
                                    {u"sources"_s, QJsonArray::fromStringList(tip.sources)}});
        arr.append(QJsonObject{
            {u"id"_s, a.id}, {u"name"_s, a.name}, {u"zones"_s, zones}, {u"tips"_s, tips}});
        if (*format == u"text")
            ctx.out << a.id << ": "
                    << (zoneIds.isEmpty() ? QStringLiteral("(no zones)")
                                          : zoneIds.join(QStringLiteral(", ")))
                    << '\n';
    }
    if (*format == u"json")
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    return Ok;
}

QList<Command> referenceCommands() {
    return {
        {QStringLiteral("rules"),
         QStringLiteral("The safety rules in plain words, with their sources."),
         {{u"format"_s, QStringLiteral("text (default), json or markdown."), u"FORMAT"_s}},
         {},
         runRules},
        {QStringLiteral("areas"),
         QStringLiteral("The treatment areas and their zones."),
         {{u"format"_s, QStringLiteral("text (default) or json."), u"FORMAT"_s}},
         {},
         runAreas},
    };
}

} // namespace dermaplan::cli
