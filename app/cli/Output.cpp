#include "Output.h"

#include "rules/SafetyCheck.h"
#include "storage/Database.h"

#include <QFile>
#include <QSaveFile>

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

int writeStreamed(const QCommandLineParser& parser, Context& context, const Producer& produce) {
    if (!parser.isSet(QStringLiteral("output"))) {
        QIODevice* out = context.out.device();
        if (out)
            context.out.flush();
        const Status done = produce([&context, out](QByteArrayView chunk) -> Status {
            if (!out) // a stream on a string (tests): chunks end with whole rows
                context.out << QString::fromUtf8(chunk);
            else if (out->write(chunk.constData(), chunk.size()) != chunk.size())
                return Error::plain(QStringLiteral("writing to standard output failed: %1")
                                        .arg(out->errorString()));
            return success();
        });
        if (!done)
            return context.fail(done.error(), RuntimeFailure);
        context.out.flush();
        if (out && qobject_cast<QFileDevice*>(out))
            static_cast<QFileDevice*>(out)->flush();
        return Ok;
    }
    const QString path = parser.value(QStringLiteral("output"));
    if (const auto allowed = Database::refuseOwnFiles(path, context.dbPath()); !allowed)
        return context.fail(Error::at(path, 0, QStringLiteral("--output"), allowed.error().message),
                            InvalidInput);
    // QSaveFile: a failed write never leaves a half-written file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return context.fail(Error::at(path, 0, QStringLiteral("--output"), file.errorString()),
                            RuntimeFailure);
    const Status done = produce([&file, &path](QByteArrayView chunk) -> Status {
        if (file.write(chunk.constData(), chunk.size()) != chunk.size())
            return Error::at(path, 0, QStringLiteral("--output"), file.errorString());
        return success();
    });
    if (!done)
        return context.fail(done.error(), RuntimeFailure);
    if (!file.commit())
        return context.fail(Error::at(path, 0, QStringLiteral("--output"), file.errorString()),
                            RuntimeFailure);
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
