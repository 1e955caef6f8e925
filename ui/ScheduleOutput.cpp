#include "ScheduleOutput.h"

#include "AppContext.h"
#include "FileToWrite.h"
#include "io/OutputFile.h"
#include "planning/WeekPoster.h"
#include "print/SchedulePrinter.h"
#include "settings/Preferences.h"

#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QScreen>

namespace dermaplan::ui {

namespace {

// The name printed on the week, from the preferences.
print::PrintOptions printOptions(const Preferences& preferences) {
    print::PrintOptions options;
    options.title = preferences.name;
    return options;
}

} // namespace

ScheduleOutput::ScheduleOutput(AppContext& context, QWidget* window,
                               std::function<QDate()> shownDay)
    : m_context(context)
    , m_window(window)
    , m_shownDay(std::move(shownDay)) {}

QDate ScheduleOutput::firstDay(const Preferences& preferences) const {
    const QDate shown = m_shownDay();
    return weekStart(shown.isValid() ? shown : m_context.today(), preferences.firstDayOfWeek);
}

WeeklySchedule ScheduleOutput::week(const Preferences& preferences) const {
    const QDate first = firstDay(preferences);
    const auto schedule = m_context.logbook().schedule(first, first.addDays(6));
    if (!schedule) {
        m_context.reportError(schedule.error());
        return WeeklySchedule::forRange(first, first.addDays(6), {}, {}, m_context.rules(),
                                        m_context.today());
    }
    return *schedule;
}

QString ScheduleOutput::label(const WeeklySchedule& week) const {
    const QString title = weekTitle(week.from, week.to, QLocale());
    return m_shownDay().isValid() ? tr("%1 (shown on the Plan page)").arg(title) : title;
}

void ScheduleOutput::print() {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = this->week(preferences);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(preferences.paperOrDefault()));
    printer.setDocName(QStringLiteral("Dermaplan · ") + weekTitle(week.from, week.to, QLocale()));
    QPrintDialog dialog(&printer, m_window);
    dialog.setWindowTitle(tr("Print: %1").arg(label(week)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto done =
            print::printSchedule(week, m_context.rules(), printOptions(preferences), printer);
        !done)
        m_context.reportError(done.error());
}

void ScheduleOutput::preview() {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = this->week(preferences);
    const print::PrintOptions options = printOptions(preferences);
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(preferences.paperOrDefault()));
    QPrintPreviewDialog preview(&printer, m_window);
    preview.setWindowTitle(tr("Print preview: %1").arg(label(week)));
    QObject::connect(
        &preview, &QPrintPreviewDialog::paintRequested, &preview,
        [this, &week, &options](QPrinter* p) {
            if (const auto done = print::printSchedule(week, m_context.rules(), options, *p); !done)
                m_context.reportError(done.error());
        });
    // The whole page on the screen, whatever its size: the dialog takes most of the screen's
    // height and the page is zoomed to fit it.
    const QRect screen = m_window->screen()->availableGeometry();
    preview.resize(std::min(screen.width(), qRound(screen.height() * 0.75)),
                   qRound(screen.height() * 0.9));
    if (auto* view = preview.findChild<QPrintPreviewWidget*>())
        view->fitInView();
    preview.exec();
}

bool ScheduleOutput::exportPdf(QString path) {
    const Preferences preferences = Preferences::load();
    const WeeklySchedule week = this->week(preferences);
    path =
        fileToWrite(m_context, m_window, path, tr("Export as PDF: %1").arg(label(week)),
                    QStringLiteral("dermaplan-week-of-%1.pdf").arg(week.from.toString(Qt::ISODate)),
                    tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (const auto done = print::writeSchedulePdf(
            week, m_context.rules(), printOptions(preferences), path, preferences.paperOrDefault());
        !done) {
        m_context.reportError(done.error());
        return false;
    }
    announceSaved(m_context, path);
    return true;
}

bool ScheduleOutput::exportCalendar(QString path) {
    // Twelve weeks from the selected week: enough for a phone to remind you, short enough to
    // re-export after plans change (events keep their UIDs, so they update, not duplicate).
    const QDate from = firstDay(Preferences::load());
    const QDate to = from.addDays(12 * 7 - 1);
    const auto ics = m_context.logbook().calendar(from, to, QTime(9, 0));
    if (!ics) {
        m_context.reportError(ics.error());
        return false;
    }
    path = fileToWrite(m_context, m_window, path, tr("Export to calendar"),
                       QStringLiteral("dermaplan.ics"), tr("iCalendar files (*.ics)"));
    if (path.isEmpty())
        return false;
    if (const auto written = io::writeFileWhole(path, *ics); !written) {
        m_context.reportError(written.error());
        return false;
    }
    announceSaved(m_context, path);
    return true;
}

} // namespace dermaplan::ui
