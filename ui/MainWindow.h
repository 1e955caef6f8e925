#pragma once

#include <QMainWindow>

class QTabWidget;

namespace dermaplan::ui {

class AppContext;
class DevicesPage;
class HistoryPage;
class PlanPage;
class TodayPage;

// The main window: pages in tabs, menus and shortcuts that follow desktop conventions, window
// geometry and the last page remembered.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);

    [[nodiscard]] TodayPage* todayPage() const { return m_today; }
    [[nodiscard]] HistoryPage* historyPage() const { return m_history; }
    [[nodiscard]] PlanPage* planPage() const { return m_plan; }
    [[nodiscard]] DevicesPage* devicesPage() const { return m_devices; }
    [[nodiscard]] QTabWidget* pages() const { return m_pages; }

public slots:
    void logSession(const QString& areaId = QString());
    void showSafetyGuide();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();

    AppContext& m_context;
    QTabWidget* m_pages = nullptr;
    TodayPage* m_today = nullptr;
    HistoryPage* m_history = nullptr;
    PlanPage* m_plan = nullptr;
    DevicesPage* m_devices = nullptr;
};

} // namespace dermaplan::ui
