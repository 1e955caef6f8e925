#include "Cli.h"

#include "Command.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace dermaplan::cli {

namespace {

void printUsage(QTextStream& out, const QString& defaultDbPath) {
    out << "Usage: dermaplan-cli [--db PATH] COMMAND [OPTIONS]\n\n"
           "Plan and log home dermarolling sessions inside conservative recovery intervals.\n"
           "Not medical advice.\n\n"
           "Global options:\n"
           "  --db PATH     the database file (default: $DERMAPLAN_DB, else "
        << defaultDbPath
        << ")\n"
           "  -h, --help    show this help; COMMAND --help shows a command's help\n"
           "  --version     show the version\n\n"
           "Environment: DERMAPLAN_TODAY=YYYY-MM-DD overrides today's date.\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 invalid input or usage, 3 refused by a "
           "safety rule.\n\n"
           "Commands:\n";
    for (const auto& command : allCommands())
        out << "  " << command.name.leftJustified(16) << command.summary << '\n';
}

} // namespace

int run(const QStringList& arguments, QTextStream& out, QTextStream& err,
        const Environment& environment) {
    // Global options come before the command; everything from the command on is its own.
    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringLiteral("version"));
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("PATH"));
    global.addOptions({help, version, db});
    if (!global.parse(QStringList{QStringLiteral("dermaplan-cli")} + arguments)) {
        err << "error: " << global.errorText() << Qt::endl;
        return InvalidInput;
    }
    if (global.isSet(help)) {
        printUsage(out, environment.defaultDbPath);
        return Ok;
    }
    if (global.isSet(version)) {
        out << "dermaplan-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Ok;
    }
    const QStringList args = global.positionalArguments();
    if (args.isEmpty()) {
        printUsage(err, environment.defaultDbPath);
        return InvalidInput;
    }
    Context context(out, err, global.isSet(db) ? global.value(db) : environment.defaultDbPath,
                    environment.today, environment.rules);
    // Two-word commands ("plan add") first, then one-word ones.
    for (int words : {2, 1}) {
        if (args.size() < words)
            continue;
        const QString name = args.mid(0, words).join(u' ');
        for (const auto& command : allCommands())
            if (command.name == name)
                return runCommand(command, args.mid(words), context);
    }
    for (const auto& command : allCommands())
        if (command.name.startsWith(args.constFirst() + u' '))
            return context.fail(QStringLiteral("'%1' needs an action: see dermaplan-cli --help")
                                    .arg(args.constFirst()),
                                InvalidInput);
    return context.fail(
        QStringLiteral("unknown command '%1' (see dermaplan-cli --help)").arg(args.constFirst()),
        InvalidInput);
}

} // namespace dermaplan::cli
