#pragma once

#include "Command.h"
#include "Options.h"

#include "io/OutputFile.h"
#include "io/SessionStream.h"
#include "logbook/Logbook.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>

namespace dermaplan {
struct Verdict;
}

// What commands print, the same way for every command.
namespace dermaplan::cli {

// Prints the verdict's reasons on stderr ("refused: ...", "advice: ...").
void printVerdict(const Verdict& verdict, const RuleBook& rules, QTextStream& err);

// Indented JSON on stdout.
void printJson(Context& context, const QJsonDocument& json);

// A new record's id on stdout. An error about one of the record's fields is a usage error named
// as its option (exit 2); any other is a failure (exit 1).
int printNewId(Context& context, const Result<qint64>& id);

// `items` as --format `format` asked: a JSON array of `toJson(item)`, or a line `toLine(item)`
// per item (`none` when there is none).
template <typename Items, typename ToJson, typename ToLine>
void printItems(Context& context, const QString& format, const Items& items, const ToJson& toJson,
                const ToLine& toLine, const QString& none) {
    if (format == u"json") {
        QJsonArray array;
        for (const auto& item : items)
            array.append(toJson(item));
        printJson(context, QJsonDocument(array));
        return;
    }
    if (items.isEmpty())
        context.out << none << '\n';
    for (const auto& item : items)
        context.out << toLine(item) << '\n';
}

// The run of an "X list" command: --format text|json, what `fetch` asks the logbook, then
// printItems.
template <typename Fetch, typename ToJson, typename ToLine>
int printList(const QCommandLineParser& parser, Context& context, const Fetch& fetch,
              const ToJson& toJson, const ToLine& toLine, const QString& none) {
    const auto format = formatOption(parser, {QStringLiteral("text"), QStringLiteral("json")});
    if (!format)
        return context.fail(format.error(), InvalidInput);
    Logbook* logbook = context.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto items = fetch(*logbook);
    if (!items)
        return context.fail(items.error(), RuntimeFailure);
    printItems(context, *format, *items, toJson, toLine, none);
    return Ok;
}

// The logbook and the one ID a command is given ("pause remove 3"), the ID read first so that a
// wrong one never opens the database. On failure, reported, `logbook` is null and `failure` is the
// exit code.
struct IdTarget {
    Logbook* logbook = nullptr;
    qint64 id = 0;
    int failure = Ok;
};
IdTarget idTarget(const QCommandLineParser& parser, Context& context, const QString& listCommand);

// The run of an "X remove ID" command: the ID, then `remove(logbook, id)`, whose error is about
// that ID (exit 2).
template <typename Remove>
int removeById(const QCommandLineParser& parser, Context& context, const QString& listCommand,
               const Remove& remove) {
    const IdTarget target = idTarget(parser, context, listCommand);
    if (!target.logbook)
        return target.failure;
    if (const auto removed = remove(*target.logbook, target.id); !removed)
        return context.fail(Error::inField(QStringLiteral("ID"), removed.error().message),
                            InvalidInput);
    return Ok;
}

// The run of a command on one record the logbook holds ("plan end 3"): the idTarget, then
// `find(logbook, id)`, whose error ("no regimen with id 3", the store's own) is about that ID
// (exit 2), then `act(logbook, id)`, whose error is a failure (exit 1).
int actOnExisting(const QCommandLineParser& parser, Context& context, const QString& listCommand,
                  const std::function<Status(const Logbook&, qint64)>& find,
                  const std::function<Status(Logbook&, qint64)>& act);

// Writes `text` to --output FILE if given, else to stdout.
int writeOutput(const QCommandLineParser& parser, const QByteArray& text, Context& context);
// The same for output made a chunk at a time: `produce` hands each chunk to the sink it is given.
// A FILE is written whole or not at all.
int writeStreamed(const QCommandLineParser& parser, Context& context, const io::Producer& produce);

} // namespace dermaplan::cli
