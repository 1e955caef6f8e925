#include "PlanPage.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "dialogs/PauseDialog.h"
#include "dialogs/RegimenDialog.h"
#include "domain/IsoWeek.h"
#include "logbook/Logbook.h"
#include "models/RegimenTableModel.h"
#include "planning/ScheduleText.h"
#include "planning/WeeklySchedule.h"
#include "print/SchedulePrinter.h"
#include "widgets/EditableList.h"
#include "widgets/Messages.h"
#include "widgets/RecordTableView.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCharFormat>
#include <QTimer>
#include <QVBoxLayout>

namespace dermaplan::ui {

PlanPage::PlanPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    m_model = new RegimenTableModel(context.rules(), this);
    m_table = new RecordTableView(m_model, tr("Regimens"), this);
    connect(m_table, &QTableView::doubleClicked, this, &PlanPage::editSelected);

    auto* add = new QPushButton(tr("&Add regimen…"), this);
    auto* edit = new QPushButton(tr("&Edit…"), this);
    auto* end = new QPushButton(tr("E&nd"), this);
    auto* remove = new QPushButton(tr("&Remove"), this);
    connect(add, &QPushButton::clicked, this, &PlanPage::addRegimen);
    connect(edit, &QPushButton::clicked, this, &PlanPage::editSelected);
    connect(end, &QPushButton::clicked, this, &PlanPage::endSelected);
    connect(remove, &QPushButton::clicked, this, &PlanPage::removeSelected);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(end);
    buttons->addWidget(remove);
    buttons->addStretch();

    m_calendar = new QCalendarWidget(this);
    m_calendar->setGridVisible(true);
    m_calendar->setAccessibleName(tr("Plan calendar"));
    // Shape as well as colour: bold = planned, underlined = done, struck out = missed,
    // italic = too soon after a session.
    auto* legend = new QLabel(
        tr("<b>Bold</b>: planned · <u>underlined</u>: done · <s>struck out</s>: missed · "
           "<i>italic</i>: too soon (inside a recovery interval) · hatched: paused"),
        this);
    legend->setWordWrap(true);
    m_day = new QLabel(this);
    m_day->setWordWrap(true);
    m_day->setAccessibleName(tr("Selected day"));
    m_week = new QTextBrowser(this);
    m_week->setAccessibleName(tr("Week schedule"));
    connect(m_calendar, &QCalendarWidget::currentPageChanged, this, &PlanPage::markMonth);
    connect(m_calendar, &QCalendarWidget::selectionChanged, this,
            [this] { showDay(m_calendar->selectedDate()); });

    // Pauses: days without sessions (a holiday, a procedure); the plan moves past them.
    m_pauses = new EditableList(tr("Pauses"), tr("Add &pause…"), tr("Remo&ve pause"), this);
    connect(m_pauses, &EditableList::addRequested, this, &PlanPage::addPause);
    connect(m_pauses, &EditableList::removeRequested, this, &PlanPage::removeSelectedPause);

    auto* regimensTab = new QWidget(this);
    auto* regimensLayout = new QVBoxLayout(regimensTab);
    regimensLayout->addWidget(m_table, 1);
    regimensLayout->addLayout(buttons);
    auto* pausesTab = new QWidget(this);
    auto* pausesLayout = new QVBoxLayout(pausesTab);
    pausesLayout->addWidget(m_pauses);
    auto* lists = new QTabWidget(this);
    lists->addTab(regimensTab, tr("Regimens"));
    lists->addTab(pausesTab, tr("Pauses"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(lists, 1);
    leftLayout->addWidget(m_calendar);
    leftLayout->addWidget(legend);
    leftLayout->addWidget(m_day);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_week);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(&m_context, &AppContext::dataChanged, this, &PlanPage::refresh);
    m_calendar->setSelectedDate(context.today());
    refresh();
}

void PlanPage::refresh() {
    auto regimens = m_context.logbook().regimens(true);
    if (!regimens)
        m_context.reportError(regimens.error());
    m_model->setRegimens(regimens ? std::move(regimens).value() : QList<Regimen>());
    m_table->resizeColumnsToContents();
    auto pauses = m_context.logbook().pauses(m_context.today());
    if (!pauses)
        m_context.reportError(pauses.error());
    m_shownPauses = pauses ? std::move(pauses).value() : QList<Pause>();
    QStringList lines;
    const QLocale locale;
    for (const Pause& p : std::as_const(m_shownPauses)) {
        const QString days = tr("%1 – %2").arg(locale.toString(p.from, QLocale::ShortFormat),
                                               locale.toString(p.to, QLocale::ShortFormat));
        const QString where =
            p.area.isEmpty() ? tr("every area") : m_context.rules().areaName(p.area);
        lines << (p.reason.isEmpty() ? tr("%1 · %2").arg(days, where)
                                     : tr("%1 · %2 · %3").arg(days, where, p.reason));
    }
    m_pauses->setLines(lines, tr("No pause ahead. Add one for a holiday, a procedure or an "
                                 "illness: the plan moves past it."));
    markMonth();
    showDay(m_calendar->selectedDate());
}

void PlanPage::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_calendar)
        markMonth();
}

