#pragma once

#include "Result.h"
#include "io/ImportResult.h"
#include "rules/RuleBook.h"
#include "storage/SessionStore.h"

#include <QHash>

namespace dermaplan {
class Database;
}

namespace dermaplan::io {

// What an import would do, worked out before anything is written.
struct ImportPlan {
    QList<Session> fresh;       // to store, by date (a day's sessions in the file's order)
    int alreadyPresent = 0;     // same uuid already in the database (or, without a uuid, the same
                                // day, time, area, needle and notes)
    int matchedWithoutUuid = 0; // of those, matched without a uuid
    QStringList flagged;      // imported, but a safety rule refuses them: they happened, so say so
    QStringList notes;        // e.g. a device id that does not exist here (the link is dropped)
    QList<Device> newDevices; // from the file, not yet here; ids are the file's
    QHash<qint64, qint64> deviceIds; // file device id -> an existing device that is the same
    QList<Regimen> newRegimens;      // from the file, not yet here
    int regimensPresent = 0;
};

// Reads `data` (csv or json) completely, validates every row, and plans the import against the
// database: no duplicates by uuid, device links only where the device exists, every new session
// checked against the rules in date order. Any invalid row: an ImportResult with errors.
// `progress` is called as rows are checked, outside any transaction (a program may show a
// dialog and process events meanwhile without holding the write lock); returning false cancels.
// `parsed` is taken by value: a caller done with it moves it in, and its sessions become the
// plan's without a copy.
[[nodiscard]] Result<ImportPlan> planImport(ImportResult parsed, Database& db,
                                            const RuleBook& rules, QDate today,
                                            const SessionStore::Progress& progress = {});

// Stores the plan (devices, regimens, sessions, links remapped) in one short transaction;
// `progress` may cancel, which stores nothing (the app plans with progress and writes without).
[[nodiscard]] Status runImport(const ImportPlan& plan, Database& db,
                               const SessionStore::Progress& progress = {});

} // namespace dermaplan::io
