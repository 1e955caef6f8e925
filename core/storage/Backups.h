#pragma once

#include "Result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace dermaplan::backups {

// backups/ beside the database: daily and monthly copies, and copies taken before migrations.
[[nodiscard]] QString folderFor(const QString& dbPath);
// backups/set-aside/: what a restore replaced, kept apart so that it is never mistaken for the
// newest backup (it may be the damaged file).
[[nodiscard]] QString setAsideFolderFor(const QString& dbPath);
// The backups a restore may offer, newest first (never the set-aside copies).
[[nodiscard]] QStringList listFor(const QString& dbPath);
// The set-aside copies, newest first.
[[nodiscard]] QStringList setAsideFor(const QString& dbPath);
// Creates a backups folder, owner-only.
[[nodiscard]] Status makeFolder(const QString& dir);

// "dir/stem.sqlite", or "dir/stem-2.sqlite" and so on when that is taken: copies taken before a
// migration or a restore are named by the second, and two may fall in one (a migration cut short
// and run again at once, two databases in one folder).
[[nodiscard]] QString unusedName(const QString& dir, const QString& stem);
// "dermaplan-2026-11-24.sqlite": the name of a day's backup.
[[nodiscard]] QString dailyName(QDate day);
// A consistent copy of `db` at `file`: VACUUM INTO a temporary name beside it, flushed to disk,
// quick_checked, then renamed (never over an existing file) and the folder flushed. A copy that
// fails any step is removed and never has the final name.
[[nodiscard]] Status writeCopy(const QSqlDatabase& db, const QString& file);
// Keeps the 7 newest daily backups and the newest of each of the 12 most recent months that
// have one; deletes other daily backups only. Counts, not the clock: a wrong date cannot make it
// delete the months it never reached. Backups dated after `today` (a clock that was wrong) are
// kept and not counted, so they cannot push real ones out.
void rotate(const QString& dir, QDate today);

// Replaces the history at `dbPath` with `backupFile`'s (upgraded to the current schema), after
// checking it. The current history is set aside first (backups/set-aside/). A healthy database
// is restored in place through SQLite's backup API, in one transaction: programs that have it
// open see the restored history and keep what they commit afterwards, and an interrupted restore
// leaves the old history whole. A refused (damaged) file is replaced whole, its log moved aside
// first. `backupFile` is never changed.
[[nodiscard]] Status restore(const QString& dbPath, const QString& backupFile, QDate today);

// Removes what restores cut short left beside the database (their private folders), and only
// those: a folder whose restore is still running is kept.
void removeAbandonedRestores(const QString& dbPath);

} // namespace dermaplan::backups
