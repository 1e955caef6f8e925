#pragma once

#include "Result.h"

#include <QString>

namespace dermaplan {

// What inspecting an existing database file found.
struct Inspection {
    int userVersion = 0; // PRAGMA user_version: Dermaplan's schema version
    bool empty = false;  // no tables at all (a new file)
};

// Looks at an existing database file without changing a byte of it, its -wal or its -shm:
// the header's fixed fields first (damage is said as damage, not as a "newer version"), then
// SQLite's quick_check, the schema version and whether the tables are Dermaplan's, on a
// read-only view (immutable when there is no write-ahead log; else a private copy of the file
// and its log, so nothing can write to the originals). The error's message is the problem in
// words ("is damaged (...)", "is not a Dermaplan database (...)").
// Pages::Skip leaves out quick_check, which reads every page: for a file known to be unchanged
// since it was last checked (VerifiedFiles).
enum class Pages { Check, Skip };
[[nodiscard]] Result<Inspection> inspectDatabaseFile(const QString& path, int knownVersion,
                                                     Pages pages = Pages::Check);

// Whether Dermaplan may write in `path`'s folder and to `path`: the owner's write bits, which
// even root honours here, so that a file or folder the user made read-only stays untouched.
[[nodiscard]] bool ownerMayWrite(const QString& path);

// A connection URI for reading `path` without ever writing next to it (read-only media).
[[nodiscard]] QString immutableUri(const QString& path);

} // namespace dermaplan
