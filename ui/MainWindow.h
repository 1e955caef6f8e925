#pragma once

#include "logbook/Reminders.h"
#include "planning/WeeklySchedule.h"
#include "print/SchedulePrinter.h"
#include "settings/Preferences.h"

#include <QMainWindow>

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
class TodayPage;

// The main window: pages in tabs, menus and shortcuts that follow desktop conventions, window
// geometry and the last page remembered.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);

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
    // Reminders on or off: a tray icon where the desktop has a tray, the banner elsewhere.
    void setRemindersEnabled(bool on);

public slots:
    // Shows the window (from the tray or minimized) with the Today page in front.
    void bringToFront();
    void logSession(const QString& areaId = QString());
    void showSafetyGuide();
    void printWeek();
    void previewWeek();
    void editPreferences();
    // Writes the week to print (see weekToPrint) as a PDF to `path` (asks for one when empty);
    // false on failure.
    bool exportWeekPdf(QString path = QString());
    // Writes the next twelve weeks of plans as iCalendar (asks for a file when empty).
    bool exportCalendar(QString path = QString());
    // Imports sessions from CSV or JSON (asks for a file when empty), with a cancellable progress
    // dialog; nothing is stored when the file has a problem or the import is cancelled.
    bool importFile(QString path = QString());

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    // New reminders: a notification from the tray, or the banner where there is no tray.
    void showReminders(const QList<Reminder>& reminders);
    // The calendar's first day (and the theme, for the whole app).
    void applyPreferences(const Preferences& preferences);
    // The week to print or export: the one shown on the Plan page when asked from there (the week
    // of today until another day is picked), this week from any other page; it starts on the
    // preferred first day of the week.
    [[nodiscard]] QDate firstDayToPrint(const Preferences& preferences) const;
    [[nodiscard]] WeeklySchedule weekToPrint(const Preferences& preferences) const;
    // "the week of 23–29 November 2026", "… (shown on the Plan page)": what a dialog says it
    // prints.
    [[nodiscard]] QString weekToPrintLabel(const WeeklySchedule& week) const;

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
};

} // namespace dermaplan::ui