void PlanPage::markMonth() {
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat()); // clear all
    m_descriptions.clear();
    const QDate first(m_calendar->yearShown(), m_calendar->monthShown(), 1);
    const QDate from = first.addDays(-7);
    const QDate to = first.addMonths(1).addDays(7);
    const auto days = m_context.logbook().calendarDays(from, to);
    if (!days) {
        m_context.reportError(days.error());
        return;
    }
    auto mark = [this](QDate d, const std::function<void(QTextCharFormat&)>& style,
                       const QString& text) {
        QTextCharFormat f = m_calendar->dateTextFormat(d);
        style(f);
        m_descriptions[d] << text;
        f.setToolTip(m_descriptions[d].join(u'\n'));
        m_calendar->setDateTextFormat(d, f);
    };
    // The application's palette: the calendar's own may not have followed a new theme yet.
    const QPalette palette = QApplication::palette(m_calendar);
    const RuleBook& rules = m_context.rules();
    // Too soon: inside the minimum interval a logged session sets for its own needle (shorter
    // needles may come back earlier; the day's tooltip and the Today page say which).
    for (const RecoverySpan& r : days->recovering)
        for (QDate d = std::max(r.sessionDate.addDays(1), from); d < r.allowedFrom && d <= to;
             d = d.addDays(1))
            mark(
                d, [](QTextCharFormat& f) { f.setFontItalic(true); },
                tr("too soon for %1 on the %2 (allowed from %3)")
                    .arg(r.needle.toString(), rules.areaInText(r.area),
                         QLocale().toString(r.allowedFrom, QLocale::ShortFormat)));
    for (const Occurrence& o : days->plan.occurrences) {
        const QString title = occurrenceTitle(o, m_context.rules());
        if (o.status == Occurrence::Status::Missed) {
            mark(
                o.date, [](QTextCharFormat& f) { f.setFontStrikeOut(true); },
                tr("missed: %1").arg(title));
            continue;
        }
        // What the planner advises about this day (e.g. sooner than the recommended interval).
        QStringList advice;
        for (const Reason& r : o.advice)
            advice << r.message;
        mark(
            o.date,
            [&palette](QTextCharFormat& f) {
                f.setFontWeight(QFont::Bold);
                f.setBackground(palette.color(QPalette::AlternateBase));
                f.setForeground(palette.color(QPalette::Text));
            },
            advice.isEmpty() ? tr("planned: %1").arg(title)
                             : tr("planned: %1 (%2)").arg(title, advice.join(u' ')));
    }
    for (const Pause& p : days->pauses)
        for (QDate d = std::max(p.from, from); d <= std::min(p.to, to); d = d.addDays(1))
            mark(
                d,
                [&palette](QTextCharFormat& f) {
                    f.setBackground(QBrush(palette.color(QPalette::Mid), Qt::BDiagPattern));
                },
                p.reason.isEmpty()
                    ? tr("paused (%1)")
                          .arg(p.area.isEmpty() ? tr("every area") : rules.areaName(p.area))
                    : tr("paused (%1): %2")
                          .arg(p.area.isEmpty() ? tr("every area") : rules.areaName(p.area),
                               p.reason));
    for (const Session& s : days->logged)
        mark(
            s.date,
            [&palette](QTextCharFormat& f) {
                f.setFontUnderline(true);
                f.setForeground(palette.color(QPalette::Link));
            },
            tr("done: %1 · %2").arg(rules.areaName(s.area), s.needle.toString()));
}

QString PlanPage::dayDescription(QDate day) const {
    return m_descriptions.value(day).join(QStringLiteral("; "));
}

void PlanPage::showDay(QDate day) {
    const QString text = dayDescription(day);
    m_day->setText(QStringLiteral("<b>%1</b>: %2")
                       .arg(QLocale().toString(day, QLocale::LongFormat).toHtmlEscaped(),
                            text.isEmpty() ? tr("nothing planned") : text.toHtmlEscaped()));
    const QDate first = weekStart(day, m_calendar->firstDayOfWeek());
    const auto schedule = m_context.logbook().schedule(first, first.addDays(6));
    if (!schedule) {
        m_context.reportError(schedule.error());
        return;
    }
    m_week->setHtml(print::scheduleHtml(*schedule, m_context.rules(), {}));
    // From its title: a page built while its tab is being shown lays the week out before its
    // final size, and the view would keep the scroll position of that first layout.
    QTimer::singleShot(0, m_week, [week = m_week] { week->verticalScrollBar()->setValue(0); });
}

void PlanPage::addRegimen() {
    RegimenDialog dialog(m_context, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Edits(m_context).addRegimen(dialog.regimen());
}

std::optional<Regimen> PlanPage::selectedRegimen() const {
    const qint64 id = m_table->selectedId();
    return id ? m_context.reported(m_context.logbook().regimen(id)) : std::nullopt;
}

void PlanPage::addPause() {
    PauseDialog dialog(m_context.rules(), std::max(m_context.today(), m_calendar->selectedDate()),
                       this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Edits(m_context).addPause(dialog.pause());
}

void PlanPage::removeSelectedPause() {
    const int row = m_pauses->currentRow();
    if (row < 0)
        return;
    Edits(m_context).removePause(m_shownPauses[row]); // undoable: no question asked
}

void PlanPage::editSelected() {
    const auto regimen = selectedRegimen();
    if (!regimen)
        return;
    RegimenDialog dialog(m_context, this);
    dialog.setRegimen(*regimen);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Regimen updated = dialog.regimen();
    updated.endedOn = regimen->endedOn;
    Edits(m_context).editRegimen(*regimen, updated);
}

void PlanPage::endSelected() {
    if (const auto regimen = selectedRegimen())
        Edits(m_context).endRegimen(*regimen);
}

void PlanPage::removeSelected() {
    const auto regimen = selectedRegimen();
    if (!regimen)
        return;
    if (!confirm(this, tr("Remove regimen"),
                 tr("Remove this regimen? Sessions you logged are kept; only the plan goes."),
                 tr("Remove")))
        return;
    Edits(m_context).removeRegimen(*regimen);
}

} // namespace dermaplan::ui
