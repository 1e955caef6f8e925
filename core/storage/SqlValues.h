#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace dermaplan::sql {

// Qt binds a null QString as SQL NULL; text columns hold "" instead.
inline QString notNull(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// An optional value, or a typed SQL NULL.
template <typename T> QVariant nullable(const std::optional<T>& v, QMetaType::Type type) {
    return v ? QVariant::fromValue(*v) : QVariant(QMetaType(type));
}

} // namespace dermaplan::sql
