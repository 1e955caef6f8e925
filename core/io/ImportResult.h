#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/Regimen.h"
#include "domain/Session.h"

#include <QList>

namespace dermaplan::io {

// What a session file holds, validated: every row, or the problems that keep it out.
struct ImportResult {
    QList<Session> sessions;
    QList<Regimen> regimens; // from a JSON export; ids are the file's
    QList<Device>
        devices; // from a JSON export; ids are the file's (sessions' device_id refer to them)
    QList<Error> errors; // "FILE:LINE: field: problem"; when not empty, nothing may be stored
    bool truncatedErrors = false;
};

} // namespace dermaplan::io
