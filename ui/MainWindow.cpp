#include "MainWindow.h"

#include "AppContext.h"
#include "dialogs/LogSessionDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/SafetyGuideDialog.h"
#include "dialogs/UserGuideDialog.h"
#include "io/CalendarExport.h"
#include "io/SessionFile.h"
#include "io/SessionImport.h"
#include "pages/DevicesPage.h"
#include "pages/HistoryPage.h"
#include "pages/InsightsPage.h"
#include "pages/PlanPage.h"
#include "pages/TodayPage.h"
#include "planning/WeekPoster.h"
#include "print/SchedulePrinter.h"
#include "reminders/Autostart.h"
#include "reminders/ReminderCenter.h"
#include "settings/Preferences.h"
#include "storage/Database.h"
#include "widgets/AppIcon.h"
#include "widgets/LazyPage.h"
#include "widgets/Messages.h"
#include "widgets/ReminderBanner.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProgressDialog>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace dermaplan::ui {

MainWindow::MainWindow(AppContext& context, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context) {
    setWindowTitle(tr("Dermaplan"));
    m_pages = new QTabWidget(this);
    m_pages->setDocumentMode(true);
    m_today = new TodayPage(context, m_pages);
    m_pages->addTab(m_today, tr("&Today"));
    m_history = new LazyPage(
        [&context](QWidget* parent) { return new HistoryPage(context, parent); }, m_pages);
    m_pages->addTab(m_history, tr("H&istory"));
    m_plan = new LazyPage(
        [&context](QWidget* parent) {
            auto* page = new PlanPage(context, parent);
            page->calendar()->setFirstDayOfWeek(Preferences::load().firstDayOfWeek);
            return page;
        },
        m_pages);
    m_pages->addTab(m_plan, tr("&Plan"));
    m_devices = new LazyPage(
        [&context](QWidget* parent) { return new DevicesPage(context, parent); }, m_pages);
    m_pages->addTab(m_devices, tr("De&vices"));
    m_insights = new LazyPage(
        [&context](QWidget* parent) { return new InsightsPage(context, parent); }, m_pages);
    m_pages->addTab(m_insights, tr("I&nsights"));
    m_banner = new ReminderBanner(this);
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_banner);
    column->addWidget(m_pages, 1);
    setCentralWidget(central);
    setWindowIcon(appIcon());
    connect(m_today, &TodayPage::logSessionRequested, this, &MainWindow::logSession);
    m_reminders = new ReminderCenter(context, &QTime::currentTime, this);
    connect(m_reminders, &ReminderCenter::remindersDue, this, &MainWindow::showReminders);
    connect(m_banner, &ReminderBanner::showTodayRequested, this, &MainWindow::bringToFront);

    createActions();
    statusBar()->showMessage(
        tr("Database: %1").arg(QDir::toNativeSeparators(context.database().path())));

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(QSize(1100, 720).boundedTo(screen()->availableSize()));
    m_pages->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());

    connect(&m_context, &AppContext::announced, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(&m_context, &AppContext::errorOccurred, this, [this](const QString& message) {
        showMessage(this, MessageLevel::Warning, tr("Dermaplan"), message);
    });

    // Notice sessions logged by another program (e.g. dermaplan-cli) on the same file.
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, &m_context, &AppContext::checkForOutsideChanges);
    // The midnight timer runs on a clock that stops while the machine sleeps: look at the date
    // with every poll too, so a laptop opened in the morning shows today at once.
    connect(poll, &QTimer::timeout, &m_context, &AppContext::checkDate);
    poll->start(2000);

    setRemindersEnabled(Preferences::load().reminders);
}

