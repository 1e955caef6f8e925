#pragma once

#include "Result.h"
#include "domain/NeedleLength.h"
#include "domain/Performer.h"
#include "io/CsvFormat.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDate>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace dermaplan {
class RuleBook;
}

// The options and arguments several commands share: described once (for --help) and read once
// (each reader returns an Error naming the option, as "--name", and the bad value).
namespace dermaplan::cli {

// --- Described ---
// --format FORMAT; `help` lists the formats, the default first.
QCommandLineOption formatFlag(const QString& help = QStringLiteral("text (default) or json."));
// --output FILE.
QCommandLineOption outputFlag();
// --delimiter SEP, for CSV; `reading`: detected from the header when not given.
QCommandLineOption delimiterFlag(bool reading);
// --zone ZONE, repeated or comma-separated.
QCommandLineOption zoneFlag(const QString& help);
// --by WHO: self or professional.
QCommandLineOption performerFlag(const QString& help);
// --NAME YYYY-MM-DD.
QCommandLineOption dayFlag(const QString& name, const QString& help);
// The ID positional: {"ID", "The device's id (see 'device list')."}.
std::pair<QString, QString> idPositional(const QString& whose, const QString& listCommand);

// --- Read ---
// "--name: is required".
[[nodiscard]] Error missingOption(const QString& name);
// A needle length within the rule book's range.
Result<NeedleLength> needleOption(const QCommandLineParser& parser, const QString& name,
                                  const RuleBook& rules);
Result<QDate> dateOption(const QCommandLineParser& parser, const QString& name);
// The day given as --name, or `otherwise` when the option is not set.
Result<QDate> dateOptionOr(const QCommandLineParser& parser, const QString& name, QDate otherwise);
Result<int> intOption(const QCommandLineParser& parser, const QString& name, int minimum,
                      int maximum);
// The zones given as --zone (repeated or comma-separated), in order.
[[nodiscard]] QStringList zonesOption(const QCommandLineParser& parser);
// The device --device names (an id, 1 or more), or none when it is not set.
Result<std::optional<qint64>> deviceOption(const QCommandLineParser& parser);
// Who performs, as --by says; `otherwise` when it is not set.
Result<Performer> performerOption(const QCommandLineParser& parser, Performer otherwise);
// The --format given (one of `allowed`), or the first of `allowed` when none is.
Result<QString> formatOption(const QCommandLineParser& parser, const QStringList& allowed);
// The CSV dialect --delimiter names; RFC 4180's when not set. Set for any format but csv, it is
// an error: nothing would use it.
Result<io::CsvDialect> delimiterOption(const QCommandLineParser& parser, bool csv);
// The one ID a command is given ("pause remove 3"); the error names `listCommand`, which lists
// the ids ("pause list").
Result<qint64> idArgument(const QCommandLineParser& parser, const QString& listCommand);
// A core error about a field, named as the option that gave it ("date" -> "--date", "first_use"
// -> "--first-use"); an error
// about a file, or one already named, as it is.
[[nodiscard]] Error asOptionError(Error error);

} // namespace dermaplan::cli
