#include "Options.h"

#include "domain/IsoDate.h"
#include "rules/RuleBook.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

QString dashed(const QString& name) {
    return u"--"_s + name;
}

} // namespace

QCommandLineOption formatFlag(const QString& help) {
    return {u"format"_s, help, u"FORMAT"_s};
}

QCommandLineOption zoneFlag(const QString& help) {
    return {u"zone"_s, help, u"ZONE"_s};
}

QCommandLineOption performerFlag(const QString& help) {
    return {u"by"_s, help, u"WHO"_s};
}

QStringList zonesOption(const QCommandLineParser& parser) {
    QStringList zones;
    for (const QString& z : parser.values(u"zone"_s))
        for (const QString& part : z.split(u',', Qt::SkipEmptyParts))
            zones << part.trimmed();
    return zones;
}

Result<std::optional<qint64>> deviceOption(const QCommandLineParser& parser) {
    if (!parser.isSet(u"device"_s))
        return std::optional<qint64>();
    const auto id = intOption(parser, u"device"_s, 1, std::numeric_limits<int>::max());
    if (!id)
        return id.error();
    return std::optional<qint64>(*id);
}

Result<Performer> performerOption(const QCommandLineParser& parser, Performer otherwise) {
    if (!parser.isSet(u"by"_s))
        return otherwise;
    return parsePerformer(parser.value(u"by"_s), u"--by"_s);
}

QCommandLineOption delimiterFlag(bool reading) {
    return {u"delimiter"_s,
            reading ? QStringLiteral("CSV: ',', ';' (decimal comma, as German or Spanish "
                                     "spreadsheets save) or 'tab' (default: from the header).")
                    : QStringLiteral("CSV: ',' (default), ';' with decimal commas (for German or "
                                     "Spanish spreadsheets) or 'tab'."),
            u"SEP"_s};
}

Result<io::CsvDialect> delimiterOption(const QCommandLineParser& parser, bool csv) {
    if (!parser.isSet(u"delimiter"_s))
        return io::CsvDialect{};
    if (!csv)
        return Error::inField(u"--delimiter"_s, QStringLiteral("is for CSV only"));
    return io::CsvDialect::fromName(parser.value(u"delimiter"_s));
}

QCommandLineOption outputFlag() {
    return {u"output"_s, QStringLiteral("Write to FILE instead of standard output."), u"FILE"_s};
}

QCommandLineOption dayFlag(const QString& name, const QString& help) {
    return {name, help, u"YYYY-MM-DD"_s};
}

std::pair<QString, QString> idPositional(const QString& whose, const QString& listCommand) {
    return {u"ID"_s, QStringLiteral("The %1's id (see '%2').").arg(whose, listCommand)};
}

Error missingOption(const QString& name) {
    return Error::inField(dashed(name), QStringLiteral("is required"));
}

Result<NeedleLength> needleOption(const QCommandLineParser& parser, const QString& name,
                                  const RuleBook& rules) {
    const auto needle = NeedleLength::parse(parser.value(name), dashed(name));
    if (!needle)
        return needle;
    return rules.needle(*needle, dashed(name));
}

Result<QDate> dateOption(const QCommandLineParser& parser, const QString& name) {
    return parseIsoDate(parser.value(name), dashed(name));
}

Result<QDate> dateOptionOr(const QCommandLineParser& parser, const QString& name, QDate otherwise) {
    return parser.isSet(name) ? dateOption(parser, name) : Result<QDate>(otherwise);
}

Result<int> intOption(const QCommandLineParser& parser, const QString& name, int minimum,
                      int maximum) {
    bool ok = false;
    const QString text = parser.value(name);
    const int v = text.toInt(&ok);
    if (!ok || v < minimum || v > maximum)
        return Error::inField(dashed(name),
                              QStringLiteral("'%1' is not a whole number from %2 to %3")
                                  .arg(text)
                                  .arg(minimum)
                                  .arg(maximum));
    return v;
}

Result<QString> formatOption(const QCommandLineParser& parser, const QStringList& allowed) {
    if (!parser.isSet(u"format"_s))
        return allowed.constFirst();
    const QString f = parser.value(u"format"_s);
    if (!allowed.contains(f))
        return Error::inField(u"--format"_s, QStringLiteral("'%1' is not a format here (use %2)")
                                                 .arg(f, allowed.join(QStringLiteral(", "))));
    return f;
}

Result<qint64> idArgument(const QCommandLineParser& parser, const QString& listCommand) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::inField(u"ID"_s,
                              QStringLiteral("give exactly one id (see '%1')").arg(listCommand));
    bool ok = false;
    const qint64 id = args.constFirst().toLongLong(&ok);
    if (!ok || id < 1)
        return Error::inField(
            u"ID"_s,
            QStringLiteral("'%1' is not an id (see '%2')").arg(args.constFirst(), listCommand));
    return id;
}

Error asOptionError(Error error) {
    if (error.file.isEmpty() && !error.field.isEmpty() && !error.field.startsWith(u'-'))
        error.field = dashed(error.field.replace(u'_', u'-')); // "first_use" -> "--first-use"
    return error;
}

} // namespace dermaplan::cli
