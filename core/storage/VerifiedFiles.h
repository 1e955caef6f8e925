#pragma once

#include <QString>

namespace dermaplan::verified {

// Remembers database files whose every page SQLite has checked (quick_check) or written since,
// with their fingerprint at that moment: device, inode, size and change time to the nanosecond.
// Any write to a file, by any program, moves its change time (which no tool can set back), so a
// file whose fingerprint is unchanged is still the file that was checked and its pages need not
// be read again: opening then costs the same at 100 or 1,000,000 sessions.
// The records live in the user's cache folder (they can be deleted at any time: the next open
// checks every page again), never beside the database.

// Whether `path` is, byte for byte, a file remembered as checked.
[[nodiscard]] bool isUnchanged(const QString& path);
// Remembers `path` as it is now. Fails silently: a missing record only costs a check.
void remember(const QString& path);
// Forgets `path` (it was found damaged, or is being replaced).
void forget(const QString& path);
// Which file `path` names now (device and inode), to tell it from one put in its place; empty
// when there is none.
[[nodiscard]] QByteArray identity(const QString& path);

} // namespace dermaplan::verified