void MainWindow::createActions() {
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* print = fileMenu->addAction(tr("&Print Week…"), this, &MainWindow::printWeek);
    print->setShortcut(QKeySequence::Print);
    fileMenu->addAction(tr("Print Pre&view…"), this, &MainWindow::previewWeek);
    fileMenu->addAction(tr("&Export Week as PDF…"), this, [this] { exportWeekPdf(); });
    fileMenu->addAction(tr("Export to &Calendar…"), this, [this] { exportCalendar(); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Import Sessions…"), this, [this] { importFile(); });
    fileMenu->addSeparator();
    auto* showDb = fileMenu->addAction(tr("Show &Database Folder"));
    connect(showDb, &QAction::triggered, this, [this] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QFileInfo(m_context.database().path()).absolutePath()));
    });
    auto* showBackups = fileMenu->addAction(tr("Show &Backups Folder"));
    connect(showBackups, &QAction::triggered, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(
            QFileInfo(m_context.database().path()).absolutePath() + QStringLiteral("/backups")));
    });
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_context.undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_context.undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    auto* preferences =
        editMenu->addAction(tr("Pre&ferences…"), this, &MainWindow::editPreferences);
    preferences->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    preferences->setMenuRole(QAction::PreferencesRole);
    auto* find = editMenu->addAction(tr("&Find in History"), this, [this] {
        m_pages->setCurrentWidget(m_history);
        historyPage()->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);

    auto* sessionMenu = menuBar()->addMenu(tr("&Session"));
    auto* log = sessionMenu->addAction(tr("&Log a Session…"), this, [this] { logSession(); });
    log->setShortcut(QKeySequence::New);
    auto* plan = sessionMenu->addAction(tr("&Plan a Regimen…"), this, [this] {
        m_pages->setCurrentWidget(m_plan);
        planPage()->addRegimen();
    });

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    auto* userGuide = helpMenu->addAction(tr("&User Guide"), this, [this] {
        UserGuideDialog dialog(this);
        dialog.exec();
    });
    userGuide->setShortcut(QKeySequence::HelpContents);
    auto* guide = helpMenu->addAction(tr("&Safety Guide"), this, &MainWindow::showSafetyGuide);
    helpMenu->addAction(tr("&About Dermaplan"), this, [this] {
        QMessageBox::about(
            this, tr("About Dermaplan"),
            tr("<h3>Dermaplan %1</h3><p>A planner and logbook for home dermarolling.</p><p>%2</p>")
                .arg(QApplication::applicationVersion(),
                     m_context.rules().disclaimer().toHtmlEscaped()));
    });

    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(log);
    toolbar->addAction(plan);
    toolbar->addAction(undo);
    toolbar->addAction(guide);
}

void MainWindow::logSession(const QString& areaId) {
    LogSessionDialog dialog(m_context, this);
    if (!areaId.isEmpty())
        dialog.setArea(areaId);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Session logged."), 5000);
}

void MainWindow::showSafetyGuide() {
    SafetyGuideDialog dialog(m_context.rules(), this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    event->accept();
}

} // namespace dermaplan::ui

