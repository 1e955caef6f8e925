#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <optional>

namespace dermaplan::io {

// As many problems with a file as a person reads before fixing it.
inline constexpr int kMaxFileErrors = 20;

// Reads a session file for import: `format` is "csv" or "json", or empty to go by the file's
// suffix. A file that cannot be opened, or whose format is neither, is one error naming it.
// The sessions go to `sink` as they are read (an import spools them), not into memory.
// A CSV file's delimiter is detected from its header unless `delimiter` is given.
[[nodiscard]] ImportResult readSessionFile(const QString& path, const QString& format,
                                           const RuleBook& rules, QDate today,
                                           std::optional<char> delimiter, const SessionSink& sink);

// What a reader says of a uuid it has met before in the same file.
[[nodiscard]] QString uuidTwiceMessage(const QString& uuid);

} // namespace dermaplan::io
