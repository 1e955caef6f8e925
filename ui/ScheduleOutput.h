#pragma once

#include "planning/WeeklySchedule.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>

class QWidget;

namespace dermaplan::ui {

class AppContext;
struct Preferences;

// The schedule out of the app: the week printed, previewed or saved as a PDF, and the weeks
// ahead exported to a calendar. Which week: the one shown on the Plan page when asked from
// there (`shownDay` gives the day picked there, or an invalid date on any other page), this week
// otherwise; it starts on the preferred first day of the week. Dialogs open over `window`;
// failures are reported through the context, a saved file is announced.
class ScheduleOutput {
    Q_DECLARE_TR_FUNCTIONS(ScheduleOutput)

public:
    ScheduleOutput(AppContext& context, QWidget* window, std::function<QDate()> shownDay);

    void print();
    void preview();
    // The week as a PDF at `path` (asks for one when empty); false on failure or cancel.
    bool exportPdf(QString path = QString());
    // Twelve weeks of plans from that week as iCalendar (asks for a file when empty).
    bool exportCalendar(QString path = QString());

private:
    [[nodiscard]] QDate firstDay(const Preferences& preferences) const;
    [[nodiscard]] WeeklySchedule week(const Preferences& preferences) const;
    // "the week of 23–29 November 2026", "… (shown on the Plan page)": what a dialog says it
    // prints.
    [[nodiscard]] QString label(const WeeklySchedule& week) const;

    AppContext& m_context;
    QWidget* m_window;
    std::function<QDate()> m_shownDay;
};

} // namespace dermaplan::ui
