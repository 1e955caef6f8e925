#include "IsoWeek.h"

#include <QRegularExpression>

namespace dermaplan {

IsoWeek IsoWeek::containing(QDate date) {
    int year = 0;
    const int week = date.weekNumber(&year);
    return {year, week};
}

int IsoWeek::weeksInYear(int isoYear) {
    // 28 December always lies in the last ISO week of its year.
    return QDate(isoYear, 12, 28).weekNumber();
}

QDate IsoWeek::monday() const {
    // 4 January always lies in week 1.
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek()).addDays(qint64(week - 1) * 7);
}

QString IsoWeek::toString() const {
    return QStringLiteral("%1-W%2")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(week, 2, 10, QLatin1Char('0'));
}

Result<IsoWeek> IsoWeek::parse(const QString& text, const QString& field) {
    static const QRegularExpression shape(QStringLiteral(R"(^(\d{4})-?W(\d{2})$)"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return Error::inField(
            field,
            QStringLiteral("'%1' is not an ISO week (use YYYY-Www, e.g. 2026-W48)").arg(text));
    const IsoWeek w{m.captured(1).toInt(), m.captured(2).toInt()};
    if (w.year < 1 || w.week < 1 || w.week > weeksInYear(w.year))
        return Error::inField(field, QStringLiteral("'%1': %2 has weeks 1 to %3")
                                         .arg(text)
                                         .arg(w.year)
                                         .arg(weeksInYear(w.year)));
    return w;
}

} // namespace dermaplan
