// dermaplan-cli device add|list|clean|retire.
#include "Commands.h"

#include "domain/IsoDate.h"
#include "io/JsonFormat.h"
#include "logbook/Logbook.h"
#include "rules/RecordCheck.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

Status findDevice(const Logbook& logbook, qint64 id) {
    return logbook.device(id).andThen(success);
}

} // namespace

static int runDeviceAdd(const QCommandLineParser& p, Context& ctx) {
    Device d;
    d.name = p.value(u"name"_s).trimmed();
    if (d.name.isEmpty())
        return ctx.fail(missingOption(u"name"_s), InvalidInput);
    if (!p.isSet(u"needle"_s))
        return ctx.fail(missingOption(u"needle"_s), InvalidInput);
    const auto n = needleOption(p, u"needle"_s, ctx.rules);
    if (!n)
        return ctx.fail(n.error(), InvalidInput);
    d.needle = *n;
    if (p.isSet(u"count"_s)) {
        const auto c = intOption(p, u"count"_s, 1, 100000);
        if (!c)
            return ctx.fail(c.error(), InvalidInput);
        d.needleCount = *c;
    }
    if (p.isSet(u"kind"_s))
        d.kind = p.value(u"kind"_s);
    const auto firstUse = dateOptionOr(p, u"first-use"_s, QDate());
    if (!firstUse)
        return ctx.fail(firstUse.error(), InvalidInput);
    d.firstUse = *firstUse;
    // The device as input, in the logbook's words, before the database is opened.
    if (const auto valid = validateDevice(d, ctx.rules, ctx.today); !valid)
        return ctx.fail(asOptionError(valid.error()), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    return printNewId(ctx, logbook->addDevice(d));
}

static int runDeviceList(const QCommandLineParser& p, Context& ctx) {
    return printList(
        p, ctx, [&](Logbook& logbook) { return logbook.deviceStatuses(p.isSet(u"all"_s)); },
        [](const DeviceStatus& status) {
            QJsonObject o = io::deviceToJson(status.state.device);
            o.insert(u"uses"_s, status.state.usesSoFar);
            o.insert(u"use_limit"_s, status.useLimit);
            o.insert(u"last_cleaned"_s, status.state.lastCleaned
                                            ? QJsonValue(status.state.lastCleaned->toString(
                                                  QStringLiteral("yyyy-MM-ddTHH:mm")))
                                            : QJsonValue());
            o.insert(u"replace_by"_s, status.replaceBy.isValid()
                                          ? QJsonValue(status.replaceBy.toString(Qt::ISODate))
                                          : QJsonValue());
            o.insert(u"status"_s, deviceLevelId(status.level));
            o.insert(u"needs_cleaning"_s, status.needsCleaning);
            return o;
        },
        [](const DeviceStatus& status) {
            const Device& d = status.state.device;
            return QStringLiteral("%1  %2 (%3, %4): %5 of %6 uses, first used %7, last cleaned "
                                  "%8%9 [%10]")
                .arg(QString::number(d.id).rightJustified(4), d.name, d.kind, d.needle.toString())
                .arg(status.state.usesSoFar)
                .arg(status.useLimit)
                .arg(d.firstUse.isValid() ? d.firstUse.toString(Qt::ISODate)
                                          : QStringLiteral("never"),
                     status.state.lastCleaned
                         ? status.state.lastCleaned->toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QStringLiteral("never"),
                     status.replaceBy.isValid() ? QStringLiteral(", replace by %1")
                                                      .arg(status.replaceBy.toString(Qt::ISODate))
                                                : QString(),
                     deviceStatusText(status, QLocale::c()));
        },
        u"No devices. Add one with 'device add'."_s);
}

static int runDeviceClean(const QCommandLineParser& p, Context& ctx) {
    QDateTime when = QDateTime::currentDateTime();
    if (ctx.today != QDate::currentDate())
        when = QDateTime(ctx.today, QTime::currentTime());
    if (p.isSet(u"at"_s)) {
        const auto at = parseIsoMinute(p.value(u"at"_s), u"--at"_s);
        if (!at)
            return ctx.fail(at.error(), InvalidInput);
        when = *at;
    }
    const int code =
        actOnExisting(p, ctx, u"device list"_s, findDevice, [&](Logbook& logbook, qint64 id) {
            return logbook.recordCleaning(id, when);
        });
    if (code == Ok)
        for (const QString& step : ctx.rules.cleaningSteps())
            ctx.err << "  - " << step << '\n';
    return code;
}

static int runDeviceRetire(const QCommandLineParser& p, Context& ctx) {
    const auto date = dateOptionOr(p, u"date"_s, ctx.today);
    if (!date)
        return ctx.fail(date.error(), InvalidInput);
    return actOnExisting(p, ctx, u"device list"_s, findDevice, [&](Logbook& logbook, qint64 id) {
        return logbook.retireDevice(id, *date);
    });
}

QList<Command> deviceCommands() {
    return {
        {QStringLiteral("device add"),
         QStringLiteral("Add a roller, stamp or pen."),
         {{u"name"_s, QStringLiteral("What you call it."), u"TEXT"_s},
          {u"needle"_s, QStringLiteral("Needle length in millimetres."), u"MM"_s},
          {u"count"_s, QStringLiteral("Number of needles (e.g. 540)."), u"N"_s},
          {u"kind"_s, QStringLiteral("roller (default), stamp or pen."), u"KIND"_s},
          dayFlag(u"first-use"_s, QStringLiteral("First day it was used."))},
         {},
         runDeviceAdd},
        {QStringLiteral("device list"),
         QStringLiteral("List devices with uses, age and last cleaning."),
         {{u"all"_s, QStringLiteral("Include retired devices.")}, formatFlag()},
         {},
         runDeviceList},
        {QStringLiteral("device clean"),
         QStringLiteral("Record that a device was cleaned."),
         {{u"at"_s, QStringLiteral("When (default: now)."), u"YYYY-MM-DDTHH:MM"_s}},
         {idPositional(u"device"_s, u"device list"_s)},
         runDeviceClean},
        {QStringLiteral("device retire"),
         QStringLiteral("Retire a worn device."),
         {dayFlag(u"date"_s, QStringLiteral("Day retired (default: today)."))},
         {idPositional(u"device"_s, u"device list"_s)},
         runDeviceRetire},
    };
}

} // namespace dermaplan::cli
