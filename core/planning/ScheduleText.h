#pragma once

#include "planning/WeeklySchedule.h"

#include <QLocale>
#include <QString>

namespace dermaplan {

// Plain-text and simple HTML renderings of a schedule, for the CLI. (The printed page is rendered
// by ui/print from the same WeeklySchedule.)
[[nodiscard]] QString renderScheduleText(const WeeklySchedule& schedule, const RuleBook& rules,
                                         const QLocale& locale);
[[nodiscard]] QString renderScheduleHtml(const WeeklySchedule& schedule, const RuleBook& rules,
                                         const QLocale& locale);

// "Scalp · 0.5 mm · hairline, crown"
[[nodiscard]] QString occurrenceTitle(const Occurrence& o, const RuleBook& rules);

} // namespace dermaplan
