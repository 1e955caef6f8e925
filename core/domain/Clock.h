#pragma once

#include "Result.h"

#include <QDate>

#include <functional>

namespace dermaplan {

// "Today" for the apps: DERMAPLAN_TODAY=YYYY-MM-DD when set (tests, screenshots, demos), else the
// system clock. Pure logic never calls this: it takes today as a parameter.
[[nodiscard]] Result<QDate> todayFromEnvironment();

// The apps' clock: a fixed day when DERMAPLAN_TODAY is set (validated once, by
// todayFromEnvironment), else the system's date read at each call, so a program left running
// moves on at midnight.
[[nodiscard]] std::function<QDate()> systemClock();

} // namespace dermaplan