namespace dermaplan::ui {

namespace {

// The name printed on the week, from the preferences.
print::PrintOptions printOptions(const Preferences& preferences) {
    print::PrintOptions options;
    options.title = preferences.name;
    return options;
}

} // namespace

HistoryPage* MainWindow::historyPage() const {
    return m_history->as<HistoryPage>();
}

PlanPage* MainWindow::planPage() const {
    return m_plan->as<PlanPage>();
}

DevicesPage* MainWindow::devicesPage() const {
    return m_devices->as<DevicesPage>();
}

InsightsPage* MainWindow::insightsPage() const {
    return m_insights->as<InsightsPage>();
}

void MainWindow::showPage(QWidget* page) {
    // A built page sits inside its LazyPage, which is the tab.
    for (QWidget* w = page; w; w = w->parentWidget())
        if (const int tab = m_pages->indexOf(w); tab >= 0) {
            m_pages->setCurrentIndex(tab);
            return;
        }
}

QDate MainWindow::firstDayToPrint(const Preferences& preferences) const {
    // The week shown on the Plan page when it is the page on screen, else this week.
    const QDate selected =
        m_pages->currentWidget() == m_plan ? planPage()->calendar()->selectedDate() : QDate();
    const QDate day = selected.isValid() ? selected : m_context.today();
    return weekStart(day, preferences.firstDayOfWeek);
}

WeeklySchedule MainWindow::weekToPrint(const Preferences& preferences) const {
    const QDate first = firstDayToPrint(preferences);
    const auto schedule = m_context.logbook().schedule(first, first.addDays(6));
    if (!schedule) {
        m_context.reportError(schedule.error());
        return WeeklySchedule::forRange(first, first.addDays(6), {}, {}, m_context.rules(),
                                        m_context.today());
    }
    return *schedule;
}

void MainWindow::editPreferences() {
    PreferencesDialog dialog(Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences chosen = dialog.preferences();
    chosen.save();
    applyPreferences(chosen);
}

void MainWindow::setRemindersEnabled(bool on) {
    if (on && !m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(appIcon(), this);
        m_tray->setToolTip(tr("Dermaplan"));
        auto* menu = new QMenu(this); // the tray does not own its menu
        menu->addAction(tr("&Open Dermaplan"), this, &MainWindow::bringToFront);
        menu->addAction(tr("&Quit"), this, &QWidget::close);
        m_tray->setContextMenu(menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason why) {
                    if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                        bringToFront(); // not on a right click: that opens the menu
                });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::bringToFront);
        m_tray->show();
    } else if (!on && m_tray) {
        delete m_tray->contextMenu();
        delete m_tray;
        m_tray = nullptr;
    }
    if (!on)
        m_banner->hide();
    m_reminders->setEnabled(on);
}

void MainWindow::showReminders(const QList<Reminder>& reminders) {
    if (!m_tray) { // no tray on this desktop: the banner says it
        m_banner->showReminders(reminders);
        return;
    }
    QStringList lines;
    for (const Reminder& r : reminders)
        lines << (reminders.size() == 1 ? r.text : r.title);
    m_tray->showMessage(reminders.size() == 1 ? reminders.constFirst().title
                                              : tr("%n reminder(s)", nullptr, reminders.size()),
                        lines.join(QLatin1Char('\n')), appIcon(), 15000);
}

void MainWindow::bringToFront() {
    setWindowState(windowState() & ~Qt::WindowMinimized); // a maximized window stays so
    show();
    raise();
    activateWindow();
    showPage(m_today);
}

void MainWindow::applyPreferences(const Preferences& preferences) {
    applyTheme(preferences.theme);
    setRemindersEnabled(preferences.reminders);
    // Written again when on: the program may have moved since.
    if (preferences.startAtLogin || autostart::isSet())
        if (const auto set =
                autostart::set(preferences.startAtLogin, QCoreApplication::applicationFilePath());
            !set)
            m_context.reportError(set.error());
    if (m_plan->isBuilt()) // else it reads the preference when it is built
        planPage()->calendar()->setFirstDayOfWeek(preferences.firstDayOfWeek);
}

QString MainWindow::weekToPrintLabel(const WeeklySchedule& week) const {
    const QString title = weekTitle(week.from, week.to, QLocale());
    return m_pages->currentWidget() == m_plan ? tr("%1 (shown on the Plan page)").arg(title)
                                              : title;
}

void MainWindow::printWeek() {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = weekToPrint(preferences);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(preferences.paperOrDefault()));
    printer.setDocName(QStringLiteral("Dermaplan · ") + weekTitle(week.from, week.to, QLocale()));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print: %1").arg(weekToPrintLabel(week)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto done =
            print::printSchedule(week, m_context.rules(), printOptions(preferences), printer);
        !done)
        m_context.reportError(done.error());
}

