#include "InsightsPage.h"

#include "AppContext.h"
#include "FileToWrite.h"
#include "insights/ChartPanel.h"
#include "insights/InsightsCharts.h"
#include "insights/InsightsSeries.h"
#include "logbook/Logbook.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace dermaplan::ui {

namespace {

enum class Range { Weeks4, Weeks12, Months6, Year, Years5, Custom };

// The first day of a preset period that ends on `today`: whole weeks from a Monday, so that
// "12 weeks" draws 12 bars, not 13 with two cut short.
QDate rangeStart(Range range, QDate today) {
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    switch (range) {
    case Range::Weeks4:
        return monday.addDays(-3 * 7);
    case Range::Weeks12:
        return monday.addDays(-11 * 7);
    case Range::Months6:
        return today.addMonths(-6).addDays(1);
    case Range::Year:
        return today.addYears(-1).addDays(1);
    case Range::Years5:
        return today.addYears(-5).addDays(1);
    case Range::Custom:
        break;
    }
    return {};
}

} // namespace

InsightsPage::InsightsPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    m_range = new QComboBox(this);
    m_range->addItem(tr("Last 4 weeks"), int(Range::Weeks4));
    m_range->addItem(tr("Last 12 weeks"), int(Range::Weeks12));
    m_range->addItem(tr("Last 6 months"), int(Range::Months6));
    m_range->addItem(tr("Last year"), int(Range::Year));
    m_range->addItem(tr("Last 5 years"), int(Range::Years5));
    m_range->addItem(tr("Custom"), int(Range::Custom));
    m_range->setCurrentIndex(1);
    m_range->setAccessibleName(tr("Period"));
    m_from = new QDateEdit(this);
    m_from->setCalendarPopup(true);
    m_from->setAccessibleName(tr("From"));
    m_to = new QDateEdit(this);
    m_to->setCalendarPopup(true);
    m_to->setAccessibleName(tr("To"));
    m_area = new QComboBox(this);
    m_area->addItem(tr("Every area"), QString());
    for (const Area& area : context.rules().areas())
        m_area->addItem(area.name, area.id);
    m_area->setAccessibleName(tr("Area"));

    auto* filters = new QHBoxLayout;
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_range);
    auto* fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto* areaLabel = new QLabel(tr("&Area:"), this);
    areaLabel->setBuddy(m_area);
    filters->addWidget(periodLabel);
    filters->addWidget(m_range);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addWidget(areaLabel);
    filters->addWidget(m_area);
    filters->addStretch();

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Summary"));

    m_sessions = new ChartPanel(tr("Sessions per week"), QStringLiteral("sessions"), this);
    m_adherence = new ChartPanel(tr("Keeping to the plan"), QStringLiteral("adherence"), this);
    m_pain =
        new ChartPanel(tr("Pain and how the skin reacted"), QStringLiteral("pain-reactions"), this);
    m_devices =
        new ChartPanel(tr("Devices: uses before replacing"), QStringLiteral("devices"), this);
    for (ChartPanel* panel : {m_sessions, m_adherence, m_pain, m_devices})
        connect(panel, &ChartPanel::saveRequested, this, [this](ChartPanel* p) { saveChart(p); });

    auto* charts = new QWidget;
    m_grid = new QGridLayout(charts);
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);
    arrangePanels();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_summary);
    layout->addWidget(scroll, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &InsightsPage::applyRange);
    const auto edited = [this] {
        if (m_applying)
            return;
        m_applying = true;
        m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
        m_applying = false;
        refresh();
    };
    connect(m_from, &QDateEdit::dateChanged, this, edited);
    connect(m_to, &QDateEdit::dateChanged, this, edited);
    connect(m_area, &QComboBox::currentIndexChanged, this, &InsightsPage::refresh);
    connect(&m_context, &AppContext::dataChanged, this, &InsightsPage::refresh);
    connect(&m_context, &AppContext::dayChanged, this, &InsightsPage::applyRange);
    applyRange();
}

void InsightsPage::applyRange() {
    const auto range = Range(m_range->currentData().toInt());
    if (range == Range::Custom || m_applying)
        return;
    const QDate today = m_context.today();
    m_applying = true;
    m_to->setDate(today);
    m_from->setDate(rangeStart(range, today));
    m_applying = false;
    refresh();
}

void InsightsPage::showPeriod(QDate from, QDate to, const QString& area) {
    m_applying = true;
    m_range->setCurrentIndex(m_range->findData(int(Range::Custom)));
    m_from->setDate(from);
    m_to->setDate(to);
    m_area->setCurrentIndex(std::max(0, m_area->findData(area)));
    m_applying = false;
    refresh();
}

