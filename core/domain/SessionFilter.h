#pragma once

#include "domain/NeedleLength.h"

#include <QDate>
#include <QString>

#include <optional>

namespace dermaplan {

// Which logged sessions a list, an export or a count is about, and in which order.
struct SessionFilter {
    std::optional<QString> area;
    std::optional<QDate> from; // inclusive
    std::optional<QDate> to;   // inclusive
    std::optional<NeedleLength> needle;
    std::optional<QString> search; // in notes, reaction, products and override reason
    bool newestFirst = false;
    int offset = 0;
    int limit = -1; // -1: all
};

} // namespace dermaplan
