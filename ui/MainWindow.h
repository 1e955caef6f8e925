#pragma once

#include "logbook/Reminders.h"
#include "settings/Preferences.h"

#include <QKeySequence>
#include <QMainWindow>

#include <memory>

class QSystemTrayIcon;
class QTabWidget;

namespace dermaplan::ui {

class AppContext;
class DevicesPage;
class HistoryPage;
class InsightsPage;
class LazyPage;
class PlanPage;
class ReminderBanner;
class ReminderCenter;
class ScheduleOutput;
class TodayPage;

// `extra`, then the platform's other bindings of `standard`: each key once.
[[nodiscard]] QList<QKeySequence> withBindingsOf(QKeySequence::StandardKey standard,
                                                 QKeyCombination extra);

// The main window: pages in tabs, menus and shortcuts that follow desktop conventions, window
// geometry and the last page remembered.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] TodayPage* todayPage() const { return m_today; }
    // The other pages are built when first shown (LazyPage); asking for one builds it.
    [[nodiscard]] HistoryPage* historyPage() const;
    [[nodiscard]] PlanPage* planPage() const;
    [[nodiscard]] DevicesPage* devicesPage() const;
    [[nodiscard]] InsightsPage* insightsPage() const;
    // Brings `page` (one of the pages above) to the front.
    void showPage(QWidget* page);
    [[nodiscard]] QTabWidget* pages() const { return m_pages; }
    [[nodiscard]] ReminderCenter* reminders() const { return m_reminders; }
    [[nodiscard]] ReminderBanner* reminderBanner() const { return m_banner; }
    // Printing and exporting the schedule (File menu).
    [[nodiscard]] ScheduleOutput& scheduleOutput() const { return *m_output; }
    // Reminders on or off: a tray icon where the desktop has a tray, the banner elsewhere.
    void setRemindersEnabled(bool on);

public slots:
    // Shows the window (from the tray or minimized) with the Today page in front.
    void bringToFront();
    void logSession(const QString& areaId = QString());
    void showSafetyGuide();
    void editPreferences();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    // New reminders: a notification from the tray, or the banner where there is no tray.
    void showReminders(const QList<Reminder>& reminders);
    // The calendar's first day (and the theme, for the whole app).
    void applyPreferences(const Preferences& preferences);

    AppContext& m_context;
    QTabWidget* m_pages = nullptr;
    TodayPage* m_today = nullptr;
    LazyPage* m_history = nullptr;
    LazyPage* m_plan = nullptr;
    LazyPage* m_devices = nullptr;
    LazyPage* m_insights = nullptr;
    ReminderBanner* m_banner = nullptr;
    ReminderCenter* m_reminders = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    std::unique_ptr<ScheduleOutput> m_output;
};

} // namespace dermaplan::ui
