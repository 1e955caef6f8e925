// dermaplan: the desktop app. Parses arguments, loads the rules, opens the database, hands over.
#include "domain/Localization.h"

#include "AppContext.h"
#include "DatabaseRecovery.h"
#include "MainWindow.h"
#include "QuitOnSignal.h"
#include "dialogs/FirstRunWizard.h"
#include "settings/Preferences.h"
#include "widgets/Messages.h"

#include "domain/Clock.h"
#include "logbook/LogbookFile.h"
#include "rules/RuleBook.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSystemTrayIcon>

#include <sys/stat.h>

using namespace dermaplan;

int main(int argc, char** argv) {
    // Everything Dermaplan creates — database, backups, exports, PDFs — is owner-only from its
    // first byte, whatever the user's umask.
    ::umask(077);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("dermaplan"));
    QApplication::setOrganizationName(QStringLiteral("dermaplan"));
    QApplication::setApplicationDisplayName(QStringLiteral("Dermaplan"));
    QApplication::setApplicationVersion(QStringLiteral(DERMAPLAN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dermaplan"));

    dermaplan::installTranslations(app);
    ui::applyTheme(ui::Preferences::load().theme);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Planner and logbook for home dermarolling."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QApplication::translate("main", "The database file."),
                                      QStringLiteral("PATH"));
    parser.addOption(dbOption);
    // Started at login (the autostart entry): out of the way until a reminder comes.
    const QCommandLineOption minimizedOption(QStringLiteral("minimized"),
                                             QApplication::translate("main", "Start minimized."));
    parser.addOption(minimizedOption);
    parser.process(app);

    const auto rules = RuleBook::loadBuiltin();
    if (!rules) {
        ui::showMessage(nullptr, ui::MessageLevel::Critical,
                        QApplication::translate("main", "Dermaplan cannot start"),
                        QApplication::translate("main", "The safety rules are invalid:\n%1")
                            .arg(rules.error().toString()));
        return 1;
    }
    const auto today = todayFromEnvironment();
    if (!today) {
        ui::showMessage(nullptr, ui::MessageLevel::Critical,
                        QApplication::translate("main", "Dermaplan cannot start"),
                        today.error().toString());
        return 2;
    }
    QString path = parser.value(dbOption);
    if (path.isEmpty())
        path = qEnvironmentVariable("DERMAPLAN_DB");
    QString moveNotice;
    if (path.isEmpty()) {
        // The old data folder's database moves first (copied, checked, then removed).
        const auto prepared = LogbookFile::prepareDefault(*today);
        if (prepared.failed)
            ui::showMessage(nullptr, ui::MessageLevel::Warning,
                            QApplication::translate("main", "Dermaplan"), prepared.notice);
        else
            moveNotice = prepared.notice;
        path = prepared.path;
    }
    std::unique_ptr<LogbookFile> file = ui::openWithRecovery(path, *today);
    if (!file)
        return 1;
    // Today is read from the clock at each use: the app may stay open for days.
    ui::AppContext context(*rules, *file, systemClock());
    ui::MainWindow window(context);
    // A logout or `kill` closes the database as a normal quit does.
    ui::QuitOnSignal quitOnSignal;
    // Minimized only where a tray shows the reminders; elsewhere the banner must be seen.
    if (parser.isSet(minimizedOption) && QSystemTrayIcon::isSystemTrayAvailable())
        window.showMinimized();
    else
        window.show();
    if (!moveNotice.isEmpty())
        context.announce(moveNotice);
    if (ui::FirstRunWizard::isFirstRun(context)) {
        ui::FirstRunWizard wizard(context, &window);
        wizard.exec();
        if (quitOnSignal.received())
            return 0;
    }
    return app.exec();
}
