// dermaplan-cli: the command-line face of Dermaplan. No QApplication, no display needed.
#include "domain/Localization.h"

#include "Cli.h"
#include "Command.h"
#include "PdfOutput.h"

#include "domain/Clock.h"
#include "io/OutputFile.h"
#include "logbook/LogbookFile.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QTextStream>

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <memory>

using namespace dermaplan;
using namespace dermaplan::cli;

namespace {

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

// What a command printed reached its destination, or the exit says it did not: `log > file` on
// a full disk must not exit 0 with the new id lost.
int finishStandardOutput(QTextStream& out, QTextStream& err, int rc) {
    errno = 0;
    out.flush();
    int error = errno;
    const bool flushed = std::fflush(stdout) == 0;
    if (!flushed)
        error = errno;
    if (out.status() == QTextStream::Ok && flushed && !std::ferror(stdout))
        return rc;
    // A write that failed inside Qt's stream kept its cause in the device, not in errno.
    const auto* device = qobject_cast<QFileDevice*>(out.device());
    const QString cause = device && device->error() != QFileDevice::NoError
                              ? device->errorString().toLower()
                          : error ? systemErrorText(error)
                                  : QString();
    err << "error: writing to standard output failed"
        << (cause.isEmpty() ? QString() : QStringLiteral(": ") + cause)
        << (rc == Ok ? " (the command itself was carried out; only what it printed is lost)" : "")
        << Qt::endl;
    return rc == Ok ? RuntimeFailure : rc;
}

Result<std::unique_ptr<QCoreApplication>> makeApplication(int& argc, char** argv) {
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    const auto app = pdf::makeApplication(argc, argv);
    if (!app)
        return app.error();
    return std::unique_ptr<QCoreApplication>(*app);
}

} // namespace

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
        const auto prepared = LogbookFile::prepareDefault(*today);
        if (!prepared.notice.isEmpty())
            err << (prepared.failed ? "warning: " : "note: ") << prepared.notice << Qt::endl;
        defaultDb = prepared.path;
    } else if (defaultDb.isEmpty()) {
        defaultDb = LogbookFile::defaultPath();
    }
    const int rc =
        run(QCoreApplication::arguments().mid(1), out, err, Environment{defaultDb, *today, *rules});
    return finishStandardOutput(out, err, rc);
}
