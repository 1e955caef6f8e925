// dermaplan-cli: the command-line face of Dermaplan. No QApplication, no display needed.
#include "domain/Localization.h"

#include "Cli.h"
#include "Command.h"
#include "PdfOutput.h"

#include "domain/Clock.h"
#include "storage/DataFolder.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/stat.h>

#include <cstdio>
#include <memory>

using namespace dermaplan;
using namespace dermaplan::cli;

// Printing to PDF lays out text, which needs Qt's font machinery (a QGuiApplication from the PDF
// module); every other command runs on a plain QCoreApplication. Neither needs a display.
bool needsGui(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--format=pdf" ||
            (arg == "--format" && i + 1 < argc && QByteArray(argv[i + 1]) == "pdf"))
            return true;
    }
    return false;
}

// --db PATH or --db=PATH: the default database is not used.
bool namesADatabase(const QStringList& args) {
    for (const QString& arg : args)
        if (arg == u"--db" || arg.startsWith(QStringLiteral("--db=")))
            return true;
    return false;
}

Result<std::unique_ptr<QCoreApplication>> makeApplication(int& argc, char** argv) {
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    const auto app = pdf::makeApplication(argc, argv);
    if (!app)
        return app.error();
    return std::unique_ptr<QCoreApplication>(*app);
}

int main(int argc, char** argv) {
    // Everything Dermaplan creates — database, backups, exports — is owner-only from its first
    // byte, whatever the user's umask.
    ::umask(077);
    auto application = makeApplication(argc, argv);
    if (!application) {
        QTextStream(stderr) << "error: " << application.error().toString() << '\n';
        return RuntimeFailure;
    }
    QCoreApplication& app = **application;
    QCoreApplication::setApplicationName(QStringLiteral("dermaplan"));
    QCoreApplication::setOrganizationName(QStringLiteral("dermaplan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DERMAPLAN_VERSION));

    dermaplan::installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);

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

    QString defaultDb = qEnvironmentVariable("DERMAPLAN_DB");
    if (defaultDb.isEmpty() && !namesADatabase(QCoreApplication::arguments())) {
        // The default database is about to be used: the old data folder's moves first.
        const auto prepared = dataFolder::prepareDefaultDatabase(*today);
        if (!prepared.notice.isEmpty())
            err << (prepared.failed ? "warning: " : "note: ") << prepared.notice << Qt::endl;
        defaultDb = prepared.path;
    } else if (defaultDb.isEmpty()) {
        defaultDb = dataFolder::defaultDatabasePath();
    }
    return run(QCoreApplication::arguments().mid(1), out, err,
               Environment{defaultDb, *today, *rules});
}
