// dermaplan-cli device add|list|clean|retire.
#include "Commands.h"

#include "io/JsonFormat.h"
#include "logbook/Logbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dermaplan::cli {

namespace {

Result<qint64> deviceIdArgument(const QCommandLineParser& p, const Logbook& logbook) {
    const QStringList args = p.positionalArguments();
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.constFirst().toLongLong(&ok) : 0;
    if (!ok || id < 1)
        return Error::inField(QStringLiteral("ID"),
                              QStringLiteral("give one device id (see 'device list')"));
    if (!logbook.device(id))
        return Error::inField(QStringLiteral("ID"), QStringLiteral("no device with id %1").arg(id));
    return id;
}

} // namespace

QString DeviceAddCommand::name() const {
    return QStringLiteral("device add");
}
QString DeviceAddCommand::description() const {
    return QStringLiteral("Add a roller, stamp or pen.");
}

void DeviceAddCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {opt("name"), QStringLiteral("What you call it."), opt("TEXT")},
        {opt("needle"), QStringLiteral("Needle length in millimetres."), opt("MM")},
        {opt("count"), QStringLiteral("Number of needles (e.g. 540)."), opt("N")},
        {opt("kind"), QStringLiteral("roller (default), stamp or pen."), opt("KIND")},
        {opt("first-use"), QStringLiteral("First day it was used."), opt("YYYY-MM-DD")},
    });
}

int DeviceAddCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    Device d;
    d.name = p.value(opt("name")).trimmed();
    if (d.name.isEmpty())
        return ctx.fail(Error::inField(opt("--name"), QStringLiteral("is required")), InvalidInput);
    if (!p.isSet(opt("needle")))
        return ctx.fail(Error::inField(opt("--needle"), QStringLiteral("is required")),
                        InvalidInput);
    const auto n = needleOption(p, opt("needle"), ctx.rules);
    if (!n)
        return ctx.fail(n.error(), InvalidInput);
    d.needle = *n;
    if (p.isSet(opt("count"))) {
        const auto c = intOption(p, opt("count"), 1, 100000);
        if (!c)
            return ctx.fail(c.error(), InvalidInput);
        d.needleCount = *c;
    }
    if (p.isSet(opt("kind"))) {
        d.kind = p.value(opt("kind"));
        if (d.kind != u"roller" && d.kind != u"stamp" && d.kind != u"pen")
            return ctx.fail(
                Error::inField(opt("--kind"),
                               QStringLiteral("'%1' is not roller, stamp or pen").arg(d.kind)),
                InvalidInput);
    }
    if (p.isSet(opt("first-use"))) {
        const auto f = dateOption(p, opt("first-use"));
        if (!f)
            return ctx.fail(f.error(), InvalidInput);
        if (*f > ctx.today)
            return ctx.fail(
                Error::inField(opt("--first-use"),
                               QStringLiteral("%1 is in the future").arg(f->toString(Qt::ISODate))),
                InvalidInput);
        d.firstUse = *f;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto id = logbook->addDevice(d);
    if (!id)
        return ctx.fail(id.error(), RuntimeFailure);
    ctx.out << *id << Qt::endl;
    return Ok;
}

QString DeviceListCommand::name() const {
    return QStringLiteral("device list");
}
QString DeviceListCommand::description() const {
    return QStringLiteral("List devices with uses, age and last cleaning.");
}
void DeviceListCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({{opt("all"), QStringLiteral("Include retired devices.")},
                  {opt("format"), QStringLiteral("text (default) or json."), opt("FORMAT")}});
}

int DeviceListCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    const auto format = formatOption(p, {opt("text"), opt("json")});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto devices = logbook->deviceStatuses(p.isSet(opt("all")));
    if (!devices)
        return ctx.fail(devices.error(), RuntimeFailure);
    QJsonArray arr;
    for (const DeviceStatus& status : *devices) {
        const Device& d = status.state.device;
        QJsonObject o = io::deviceToJson(d);
        o.insert(opt("uses"), status.state.usesSoFar);
        o.insert(opt("use_limit"), status.useLimit);
        o.insert(opt("last_cleaned"), status.state.lastCleaned
                                          ? QJsonValue(status.state.lastCleaned->toString(
                                                QStringLiteral("yyyy-MM-ddTHH:mm")))
                                          : QJsonValue());
        o.insert(opt("replace_by"), status.replaceBy.isValid()
                                        ? QJsonValue(status.replaceBy.toString(Qt::ISODate))
                                        : QJsonValue());
        o.insert(opt("status"), deviceLevelId(status.level));
        o.insert(opt("needs_cleaning"), status.needsCleaning);
        arr.append(o);
        if (*format == u"text")
            ctx.out << QStringLiteral("%1  %2 (%3, %4): %5 of %6 uses, first used %7, last "
                                      "cleaned %8%9 [%10]\n")
                           .arg(QString::number(d.id).rightJustified(4), d.name, d.kind,
                                d.needle.toString())
                           .arg(status.state.usesSoFar)
                           .arg(status.useLimit)
                           .arg(d.firstUse.isValid() ? d.firstUse.toString(Qt::ISODate)
                                                     : QStringLiteral("never"),
                                status.state.lastCleaned ? status.state.lastCleaned->toString(
                                                               QStringLiteral("yyyy-MM-dd HH:mm"))
                                                         : QStringLiteral("never"),
                                status.replaceBy.isValid()
                                    ? QStringLiteral(", replace by %1")
                                          .arg(status.replaceBy.toString(Qt::ISODate))
                                    : QString(),
                                deviceStatusText(status, QLocale::c()));
    }
    if (*format == u"json")
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    else if (devices->isEmpty())
        ctx.out << "No devices. Add one with 'device add'.\n";
    return Ok;
}

QString DeviceCleanCommand::name() const {
    return QStringLiteral("device clean");
}
QString DeviceCleanCommand::description() const {
    return QStringLiteral("Record that a device was cleaned.");
}
void DeviceCleanCommand::addOptions(QCommandLineParser& p) const {
    p.addOption({opt("at"), QStringLiteral("When (default: now)."), opt("YYYY-MM-DDTHH:MM")});
}
QList<QPair<QString, QString>> DeviceCleanCommand::positionals() const {
    return {{QStringLiteral("ID"), QStringLiteral("The device's id.")}};
}

int DeviceCleanCommand::execute(const QCommandLineParser& p, Context& ctx) const {
    QDateTime when = QDateTime::currentDateTime();
    if (ctx.today != QDate::currentDate())
        when = QDateTime(ctx.today, QTime::currentTime());
    if (p.isSet(opt("at"))) {
        when = QDateTime::fromString(p.value(opt("at")), QStringLiteral("yyyy-MM-dd'T'HH:mm"));
        if (!when.isValid())
            return ctx.fail(
                Error::inField(opt("--at"),
                               QStringLiteral("'%1' is not a date and time (use YYYY-MM-DDTHH:MM)")
                                   .arg(p.value(opt("at")))),
                InvalidInput);
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto id = deviceIdArgument(p, *logbook);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    if (const auto done = logbook->recordCleaning(*id, when); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    for (const QString& step : ctx.rules.cleaningSteps())
        ctx.err << "  - " << step << '\n';
    return Ok;
}

QString DeviceRetireCommand::name() const {
    return QStringLiteral("device retire");
}
QString DeviceRetireCommand::description() const {
    return QStringLiteral("Retire a worn device.");
}
void DeviceRetireCommand::addOptions(QCommandLineParser& p) const {
    p.addOption({opt("date"), QStringLiteral("Day retired (default: today)."), opt("YYYY-MM-DD")});
}
QList<QPair<QString, QString>> DeviceRetireCommand::positionals() const {
    return {{QStringLiteral("ID"), QStringLiteral("The device's id.")}};
}

int DeviceRetireCommand::execute(const QCommandLineParser& p, Context& ctx) const {
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
    const auto id = deviceIdArgument(p, *logbook);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    if (const auto done = logbook->retireDevice(*id, date); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    return Ok;
}

} // namespace dermaplan::cli
