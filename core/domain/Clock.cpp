#include "Clock.h"

#include "IsoDate.h"

namespace dermaplan {

Result<QDate> todayFromEnvironment() {
    const QString fixed = qEnvironmentVariable("DERMAPLAN_TODAY");
    if (fixed.isEmpty())
        return QDate::currentDate();
    return parseIsoDate(fixed, QStringLiteral("DERMAPLAN_TODAY"));
}

std::function<QDate()> systemClock() {
    const auto fixed = todayFromEnvironment();
    if (fixed && !qEnvironmentVariableIsEmpty("DERMAPLAN_TODAY"))
        return [day = *fixed] { return day; };
    return [] { return QDate::currentDate(); };
}

} // namespace dermaplan
