#pragma once

#include "Result.h"
#include "io/ImportResult.h"
#include "rules/RuleBook.h"
#include "storage/ImportSpool.h"
#include "storage/SessionStore.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace dermaplan {
class Database;
}

namespace dermaplan::io {

// What an import would do, worked out before anything is written.
struct ImportPlan {
    std::shared_ptr<ImportSpool> spool; // the file's sessions: the fresh ones are stored from it
    qsizetype fresh = 0;                // sessions to store
    int alreadyPresent = 0;     // same uuid already in the database (or, without a uuid, the same
                                // day, time, area, needle and notes)
    int matchedWithoutUuid = 0; // of those, matched without a uuid
    // Imported, but a safety rule refuses them: they happened, so say so. The first hundred by
    // date ("DATE AREA NEEDLE: rule"), and how many in all.
    QStringList flagged;
    qsizetype flaggedCount = 0;
    QStringList notes;        // e.g. a device id that does not exist here (the link is dropped)
    QList<Device> newDevices; // from the file, not yet here; ids are the file's
    QHash<qint64, qint64> deviceIds; // file device id -> an existing device that is the same
    QSet<qint64> fileDevices;        // the file's device ids (remapped when stored)
    QSet<qint64> missingDevices;     // ids neither in the file nor here: links dropped
    bool dropDeviceLinks = false;    // the file lists no devices: every link is dropped
    QList<Regimen> newRegimens;      // from the file, not yet here
    int regimensPresent = 0;
    QList<Cleaning> newCleanings; // from the file, not yet here; device ids are the file's
    int cleaningsPresent = 0;
    QList<Pause> newPauses; // the same days on the same area are already here
    int pausesPresent = 0;
    QList<Product> newProducts; // a product of the same name is already here
    int productsPresent = 0;

    // How many records besides sessions the import adds (devices, regimens, cleanings, pauses,
    // products).
    [[nodiscard]] qsizetype newRecords() const {
        return newDevices.size() + newRegimens.size() + newCleanings.size() + newPauses.size() +
               newProducts.size();
    }

    // The device a session of the file is stored with, by the fields above: none when links are
    // dropped or its device is missing; a device of the file under the id it was stored with
    // (`storedIds`: file id -> id here, deviceIds and the new devices); else the id as it is.
    [[nodiscard]] std::optional<qint64> storedDevice(std::optional<qint64> fileId,
                                                     const QHash<qint64, qint64>& storedIds) const;
};

// Plans the import of a file read for import (readSessionFile: its sessions in a spool) or of
// sessions in a list, against the database: no duplicates by uuid, device links only where the
// device exists, every new session checked against the rules in date order, the rule it breaks
// written to the spool. Any invalid row: an ImportResult with errors.
// `progress` is called as rows are checked, outside any transaction (a program may show a
// dialog and process events meanwhile without holding the write lock); returning false cancels.
[[nodiscard]] Result<ImportPlan> planImport(ImportResult parsed, Database& db,
                                            const RuleBook& rules, QDate today,
                                            const SessionStore::Progress& progress = {});

// Stores the plan (devices, regimens, sessions from the spool, links remapped) in one
// transaction; `progress` may cancel, which stores nothing (the app plans with progress and writes
// without).
[[nodiscard]] Status runImport(const ImportPlan& plan, Database& db,
                               const SessionStore::Progress& progress = {});

} // namespace dermaplan::io
