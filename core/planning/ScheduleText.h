#pragma once

#include "planning/WeeklySchedule.h"

#include <QLocale>
#include <QString>

namespace dermaplan {

// The plain-text rendering of a schedule, for the CLI. (The printed page, the HTML and the app's
// week view are rendered by ui/print from the same WeeklySchedule.)
[[nodiscard]] QString renderScheduleText(const WeeklySchedule& schedule, const RuleBook& rules,
                                         const QLocale& locale);

// "Scalp · 0.5 mm · hairline, crown"
[[nodiscard]] QString sessionTitle(const QString& area, NeedleLength needle,
                                   const QStringList& zones, const RuleBook& rules);
[[nodiscard]] QString occurrenceTitle(const Occurrence& o, const RuleBook& rules);

} // namespace dermaplan
