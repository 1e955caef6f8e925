// dermaplan-cli stats: how it is going over a period, the figures the Insights page charts.
#include "Commands.h"

#include "logbook/Logbook.h"
#include "logbook/Stats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

QJsonValue orNull(const std::optional<double>& v) {
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject statsJson(const Stats& s) {
    QJsonArray weeks, reactions, regimens, devices;
    for (const WeekFigures& w : s.weeks)
        weeks.append(
            QJsonObject{{u"week"_s, w.week.toString(Qt::ISODate)},
                        {u"area"_s, w.area},
                        {u"sessions"_s, w.sessions},
                        {u"refused"_s, w.overridden},
                        {u"pain_mean"_s, orNull(w.meanPain)},
                        {u"pain_max"_s, w.maxPain ? QJsonValue(*w.maxPain) : QJsonValue()}});
    for (const ReactionFigures& r : s.reactions)
        reactions.append(QJsonObject{{u"week"_s, r.week.toString(Qt::ISODate)},
                                     {u"state"_s, r.state},
                                     {u"answers"_s, r.answers}});
    for (const RegimenFigures& r : s.regimens) {
        QJsonArray byWeek;
        for (const RegimenWeek& w : r.weeks)
            byWeek.append(QJsonObject{{u"week"_s, w.week.toString(Qt::ISODate)},
                                      {u"planned"_s, w.planned},
                                      {u"done"_s, w.done},
                                      {u"too_soon"_s, w.tooSoon}});
        regimens.append(QJsonObject{{u"id"_s, r.regimen.id},
                                    {u"name"_s, r.regimen.name},
                                    {u"area"_s, r.regimen.area},
                                    {u"planned"_s, r.expected},
                                    {u"done"_s, r.done},
                                    {u"missed"_s, r.missed},
                                    {u"too_soon"_s, r.tooSoon},
                                    {u"weeks"_s, byWeek}});
    }
    for (const DeviceStatus& d : s.devices)
        devices.append(QJsonObject{{u"id"_s, d.state.device.id},
                                   {u"name"_s, d.state.device.name},
                                   {u"uses"_s, d.state.usesSoFar},
                                   {u"use_limit"_s, d.useLimit},
                                   {u"status"_s, deviceLevelId(d.level)}});
    const QString period = s.period == StatsPeriod::Week    ? u"week"_s
                           : s.period == StatsPeriod::Month ? u"month"_s
                                                            : u"year"_s;
    return QJsonObject{{u"from"_s, s.from.toString(Qt::ISODate)},
                       {u"by"_s, period},
                       {u"to"_s, s.to.toString(Qt::ISODate)},
                       {u"area"_s, s.area.isEmpty() ? QJsonValue() : QJsonValue(s.area)},
                       {u"sessions"_s, s.sessions},
                       {u"weeks"_s, weeks},
                       {u"reactions"_s, reactions},
                       {u"regimens"_s, regimens},
                       {u"devices"_s, devices}};
}

// One figure a row (figure, week, area, key, value): ids and dates only, no free text to quote.
QByteArray statsCsv(const Stats& s) {
    QByteArray out = "figure,week,area,key,value\r\n";
    const auto row = [&](const char* figure, QDate week, const QString& area, const QString& key,
                         const QString& value) {
        out += QStringLiteral("%1,%2,%3,%4,%5\r\n")
                   .arg(QLatin1StringView(figure),
                        week.isValid() ? week.toString(Qt::ISODate) : QString(), area, key, value)
                   .toUtf8();
    };
    for (const WeekFigures& w : s.weeks) {
        row("sessions", w.week, w.area, {}, QString::number(w.sessions));
        row("refused", w.week, w.area, {}, QString::number(w.overridden));
        if (w.meanPain) {
            row("pain_mean", w.week, w.area, {}, QString::number(*w.meanPain, 'f', 2));
            row("pain_max", w.week, w.area, {}, QString::number(*w.maxPain));
        }
    }
    for (const ReactionFigures& r : s.reactions)
        row("reaction", r.week, {}, r.state, QString::number(r.answers));
    for (const RegimenFigures& r : s.regimens) {
        const QString id = QString::number(r.regimen.id);
        row("regimen_planned", {}, r.regimen.area, id, QString::number(r.expected));
        row("regimen_done", {}, r.regimen.area, id, QString::number(r.done));
        row("regimen_missed", {}, r.regimen.area, id, QString::number(r.missed));
        row("regimen_too_soon", {}, r.regimen.area, id, QString::number(r.tooSoon));
        for (const RegimenWeek& w : r.weeks) {
            row("regimen_week_planned", w.week, r.regimen.area, id, QString::number(w.planned));
            row("regimen_week_done", w.week, r.regimen.area, id, QString::number(w.done));
        }
    }
    for (const DeviceStatus& d : s.devices) {
        const QString id = QString::number(d.state.device.id);
        row("device_uses", {}, {}, id, QString::number(d.state.usesSoFar));
        row("device_use_limit", {}, {}, id, QString::number(d.useLimit));
    }
    return out;
}

QString statsText(const Stats& s, const RuleBook& rules) {
    const QLocale c = QLocale::c();
    QString out =
        QStringLiteral("%1 to %2, %3: %4 %5\n")
            .arg(s.from.toString(Qt::ISODate), s.to.toString(Qt::ISODate),
                 s.area.isEmpty() ? QStringLiteral("every area") : s.area)
            .arg(s.sessions)
            .arg(s.sessions == 1 ? QStringLiteral("session") : QStringLiteral("sessions"));
    if (!s.weeks.isEmpty()) {
        out += (s.period == StatsPeriod::Week    ? QStringLiteral("\nweek of   ")
                : s.period == StatsPeriod::Month ? QStringLiteral("\nmonth of  ")
                                                 : QStringLiteral("\nyear of   ")) +
               QStringLiteral("  area   sessions  refused  pain (mean, max)\n");
        for (const WeekFigures& w : s.weeks)
            out += QStringLiteral("%1  %2 %3 %4 %5\n")
                       .arg(w.week.toString(Qt::ISODate), w.area.leftJustified(6),
                            QString::number(w.sessions).leftJustified(9),
                            QString::number(w.overridden).leftJustified(8),
                            w.meanPain ? QStringLiteral("%1, %2")
                                             .arg(c.toString(*w.meanPain, 'f', 1))
                                             .arg(*w.maxPain)
                                       : QStringLiteral("-"));
    }
    if (!s.reactions.isEmpty()) {
        out += QStringLiteral("\nfollow-up answers\n");
        for (const ReactionFigures& r : s.reactions) {
            const ReactionState* state = rules.followUp().state(r.state);
            out += QStringLiteral("%1  %2: %3\n")
                       .arg(r.week.toString(Qt::ISODate), state ? state->label : r.state)
                       .arg(r.answers);
        }
    }
    if (!s.regimens.isEmpty()) {
        out += QStringLiteral("\nregimens (planned days so far, sessions, missed, too soon)\n");
        for (const RegimenFigures& r : s.regimens)
            // One arg() for all: a name with "%3" in it stays as it is.
            out += QStringLiteral("%1  %2: %3 planned, %4 done, %5 missed, %6 too soon\n")
                       .arg(QString::number(r.regimen.id).rightJustified(4), r.regimen.name,
                            QString::number(r.expected), QString::number(r.done),
                            QString::number(r.missed), QString::number(r.tooSoon));
    }
    if (!s.devices.isEmpty()) {
        out += QStringLiteral("\ndevices\n");
        for (const DeviceStatus& d : s.devices)
            out += QStringLiteral("%1  %2: %3 of %4 uses (%5)\n")
                       .arg(QString::number(d.state.device.id).rightJustified(4),
                            d.state.device.name, QString::number(d.state.usesSoFar),
                            QString::number(d.useLimit), deviceStatusText(d, c));
    }
    return out;
}

} // namespace

