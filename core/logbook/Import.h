#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "io/ImportResult.h"

#include <QHash>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>

namespace dermaplan {

class ImportSpool;
class RuleBook;

// What an import reads: a session file's problems, or its records and its sessions in a spool.
// Sessions in a list (a program's, a test's) are spooled when the import is planned.
struct ImportSource {
    ImportSource(io::ImportResult parsed = {}, std::shared_ptr<ImportSpool> spooled = {})
        : read(std::move(parsed))
        , spool(std::move(spooled)) {}

    io::ImportResult read;
    std::shared_ptr<ImportSpool> spool;
};

// Reads a session file for import (io::readSessionFile), its sessions into a new spool so that
// memory holds a row at a time; a uuid twice in the file is a problem at each repeating line.
// No database is opened: a bad file is reported before anything is touched.
[[nodiscard]] ImportSource readImportFile(const QString& path, const QString& format,
                                          const RuleBook& rules, QDate today,
                                          std::optional<char> delimiter = std::nullopt);

// What an import would do, worked out before anything is written (Logbook::planImport).
struct ImportPlan {
    std::shared_ptr<ImportSpool> spool; // the file's sessions: the fresh ones are stored from it
    // Names the uuids given to the file's sessions that have none, the same each time the plan
    // is stored (an import redone after an undo brings back the same sessions).
    QUuid uuidSeed = QUuid::createUuid();
    qsizetype fresh = 0;        // sessions to store
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

// What an import stored (Logbook::runImport): the rows it added, so that it can be taken back.
struct ImportReceipt {
    QList<std::pair<qint64, QString>> sessions; // id and uuid, with their follow-up answers
    QList<qint64> devices;                      // with their cleanings
    QList<qint64> regimens;
    QList<qint64> pauses;
    QList<qint64> products;
    QList<Cleaning> cleanings; // of devices that were here before (ids here)
};

} // namespace dermaplan
