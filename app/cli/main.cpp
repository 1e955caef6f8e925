// dermaplan-cli: the command-line face of Dermaplan. No QApplication, no display needed.
#include "domain/Localization.h"

#include "Command.h"

#include "domain/Clock.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <sys/stat.h>

#include <cstdio>
#include <memory>

using namespace dermaplan;
using namespace dermaplan::cli;

namespace {

void printUsage(QTextStream& out) {
    out << "Usage: dermaplan-cli [--db PATH] COMMAND [OPTIONS]\n\n"
           "Plan and log home dermarolling sessions inside conservative recovery intervals.\n"
           "Not medical advice.\n\n"
           "Global options:\n"
           "  --db PATH     the database file (default: $DERMAPLAN_DB, else "
        << Database::defaultPath()
        << ")\n"
           "  -h, --help    show this help; COMMAND --help shows a command's help\n"
           "  --version     show the version\n\n"
           "Environment: DERMAPLAN_TODAY=YYYY-MM-DD overrides today's date.\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 invalid input or usage, 3 refused by a "
           "safety rule.\n\n"
           "Commands:\n";
    for (const auto& command : allCommands())
        out << "  " << command->name().leftJustified(16) << command->description() << '\n';
}

} // namespace

// Printing to PDF lays out text, which needs Qt's font machinery (a QGuiApplication); every
// other command runs on a plain QCoreApplication. Neither needs a display.
bool needsGui(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--format=pdf" ||
            (arg == "--format" && i + 1 < argc && QByteArray(argv[i + 1]) == "pdf"))
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int main(int argc, char** argv) {
    // Everything Dermaplan creates — database, backups, exports — is owner-only from its first
    // byte, whatever the user's umask.
    ::umask(077);
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("dermaplan"));
    QCoreApplication::setOrganizationName(QStringLiteral("dermaplan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DERMAPLAN_VERSION));

    dermaplan::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = QCoreApplication::arguments().mid(1);
    QString dbPath = qEnvironmentVariable("DERMAPLAN_DB");
    // Global options come before the command.
    while (!args.isEmpty() && args.constFirst().startsWith(u'-')) {
        const QString opt = args.takeFirst();
        if (opt == u"--help" || opt == u"-h") {
            printUsage(out);
            return Ok;
        }
        if (opt == u"--version") {
            out << "dermaplan-cli " << QCoreApplication::applicationVersion() << '\n';
            return Ok;
        }
        if (opt == u"--db" && !args.isEmpty()) {
            dbPath = args.takeFirst();
            continue;
        }
        if (opt.startsWith(QStringLiteral("--db="))) {
            dbPath = opt.mid(5);
            continue;
        }
        err << "error: "
            << (opt == u"--db" ? QStringLiteral("--db needs a PATH")
                               : QStringLiteral("unknown option '%1'").arg(opt))
            << "\n";
        return InvalidInput;
    }
    if (args.isEmpty()) {
        printUsage(err);
        return InvalidInput;
    }
    if (dbPath.isEmpty())
        dbPath = Database::defaultPath();

    const auto today = todayFromEnvironment();
    if (!today) {
        err << "error: " << today.error().toString() << '\n';
        return InvalidInput;
    }
    const auto rules = RuleBook::loadBuiltin();
    if (!rules) {
        err << "error: the safety rules are invalid: " << rules.error().toString() << '\n';
        return RuntimeFailure;
    }

    Context context(out, err, dbPath, *today, *rules);
    // Two-word commands ("plan add") first, then one-word ones.
    for (int words : {2, 1}) {
        if (args.size() < words)
            continue;
        const QString name = args.mid(0, words).join(u' ');
        for (const auto& command : allCommands())
            if (command->name() == name)
                return command->run(args.mid(words), context);
    }
    for (const auto& command : allCommands())
        if (command->name().startsWith(args.constFirst() + u' '))
            return context.fail(QStringLiteral("'%1' needs an action: see dermaplan-cli --help")
                                    .arg(args.constFirst()),
                                InvalidInput);
    return context.fail(
        QStringLiteral("unknown command '%1' (see dermaplan-cli --help)").arg(args.constFirst()),
        InvalidInput);
}
