#pragma once

#include "domain/IsoDate.h"

#include <QDate>
#include <QString>
#include <QVariant>

#include <QStringList>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

namespace dermaplan::sql {

// Qt binds a null QString as SQL NULL; text columns hold "" instead.
inline QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// A date that bounds a search, as stored dates are written: a window reaching past the years a
// date can be stored with (1 to 9999) is cut there. QDate writes year 10000 as "" (which every
// stored date is above): a window around a session late in 9999 then missed its neighbours.
inline QString dateBound(QDate d) {
    return isoDateText(std::clamp(d, QDate(1, 1, 1), QDate(9999, 12, 31)));
}

// An optional value, or a typed SQL NULL.
template <typename T> QVariant nullable(const std::optional<T>& v, QMetaType::Type type) {
    return v ? QVariant::fromValue(*v) : QVariant(QMetaType(type));
}

// A store's SELECT list from its columns' SQL, listed in the order of the store's `col` enum
// (whose last member, Count, is how many there are): rows are then read by name,
// q.value(col::Notes), and a column added to one list and not the other fails to compile.
template <int Count, std::size_t N>
QString selectList(const std::array<const char16_t*, N>& columns) {
    static_assert(N == std::size_t(Count), "one SQL expression per named column");
    QStringList list;
    for (const char16_t* column : columns)
        list << QString::fromUtf16(column);
    return list.join(QStringLiteral(", "));
}

} // namespace dermaplan::sql
