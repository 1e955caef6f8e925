#pragma once

#include "logbook/Reminders.h"

#include <QFrame>

class QLabel;

namespace dermaplan::ui {

// A strip above the pages that shows reminders where the desktop has no tray to show them in:
// their titles and words, "Show Today" and "Dismiss".
class ReminderBanner final : public QFrame {
    Q_OBJECT
public:
    explicit ReminderBanner(QWidget* parent = nullptr);

    void showReminders(const QList<Reminder>& reminders);
    [[nodiscard]] QString text() const;

signals:
    void showTodayRequested();

private:
    QLabel* m_text = nullptr;
};

} // namespace dermaplan::ui