static int runStats(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s, u"csv"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    const auto to = dateOptionOr(p, u"to"_s, ctx.today);
    if (!to)
        return ctx.fail(to.error(), InvalidInput);
    const auto from = dateOptionOr(p, u"from"_s, to->addDays(-83)); // twelve weeks
    if (!from)
        return ctx.fail(from.error(), InvalidInput);
    StatsPeriod period = StatsPeriod::Week;
    if (p.isSet(u"by"_s)) {
        const QString by = p.value(u"by"_s).trimmed();
        if (by == u"month")
            period = StatsPeriod::Month;
        else if (by == u"year")
            period = StatsPeriod::Year;
        else if (by != u"week")
            return ctx.fail(Error::inField(u"--by"_s, QStringLiteral("\"%1\" is not week, month "
                                                                     "or year")
                                                          .arg(by)),
                            InvalidInput);
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto stats = logbook->stats(*from, *to, p.value(u"area"_s), period);
    if (!stats) {
        const Error& e = stats.error();
        return ctx.fail(asOptionError(e), e.field.isEmpty() ? RuntimeFailure : InvalidInput);
    }
    if (*format == u"json")
        ctx.out << QString::fromUtf8(QJsonDocument(statsJson(*stats)).toJson());
    else if (*format == u"csv")
        ctx.out << QString::fromUtf8(statsCsv(*stats));
    else
        ctx.out << statsText(*stats, ctx.rules);
    return Ok;
}

QList<Command> statsCommands() {
    return {
        {QStringLiteral("stats"),
         QStringLiteral(
             "How it is going: sessions, pain and reactions per week, regimens, devices."),
         {dayFlag(u"from"_s, QStringLiteral("First day (default: twelve weeks before --to).")),
          dayFlag(u"to"_s, QStringLiteral("Last day (default: today).")),
          {u"area"_s, QStringLiteral("Only this area."), u"AREA"_s},
          {u"by"_s, QStringLiteral("Group by week (default), month or year."), u"PERIOD"_s},
          formatFlag(QStringLiteral("text (default), json or csv."))},
         {},
         runStats},
    };
}

} // namespace dermaplan::cli
