#pragma once

#include <QDate>
#include <QString>

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

} // namespace dermaplan
