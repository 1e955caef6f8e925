#pragma once

#include "Result.h"
#include "rules/RuleBook.h"

#include <QByteArray>

namespace dermaplan {

// Reads rules.json into a RuleBook: every entry is checked (types, ranges, sources that exist,
// templates that respect their own floors), and the first wrong one is named by its file and
// JSON path ("intervals[3].areas.scalp.minimum_days"). RuleBook keeps the answers; this file
// only reads them.
[[nodiscard]] Result<RuleBook> parseRuleBook(const QByteArray& json, const QString& fileName);

} // namespace dermaplan
