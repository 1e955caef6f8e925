#pragma once

#include <QDate>
#include <QString>
#include <QVariant>

#include <optional>

namespace dermaplan::sql {

// Qt binds a null QString as SQL NULL; text columns hold "" instead.
inline QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// A date as stored, "2026-11-25", without QDate::toString's general formatting: an import
// writes 100,000 of them.
inline QString dateText(QDate d) {
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

// An optional value, or a typed SQL NULL.
template <typename T> QVariant nullable(const std::optional<T>& v, QMetaType::Type type) {
    return v ? QVariant::fromValue(*v) : QVariant(QMetaType(type));
}

} // namespace dermaplan::sql
