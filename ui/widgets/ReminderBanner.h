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
    // Keeps only the shown reminders still in `current`; hides when none is left.
    void keepOnly(const QList<Reminder>& current);
    [[nodiscard]] QString text() const;

signals:
    void showTodayRequested();

private:
    void render();

    QLabel* m_text = nullptr;
    QList<Reminder> m_shown;
};

} // namespace dermaplan::ui
