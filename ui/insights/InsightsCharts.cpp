#include "InsightsCharts.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPalette>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace dermaplan::ui {

namespace {

class ChartsTr {
    Q_DECLARE_TR_FUNCTIONS(InsightsCharts)
};

// A chart in the app's colours: the dark theme when the app is dark.
QChart* newChart() {
    auto* chart = new QChart;
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation); // figures, not a show
    return chart;
}

QBarCategoryAxis* periodAxis(const InsightsSeries& series) {
    auto* axis = new QBarCategoryAxis;
    QStringList labels;
    for (const ChartPeriod& p : series.periods)
        labels << p.label;
    axis->append(labels);
    if (labels.size() > 8)
        axis->setLabelsAngle(-90);
    return axis;
}

// A count axis from 0 with whole-number ticks (no "2.5 sessions").
QValueAxis* countAxis(int highest, const QString& title) {
    auto* axis = new QValueAxis;
    const int top = std::max(1, highest);
    const int step = top <= 5 ? 1 : top <= 10 ? 2 : int(std::ceil(top / 5.0));
    axis->setRange(0, double(step * int(std::ceil(double(top) / step))));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTitleText(title);
    return axis;
}

QBarSet* barSet(const ChartSet& set) {
    auto* bars = new QBarSet(set.label);
    for (int v : set.values)
        bars->append(v);
    return bars;
}

int highestStacked(const QList<ChartSet>& sets) {
    int highest = 0;
    if (sets.isEmpty())
        return 0;
    for (qsizetype i = 0; i < sets.first().values.size(); ++i) {
        int total = 0;
        for (const ChartSet& s : sets)
            total += s.values[i];
        highest = std::max(highest, total);
    }
    return highest;
}

int highestOf(const QList<ChartSet>& sets) {
    int highest = 0;
    for (const ChartSet& s : sets)
        for (int v : s.values)
            highest = std::max(highest, v);
    return highest;
}

// Colours people read at a glance: fine green, trouble warm, resolved cool; other states keep
// the theme's colour.
QColor stateColour(const QString& id) {
    static const QHash<QString, QColor> colours{
        {QStringLiteral("fine"), QColor(0x4c, 0xaf, 0x50)},
        {QStringLiteral("redness"), QColor(0xef, 0x9a, 0x9a)},
        {QStringLiteral("swelling"), QColor(0xff, 0xb7, 0x4d)},
        {QStringLiteral("bleeding"), QColor(0xc6, 0x28, 0x28)},
        {QStringLiteral("infection"), QColor(0x8e, 0x24, 0xaa)},
        {QStringLiteral("darkening"), QColor(0x79, 0x55, 0x48)},
        {QStringLiteral("resolved"), QColor(0x42, 0xa5, 0xf5)},
        {QStringLiteral("cleared"), QColor(0x26, 0xa6, 0x9a)}};
    return colours.value(id);
}

QString unitTitle(const InsightsSeries& series) {
    switch (series.unit) {
    case StatsPeriod::Week:
        return ChartsTr::tr("Week of");
    case StatsPeriod::Month:
        return ChartsTr::tr("Month");
    case StatsPeriod::Year:
        return ChartsTr::tr("Year");
    }
    return {};
}

} // namespace

QChart* sessionsChart(const InsightsSeries& series) {
    QChart* chart = newChart();
    auto* bars = new QStackedBarSeries;
    for (const ChartSet& set : series.sessionsByArea)
        bars->append(barSet(set));
    chart->addSeries(bars);
    auto* x = periodAxis(series);
    x->setTitleText(unitTitle(series));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(countAxis(highestStacked(series.sessionsByArea), ChartsTr::tr("Sessions")),
                   Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(chart->axes(Qt::Vertical).constFirst());
    return chart;
}

QChart* adherenceChart(const InsightsSeries& series) {
    QChart* chart = newChart();
    auto* bars = new QBarSeries;
    QBarSet* planned = barSet(series.planned);
    planned->setColor(QColor(0x9e, 0x9e, 0x9e));
    QBarSet* done = barSet(series.done);
    done->setColor(QColor(0x4c, 0xaf, 0x50));
    QBarSet* tooSoon = barSet(series.tooSoon);
    tooSoon->setColor(QColor(0xff, 0x8f, 0x00));
    bars->append({planned, done, tooSoon});
    chart->addSeries(bars);
    auto* x = periodAxis(series);
    x->setTitleText(unitTitle(series));
    chart->addAxis(x, Qt::AlignBottom);
    auto* y = countAxis(highestOf({series.planned, series.done, series.tooSoon}),
                        ChartsTr::tr("Sessions"));
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    return chart;
}

QChart* painAndReactionsChart(const InsightsSeries& series) {
    QChart* chart = newChart();
    auto* x = periodAxis(series);
    x->setTitleText(unitTitle(series));
    chart->addAxis(x, Qt::AlignBottom);
    auto* answers = new QStackedBarSeries;
    for (const ChartSet& set : series.answersByState) {
        QBarSet* bars = barSet(set);
        if (const QColor c = stateColour(set.id); c.isValid())
            bars->setColor(c);
        answers->append(bars);
    }
    chart->addSeries(answers);
    auto* count = countAxis(highestStacked(series.answersByState), ChartsTr::tr("Answers"));
    chart->addAxis(count, Qt::AlignLeft);
    answers->attachAxis(x);
    answers->attachAxis(count);

    // Weeks without a pain score are left out of the line, not drawn as 0.
    auto* pain = new QLineSeries;
    pain->setName(ChartsTr::tr("Pain (mean, 0–10)"));
    pain->setPointsVisible(true);
    for (qsizetype i = 0; i < series.meanPain.size(); ++i)
        if (const auto& p = series.meanPain[i])
            pain->append(double(i), *p);
    chart->addSeries(pain);
    auto* painAxis = new QValueAxis;
    painAxis->setRange(0, 10);
    painAxis->setTickCount(6);
    painAxis->setLabelFormat(QStringLiteral("%d"));
    painAxis->setTitleText(ChartsTr::tr("Pain"));
    chart->addAxis(painAxis, Qt::AlignRight);
    pain->attachAxis(x);
    pain->attachAxis(painAxis);
    return chart;
}

QChart* devicesChart(const QList<DeviceStatus>& devices) {
    QChart* chart = newChart();
    auto* uses = new QBarSet(ChartsTr::tr("Uses"));
    auto* limit = new QBarSet(ChartsTr::tr("Replace after"));
    limit->setColor(QColor(0x9e, 0x9e, 0x9e));
    QStringList names;
    int highest = 0;
    // Listed top to bottom in the order given: a horizontal chart draws its first bar lowest.
    for (auto it = devices.crbegin(); it != devices.crend(); ++it) {
        names << it->state.device.name;
        uses->append(it->state.usesSoFar);
        limit->append(it->useLimit);
        highest = std::max({highest, it->state.usesSoFar, it->useLimit});
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append({uses, limit});
    chart->addSeries(bars);
    auto* y = new QBarCategoryAxis;
    y->append(names);
    chart->addAxis(y, Qt::AlignLeft);
    auto* x = countAxis(highest, ChartsTr::tr("Uses"));
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    bars->attachAxis(y);
    return chart;
}

} // namespace dermaplan::ui
