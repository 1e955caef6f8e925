#include "MainWindow.h"

#include "AppContext.h"
#include "HistoryExport.h"
#include "ScheduleOutput.h"
#include "SessionFileImport.h"
#include "dialogs/LogSessionDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/SafetyGuideDialog.h"
#include "dialogs/UserGuideDialog.h"
#include "logbook/LogbookFile.h"
#include "pages/DevicesPage.h"
#include "pages/HistoryPage.h"
#include "pages/InsightsPage.h"
#include "pages/PlanPage.h"
#include "pages/TodayPage.h"
#include "reminders/Autostart.h"
#include "reminders/ReminderCenter.h"
#include "settings/Preferences.h"
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
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
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
    m_history =
        new LazyPage([&context](QWidget* page) { return new HistoryPage(context, page); }, m_pages);
    m_pages->addTab(m_history, tr("H&istory"));
    m_plan = new LazyPage(
        [&context](QWidget* tab) {
            auto* page = new PlanPage(context, tab);
            page->calendar()->setFirstDayOfWeek(Preferences::load().firstDayOfWeek);
            return page;
        },
        m_pages);
    m_pages->addTab(m_plan, tr("&Plan"));
    m_devices =
        new LazyPage([&context](QWidget* page) { return new DevicesPage(context, page); }, m_pages);
    m_pages->addTab(m_devices, tr("De&vices"));
    m_insights = new LazyPage([&context](QWidget* page) { return new InsightsPage(context, page); },
                              m_pages);
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
    connect(m_reminders, &ReminderCenter::currentChanged, m_banner, &ReminderBanner::keepOnly);
    connect(m_banner, &ReminderBanner::showTodayRequested, this, &MainWindow::bringToFront);

    // The week to print or export is the one the Plan page shows, when it is the page in front.
    m_output = std::make_unique<ScheduleOutput>(m_context, this, [this] {
        return m_pages->currentWidget() == m_plan ? planPage()->calendar()->selectedDate()
                                                  : QDate();
    });
    createActions();
    statusBar()->showMessage(
        tr("Database: %1").arg(QDir::toNativeSeparators(context.file().path())));

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

MainWindow::~MainWindow() = default;

QList<QKeySequence> withBindingsOf(QKeySequence::StandardKey standard, QKeyCombination extra) {
    // `extra` first (the menu shows it), then the platform's own bindings but `extra`: where the
    // platform binds it already (Ctrl+Shift+Z is Redo on X11), a second binding of one key makes
    // the shortcut ambiguous, and it does nothing.
    QList<QKeySequence> keys{QKeySequence(extra)};
    for (const QKeySequence& key : QKeySequence::keyBindings(standard))
        if (!keys.contains(key))
            keys << key;
    return keys;
}

void MainWindow::createActions() {
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* print = fileMenu->addAction(tr("&Print Week…"), this, [this] { m_output->print(); });
    print->setShortcut(QKeySequence::Print);
    fileMenu->addAction(tr("Print Pre&view…"), this, [this] { m_output->preview(); });
    fileMenu->addAction(tr("&Export Week as PDF…"), this, [this] { m_output->exportPdf(); });
    fileMenu->addAction(tr("Export to &Calendar…"), this, [this] { m_output->exportCalendar(); });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Import Sessions…"), this,
                        [this] { importSessionFile(m_context, this); });
    fileMenu->addAction(tr("Export &History…"), this,
                        [this] { exportHistory(m_context, this, HistoryFormat::Json); });
    fileMenu->addAction(tr("Export History as C&SV…"), this,
                        [this] { exportHistory(m_context, this, HistoryFormat::Csv); });
    fileMenu->addSeparator();
    auto* showDb = fileMenu->addAction(tr("Show &Database Folder"));
    connect(showDb, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_context.file().folder())); });
    auto* showBackups = fileMenu->addAction(tr("Show &Backups Folder"));
    connect(showBackups, &QAction::triggered, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_context.file().backupsFolder()));
    });
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_context.undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_context.undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(withBindingsOf(QKeySequence::Redo, Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    auto* preferences =
        editMenu->addAction(tr("Pre&ferences…"), this, &MainWindow::editPreferences);
    preferences->setShortcuts(withBindingsOf(QKeySequence::Preferences, Qt::CTRL | Qt::Key_Comma));
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
        m_banner->keepOnly({}); // hides it, forgetting what it showed
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

} // namespace dermaplan::ui
