#include "Command.h"

#include "domain/IsoDate.h"

#include "logbook/Logbook.h"
#include "storage/Database.h"

#include <QFile>
#include <QSaveFile>

namespace dermaplan::cli {

Context::Context(QTextStream& out, QTextStream& err, QString dbPath, QDate today,
                 const RuleBook& rules)
    : out(out)
    , err(err)
    , today(today)
    , rules(rules)
    , m_dbPath(std::move(dbPath)) {}

Context::~Context() = default;

Database* Context::database() {
    if (!m_db) {
        auto opened = Database::open(m_dbPath, today);
        if (!opened) {
            fail(opened.error(), RuntimeFailure);
            return nullptr;
        }
        m_db = std::move(opened).value();
    }
    return m_db.get();
}

Logbook* Context::logbook() {
    if (!m_logbook) {
        Database* db = database();
        if (!db)
            return nullptr;
        m_logbook = std::make_unique<Logbook>(*db, rules, [day = today] { return day; });
    }
    return m_logbook.get();
}

int Context::fail(const Error& error, ExitCode code) {
    err << "error: " << error.toString() << Qt::endl;
    return code;
}

int Context::fail(const QString& message, ExitCode code) {
    err << "error: " << message << Qt::endl;
    return code;
}

int runCommand(const Command& command, const QStringList& args, Context& context) {
    QCommandLineParser parser;
    parser.setApplicationDescription(command.summary);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's help."));
    parser.addOption(help);
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The database file."),
                                QStringLiteral("PATH"));
    parser.addOption(db);
    parser.addOptions(command.options);
    for (const auto& [argName, argHelp] : command.positionals)
        parser.addPositionalArgument(argName, argHelp);

    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList{QStringLiteral("dermaplan-cli")} + args))
        return context.fail(QStringLiteral("%1: %2").arg(command.name, parser.errorText()),
                            InvalidInput);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt names the program by its path; show the command as it is typed.
        const qsizetype endOfFirstLine = text.indexOf(u'\n');
        const QString usage = text.left(endOfFirstLine);
        text.replace(
            0, endOfFirstLine,
            QStringLiteral("Usage: dermaplan-cli [--db PATH] %1%2")
                .arg(command.name, usage.mid(usage.indexOf(QStringLiteral(" [options]")))));
        context.out << text;
        return Ok;
    }
    if (parser.isSet(db))
        context.setDbPath(parser.value(db));
    if (command.positionals.isEmpty() && !parser.positionalArguments().isEmpty())
        return context.fail(QStringLiteral("%1: unexpected argument '%2'")
                                .arg(command.name, parser.positionalArguments().constFirst()),
                            InvalidInput);
    return command.run(parser, context);
}

Result<QDate> dateOption(const QCommandLineParser& parser, const QString& name) {
    return parseIsoDate(parser.value(name), QStringLiteral("--") + name);
}

Result<qint64> idArgument(const QCommandLineParser& parser, const QString& listCommand) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::inField(QStringLiteral("ID"),
                              QStringLiteral("give exactly one id (see '%1')").arg(listCommand));
    bool ok = false;
    const qint64 id = args.constFirst().toLongLong(&ok);
    if (!ok || id < 1)
        return Error::inField(
            QStringLiteral("ID"),
            QStringLiteral("'%1' is not an id (see '%2')").arg(args.constFirst(), listCommand));
    return id;
}

Error asOptionError(Error error) {
    if (error.file.isEmpty() && !error.field.isEmpty() && !error.field.startsWith(u'-'))
        error.field = QStringLiteral("--") + error.field;
    return error;
}

Result<NeedleLength> needleOption(const QCommandLineParser& parser, const QString& name,
                                  const RuleBook& rules) {
    const auto needle = NeedleLength::parse(parser.value(name), QStringLiteral("--") + name);
    if (!needle)
        return needle;
    return rules.needle(*needle, QStringLiteral("--") + name);
}

Result<int> intOption(const QCommandLineParser& parser, const QString& name, int minimum,
                      int maximum) {
    bool ok = false;
    const QString text = parser.value(name);
    const int v = text.toInt(&ok);
    if (!ok || v < minimum || v > maximum)
        return Error::inField(QStringLiteral("--") + name,
                              QStringLiteral("'%1' is not a whole number from %2 to %3")
                                  .arg(text)
                                  .arg(minimum)
                                  .arg(maximum));
    return v;
}

Result<QString> formatOption(const QCommandLineParser& parser, const QStringList& allowed) {
    if (!parser.isSet(QStringLiteral("format")))
        return allowed.constFirst();
    const QString f = parser.value(QStringLiteral("format"));
    if (!allowed.contains(f))
        return Error::inField(QStringLiteral("--format"),
                              QStringLiteral("'%1' is not a format here (use %2)")
                                  .arg(f, allowed.join(QStringLiteral(", "))));
    return f;
}

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

} // namespace dermaplan::cli
