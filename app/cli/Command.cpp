#include "Command.h"

#include "logbook/Logbook.h"
#include "logbook/LogbookFile.h"

namespace dermaplan::cli {

Context::Context(QTextStream& output, QTextStream& errors, QString dbPath, QDate day,
                 const RuleBook& ruleBook)
    : out(output)
    , err(errors)
    , today(day)
    , rules(ruleBook)
    , m_dbPath(std::move(dbPath)) {}

Context::~Context() = default;

LogbookFile* Context::file() {
    if (!m_file) {
        auto opened = LogbookFile::open(m_dbPath, today);
        if (!opened) {
            fail(opened.error(), RuntimeFailure);
            return nullptr;
        }
        m_file = std::move(opened).value();
    }
    return m_file.get();
}

Logbook* Context::logbook() {
    if (!m_logbook) {
        LogbookFile* opened = file();
        if (!opened)
            return nullptr;
        m_logbook =
            std::make_unique<Logbook>(opened->database(), rules, [day = today] { return day; });
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

} // namespace dermaplan::cli
