#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QLocale;
class QPushButton;

namespace dermaplan {
struct DayGuide;
}

namespace dermaplan::ui {

class AppContext;
class AreaStatusModel;
class FollowUpPrompt;

// The start page, the answer to "what now?" (Logbook::dayGuide): what is due today and whether it
// is allowed, the aftercare running today per area, the devices to clean or replace; then per
// area the last session, when the needle of its next planned session (or each needle) is allowed
// again and what is planned this week; and the big "Log a session" action.
class TodayPage final : public QWidget {
    Q_OBJECT
public:
    explicit TodayPage(AppContext& context, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] AreaStatusModel* areaModel() const { return m_model; }
    [[nodiscard]] QTableView* areaTable() const { return m_areas; }
    // The status text of an area's row, as shown (for tests and accessibility).
    [[nodiscard]] QString statusOf(const QString& areaId) const;
    // The "what now" block as shown: due sessions, aftercare today, devices.
    [[nodiscard]] QString whatNow() const;

signals:
    void logSessionRequested(const QString& areaId);

private:
    void answerFollowUp(qint64 sessionId, const QString& state);
    // A "Log …" button in each row's last cell (the model says what it reads).
    void addLogButtons();
    [[nodiscard]] QString whatNowHtml(const DayGuide& guide, const QLocale& locale) const;

    AppContext& m_context;
    QLabel* m_heading = nullptr;
    QLabel* m_now = nullptr;
    FollowUpPrompt* m_followUps = nullptr;
    AreaStatusModel* m_model = nullptr;
    QTableView* m_areas = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace dermaplan::ui
