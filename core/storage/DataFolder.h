#pragma once

#include "Result.h"

#include <QDate>
#include <QString>

namespace dermaplan::dataFolder {

// ~/.local/share/dermaplan/dermaplan.sqlite: one folder level, as desktop apps name theirs
// (QStandardPaths' AppDataLocation adds the organisation: dermaplan/dermaplan/).
[[nodiscard]] QString defaultDatabasePath();
// Where versions up to 0.2 kept it: ~/.local/share/dermaplan/dermaplan/dermaplan.sqlite.
[[nodiscard]] QString legacyDatabasePath();

struct Moved {
    bool moved = false; // false: nothing to move (no old database, or a new one already there)
    int backups = 0;    // backup files moved with it
};

// Moves the database at `legacy` and its backups to `target` when there is none at `target`,
// safely: a consistent, checked copy of the database (SQLite's VACUUM INTO, as for a backup),
// each backup copied and compared byte for byte, and only then are the old files removed. When
// any step fails, what was copied is removed, the old files are left as they were, and the error
// says what failed; the old database stays the one to use.
[[nodiscard]] Result<Moved> moveLegacyDatabase(const QString& legacy, const QString& target,
                                               QDate today);

// The default database for both faces: the old folder's database moved first if there is one.
// `notice` says what happened, in words for a person (empty when nothing did); a failed move
// keeps the old path, and says why.
struct DefaultDatabase {
    QString path;
    QString notice;
    bool failed = false;
};
[[nodiscard]] DefaultDatabase prepareDefaultDatabase(QDate today);

} // namespace dermaplan::dataFolder
