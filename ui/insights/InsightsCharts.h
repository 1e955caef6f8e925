#pragma once

#include "insights/InsightsSeries.h"
#include "rules/DeviceStatus.h"

#include <QList>

class QChart;

namespace dermaplan::ui {

// The Insights page's charts, drawn from the figures laid out in InsightsSeries. Each returns a
// new chart the caller owns.

// Sessions per week (month, year), stacked by area.
[[nodiscard]] QChart* sessionsChart(const InsightsSeries& series);
// The regimens' days against the sessions logged for them, and those logged too soon.
[[nodiscard]] QChart* adherenceChart(const InsightsSeries& series);
// Follow-up answers stacked by state, with the mean pain score as a line on its own axis.
[[nodiscard]] QChart* painAndReactionsChart(const InsightsSeries& series);
// Each device in use: its uses against the uses after which it is replaced.
[[nodiscard]] QChart* devicesChart(const QList<DeviceStatus>& devices);

} // namespace dermaplan::ui
