#include "StatsFigures.h"

namespace dermaplan {

QDate periodStart(StatsPeriod period, QDate day) {
    switch (period) {
    case StatsPeriod::Week:
        return day.addDays(1 - day.dayOfWeek());
    case StatsPeriod::Month:
        return QDate(day.year(), day.month(), 1);
    case StatsPeriod::Year:
        return QDate(day.year(), 1, 1);
    }
    return day;
}

QDate nextPeriodStart(StatsPeriod period, QDate first) {
    switch (period) {
    case StatsPeriod::Week:
        return first.addDays(7);
    case StatsPeriod::Month:
        return first.addMonths(1);
    case StatsPeriod::Year:
        return first.addYears(1);
    }
    return first.addDays(7);
}

} // namespace dermaplan
