#pragma once

#include "Result.h"

#include <QDate>

namespace dermaplan {

// "Today" for the apps: DERMAPLAN_TODAY=YYYY-MM-DD when set (tests, screenshots, demos), else the
// system clock. Pure logic never calls this: it takes today as a parameter.
[[nodiscard]] Result<QDate> todayFromEnvironment();

// Parses an ISO date (YYYY-MM-DD), naming `field` in the error.
[[nodiscard]] Result<QDate> parseIsoDate(const QString& text, const QString& field);

} // namespace dermaplan
