#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

namespace dermaplan::io {

// Reads a session file for import: `format` is "csv" or "json", or empty to go by the file's
// suffix. A file that cannot be opened, or whose format is neither, is one error naming it.
// The sessions go to a spool (ImportResult::spool), not into memory.
[[nodiscard]] ImportResult readSessionFile(const QString& path, const QString& format,
                                           const RuleBook& rules, QDate today);

} // namespace dermaplan::io
