#pragma once

#include <QWidget>

class QLabel;
class QGridLayout;
class QPushButton;

namespace dermaplan::ui {

class AppContext;

// The start page: per area the last session, when each needle is allowed again (or the needle of
// the area's planned session) and
// what is planned this week; device warnings; and the big "Log a session" action.
class TodayPage final : public QWidget {
    Q_OBJECT
public:
    explicit TodayPage(AppContext& context, QWidget* parent = nullptr);

    void refresh();
    // The status text of an area's row, as shown (for tests and accessibility).
    [[nodiscard]] QString statusOf(const QString& areaId) const;

signals:
    void logSessionRequested(const QString& areaId);

private:
    AppContext& m_context;
    QLabel* m_heading = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_devices = nullptr;
    QWidget* m_areas = nullptr;
    QHash<QString, QString> m_status;
};

} // namespace dermaplan::ui