void InsightsPage::refresh() {
    if (m_applying)
        return;
    // Four charts are not redrawn for every write while another page is in front.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    const QLocale locale;
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (from > to) {
        m_stats.reset();
        m_summary->setText(tr("The period must start before it ends: %1 is after %2.")
                               .arg(locale.toString(from, QLocale::ShortFormat),
                                    locale.toString(to, QLocale::ShortFormat)));
        for (ChartPanel* panel : {m_sessions, m_adherence, m_pain, m_devices})
            panel->showMessage({});
        return;
    }
    auto stats =
        m_context.logbook().stats(from, to, m_area->currentData().toString(), periodFor(from, to));
    if (!stats) {
        m_stats.reset();
        m_summary->setText(stats.error().toString());
        return;
    }
    m_stats = std::move(stats).value();
    showStats(*m_stats);
}

void InsightsPage::showStats(const Stats& stats) {
    const QLocale locale;
    const InsightsSeries series = insightsSeries(stats, m_context.rules(), locale);
    const QString area = m_area->currentText();
    const QString period = tr("%1 to %2")
                               .arg(locale.toString(stats.from, QLocale::ShortFormat),
                                    locale.toString(stats.to, QLocale::ShortFormat));
    if (stats.sessions == 0)
        m_summary->setText(stats.area.isEmpty()
                               ? tr("No session from %1 on any area.").arg(period)
                               : tr("No session from %1 on %2.").arg(period, area));
    else if (stats.sessions == 1)
        m_summary->setText(
            tr("One session from %1 %2: the charts fill in as you log more.")
                .arg(period, stats.area.isEmpty() ? tr("on all areas") : tr("on %1").arg(area)));
    else
        m_summary->setText(
            tr("%n session(s) from %1 %2.", nullptr, stats.sessions)
                .arg(period, stats.area.isEmpty() ? tr("on all areas") : tr("on %1").arg(area)));

    const QString byUnit = series.unit == StatsPeriod::Week    ? tr("Sessions per week")
                           : series.unit == StatsPeriod::Month ? tr("Sessions per month")
                                                               : tr("Sessions per year");
    m_sessions->setTitle(byUnit);
    if (series.sessionsByArea.isEmpty())
        m_sessions->showMessage(
            tr("No session in this period. The sessions you log appear here, week by week."));
    else
        m_sessions->setChart(sessionsChart(series));

    if (series.hasAdherence())
        m_adherence->setChart(adherenceChart(series));
    else
        m_adherence->showMessage(tr("No regimen ran in this period. Plan one on the Plan page "
                                    "to see how closely you keep to it."));
    m_adherence->setCaption(regimenLines(stats));

    if (series.hasPainOrAnswers())
        m_pain->setChart(painAndReactionsChart(series));
    else
        m_pain->showMessage(tr("No pain score or follow-up answer in this period. Log pain with "
                               "a session, and answer the follow-ups on the Today page."));

    QList<DeviceStatus> inUse;
    std::copy_if(stats.devices.cbegin(), stats.devices.cend(), std::back_inserter(inUse),
                 [](const DeviceStatus& d) { return d.level != DeviceStatus::Level::Retired; });
    if (inUse.isEmpty())
        m_devices->showMessage(tr("No device in use. Add yours on the Devices page to see when "
                                  "it is due for replacing."));
    else
        m_devices->setChart(devicesChart(inUse));
}

QString InsightsPage::regimenLines(const Stats& stats) const {
    QStringList lines;
    for (const RegimenFigures& r : stats.regimens)
        // One arg() for all: a name with "%2" in it stays as it is.
        lines << tr("%1 (%2, %3): %4 planned, %5 done, %6 missed, %7 too soon")
                     .arg(r.regimen.name, r.regimen.needle.toString(),
                          tr("every %n day(s)", nullptr, r.regimen.everyDays),
                          QString::number(r.expected), QString::number(r.done),
                          QString::number(r.missed), QString::number(r.tooSoon));
    return lines.join(QLatin1Char('\n'));
}

bool InsightsPage::saveChart(ChartPanel* panel, QString path) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = QStringLiteral("dermaplan-%1-%2.png")
                             .arg(panel->fileStem(), m_to->date().toString(Qt::ISODate));
    path = fileToWrite(m_context, this, path, tr("Save “%1” as PNG").arg(panel->title()),
                       QDir(folder).filePath(name), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return false;
    if (const auto saved = panel->savePng(path); !saved) {
        m_context.reportError(saved.error());
        return false;
    }
    announceSaved(m_context, path);
    return true;
}

void InsightsPage::arrangePanels() {
    const int columns = width() >= 1100 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    const QList<ChartPanel*> panels{m_sessions, m_adherence, m_pain, m_devices};
    for (ChartPanel* panel : panels)
        m_grid->removeWidget(panel);
    for (qsizetype i = 0; i < panels.size(); ++i)
        m_grid->addWidget(panels[i], int(i / columns), int(i % columns));
    // Columns of equal width, whether a panel holds a chart or a sentence.
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, columns == 2 ? 1 : 0);
}

void InsightsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void InsightsPage::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void InsightsPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangePanels();
}

} // namespace dermaplan::ui
