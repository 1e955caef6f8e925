#include "Clock.h"

#include <QRegularExpression>

namespace dermaplan {

Result<QDate> parseIsoDate(const QString& text, const QString& field) {
    static const QRegularExpression shape(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !d.isValid())
        return Error::inField(field,
                              QStringLiteral("'%1' is not a date (use YYYY-MM-DD)").arg(text));
    return d;
}

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