void MainWindow::previewWeek() {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = weekToPrint(preferences);
    const print::PrintOptions options = printOptions(preferences);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(preferences.paperOrDefault()));
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print preview: %1").arg(weekToPrintLabel(week)));
    connect(
        &preview, &QPrintPreviewDialog::paintRequested, this, [this, &week, &options](QPrinter* p) {
            if (const auto done = print::printSchedule(week, m_context.rules(), options, *p); !done)
                m_context.reportError(done.error());
        });
    // The whole page on the screen, whatever its size: the dialog takes most of the screen's
    // height and the page is zoomed to fit it.
    const QRect screen = this->screen()->availableGeometry();
    preview.resize(std::min(screen.width(), qRound(screen.height() * 0.75)),
                   qRound(screen.height() * 0.9));
    if (auto* view = preview.findChild<QPrintPreviewWidget*>())
        view->fitInView();
    preview.exec();
}

bool MainWindow::exportWeekPdf(QString path) {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = weekToPrint(preferences);
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(
            this, tr("Export as PDF: %1").arg(weekToPrintLabel(week)),
            QStringLiteral("dermaplan-week-of-%1.pdf").arg(week.from.toString(Qt::ISODate)),
            tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (const auto allowed = m_context.mayExportTo(path); !allowed) {
        m_context.reportError(allowed.error());
        return false;
    }
    if (const auto done = print::writeSchedulePdf(
            week, m_context.rules(), printOptions(preferences), path, preferences.paperOrDefault());
        !done) {
        m_context.reportError(done.error());
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::exportCalendar(QString path) {
    // Twelve weeks from the selected week: enough for a phone to remind you, short enough to
    // re-export after plans change (events keep their UIDs, so they update, not duplicate).
    const QDate from = firstDayToPrint(Preferences::load());
    const QDate to = from.addDays(12 * 7 - 1);
    const auto ics = m_context.logbook().calendar(from, to, QTime(9, 0));
    if (!ics) {
        m_context.reportError(ics.error());
        return false;
    }
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export to calendar"),
                                            QStringLiteral("dermaplan.ics"),
                                            tr("iCalendar files (*.ics)"));
    if (path.isEmpty())
        return false;
    if (const auto allowed = m_context.mayExportTo(path); !allowed) {
        m_context.reportError(allowed.error());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*ics) != ics->size() || !file.commit()) {
        m_context.reportError(Error::inFile(path, file.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::importFile(QString path) {
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(
            this, tr("Import sessions"), QString(),
            tr("Sessions (*.csv *.json);;CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    io::ImportResult parsed =
        io::readSessionFile(path, QString(), m_context.rules(), m_context.today());
    if (!parsed.errors.isEmpty()) {
        QStringList lines;
        for (const Error& e : parsed.errors)
            lines << e.toString();
        if (parsed.truncatedErrors)
            lines << tr("…and more.");
        showMessage(this, MessageLevel::Warning, tr("Nothing was imported"),
                    tr("The file has problems; fix them and import it again.\n\n%1")
                        .arg(lines.join(u'\n')));
        return false;
    }
    // The long part — checking every row against the history — runs with a cancellable progress
    // dialog and outside any transaction, so the command-line tool is never locked out
    // meanwhile; then one short write stores it all, or nothing.
    QProgressDialog progress(tr("Checking the sessions to import…"), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const auto plan =
        m_context.logbook().planImport(std::move(parsed), [&progress](qsizetype n, qsizetype all) {
            progress.setMaximum(int(all));
            progress.setValue(int(n));
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
    progress.reset();
    if (!plan) {
        showMessage(this, MessageLevel::Information, tr("Import"), plan.error().toString());
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto done = m_context.logbook().runImport(*plan);
    QApplication::restoreOverrideCursor();
    if (!done) {
        showMessage(this, MessageLevel::Warning, tr("Import"), done.error().toString());
        return false;
    }
    statusBar()->showMessage(tr("%1 imported, %2 already present, %3 flagged by a safety rule")
                                 .arg(plan->fresh)
                                 .arg(plan->alreadyPresent)
                                 .arg(plan->flaggedCount),
                             8000);
    return true;
}

} // namespace dermaplan::ui
