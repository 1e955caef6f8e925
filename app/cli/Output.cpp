#include "Output.h"

#include "logbook/LogbookFile.h"
#include "rules/SafetyCheck.h"

#include "io/OutputFile.h"

#include <QFile>

namespace dermaplan::cli {

void printVerdict(const Verdict& verdict, const RuleBook& rules, QTextStream& err) {
    for (const Reason& r : verdict.reasons)
        err << (r.severity == Severity::Refuse ? (verdict.overridden ? "overridden: " : "refused: ")
                                               : "advice: ")
            << r.message << " (" << rules.sourceNames(r.sources) << ")" << Qt::endl;
    if (verdict.severity == Severity::Refuse && verdict.earliestAllowedDate)
        err << "earliest allowed date: " << verdict.earliestAllowedDate->toString(Qt::ISODate)
            << Qt::endl;
}

int writeOutput(const QCommandLineParser& parser, const QByteArray& text, Context& context) {
    return writeStreamed(parser, context, [&text](const io::ByteSink& sink) { return sink(text); });
}

int writeStreamed(const QCommandLineParser& parser, Context& context, const io::Producer& produce) {
    if (!parser.isSet(QStringLiteral("output"))) {
        // What the stream holds goes first (QTextStream::flush flushes its file too).
        context.out.flush();
        auto* file = qobject_cast<QFile*>(context.out.device());
        // Standard output: written a chunk at a time through its descriptor, each write checked
        // (a buffered stream would report a full disk only at exit, if at all).
        const int fd = file ? file->handle() : -1;
        const Status done = produce([&context, fd](QByteArrayView chunk) -> Status {
            if (fd < 0) { // a stream on a string (tests): chunks end with whole rows
                context.out << QString::fromUtf8(chunk);
                return success();
            }
            if (auto written = io::writeAll(fd, chunk); !written)
                return Error::plain(QStringLiteral("writing to standard output failed: %1")
                                        .arg(written.error().message));
            return success();
        });
        if (!done)
            return context.fail(done.error(), RuntimeFailure);
        return Ok;
    }
    const QString path = parser.value(QStringLiteral("output"));
    if (const auto allowed = LogbookFile::refuseOwnFiles(path, context.dbPath()); !allowed)
        return context.fail(Error::at(path, 0, QStringLiteral("--output"), allowed.error().message),
                            InvalidInput);
    // Whole or not at all, owner-only; a failure names its cause.
    if (const Status done = io::writeFileWhole(path, produce); !done) {
        const Error& e = done.error();
        return context.fail(
            e.file == path ? Error::at(path, 0, QStringLiteral("--output"), e.message) : e,
            RuntimeFailure);
    }
    return Ok;
}

void printJson(Context& context, const QJsonDocument& json) {
    context.out << QString::fromUtf8(json.toJson(QJsonDocument::Indented));
}

int printNewId(Context& context, const Result<qint64>& id) {
    if (!id) {
        const Error& e = id.error();
        return context.fail(asOptionError(e), e.field.isEmpty() ? RuntimeFailure : InvalidInput);
    }
    context.out << *id << Qt::endl;
    return Ok;
}

IdTarget idTarget(const QCommandLineParser& parser, Context& context, const QString& listCommand) {
    const auto id = idArgument(parser, listCommand);
    if (!id)
        return {nullptr, 0, context.fail(id.error(), InvalidInput)};
    Logbook* logbook = context.logbook();
    return {logbook, *id, logbook ? Ok : RuntimeFailure};
}

int actOnExisting(const QCommandLineParser& parser, Context& context, const QString& listCommand,
                  const std::function<Status(const Logbook&, qint64)>& find,
                  const std::function<Status(Logbook&, qint64)>& act) {
    const IdTarget target = idTarget(parser, context, listCommand);
    if (!target.logbook)
        return target.failure;
    if (const auto found = find(*target.logbook, target.id); !found)
        return context.fail(Error::inField(QStringLiteral("ID"), found.error().message),
                            InvalidInput);
    if (const auto done = act(*target.logbook, target.id); !done)
        return context.fail(done.error(), RuntimeFailure);
    return Ok;
}

} // namespace dermaplan::cli
