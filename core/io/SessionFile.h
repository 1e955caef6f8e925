#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <optional>

namespace dermaplan::io {

// Reads a session file for import: `format` is "csv" or "json", or empty to go by the file's
// suffix. A file that cannot be opened, or whose format is neither, is one error naming it.
// The sessions go to a spool (ImportResult::spool), not into memory.
// A CSV file's delimiter is detected from its header unless `delimiter` is given.
[[nodiscard]] ImportResult readSessionFile(const QString& path, const QString& format,
                                           const RuleBook& rules, QDate today,
                                           std::optional<char> delimiter = std::nullopt);

} // namespace dermaplan::io
