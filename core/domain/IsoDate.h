#pragma once

#include "Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <functional>

namespace dermaplan {

// A date as files and the database hold it, "2026-11-25" (years 1 to 9999), without
// QDate::toString's general formatter: an export or an import writes 100,000 of them.
inline QString isoDateText(QDate d) {
    int y = 0, m = 0, day = 0;
    d.getDate(&y, &m, &day);
    if (!d.isValid() || y < 1 || y > 9999)
        return d.toString(Qt::ISODate);
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

// The date in `text` as isoDateText writes it; anything else is read by QDate::fromString (an
// invalid date when it is not ISO 8601). Reading 100,000 stored dates this way skips Qt's
// general date parser.
inline QDate isoDateFromText(QStringView text) {
    const auto digit = [&](qsizetype i) { return text[i].unicode() - u'0'; };
    const auto digits = [&](qsizetype from, qsizetype n) {
        int value = 0;
        for (qsizetype i = from; i < from + n; ++i) {
            if (text[i] < u'0' || text[i] > u'9')
                return -1;
            value = value * 10 + digit(i);
        }
        return value;
    };
    if (text.size() == 10 && text[4] == u'-' && text[7] == u'-') {
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 1 && m >= 0 && d >= 0)
            return QDate(y, m, d); // invalid when the month or day is out of range
    }
    return QDate::fromString(text.toString(), Qt::ISODate);
}

// `text` with each ISO date in it ("2026-11-25") written by `write`: the core's messages carry
// ISO dates (the CLI's contract, which scripts read); a page for people writes them its way.
[[nodiscard]] QString withDatesWritten(QString text, const std::function<QString(QDate)>& write);

// A date a person or a file gives: exactly YYYY-MM-DD (four-digit year, two-digit month and
// day) and a day that exists; anything else is an error naming `field`. The one parser of dates
// from outside (options, files, DERMAPLAN_TODAY): each face says a bad date the same way.
[[nodiscard]] Result<QDate> parseIsoDate(QStringView text, const QString& field);

// A moment to the minute as files and the database hold it, "2026-11-25T21:30".
[[nodiscard]] QString isoMinuteText(const QDateTime& when);
// A date and time a person or a file gives: exactly YYYY-MM-DDTHH:MM; anything else is an error
// naming `field`.
[[nodiscard]] Result<QDateTime> parseIsoMinute(QStringView text, const QString& field);

} // namespace dermaplan
