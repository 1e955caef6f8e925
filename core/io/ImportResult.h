#pragma once

#include "Result.h"
#include "domain/Session.h"
#include "io/Records.h"

#include <QList>

#include <functional>
#include <memory>

namespace dermaplan::io {

// What a session file holds, validated: every row, or the problems that keep it out.
struct ImportResult {
    QList<Session> sessions;
    Records records;     // from a JSON export; ids are the file's
    QList<Error> errors; // "FILE:LINE: field: problem"; when not empty, nothing may be stored
    bool truncatedErrors = false;
};

// Where a reader hands each valid session instead of ImportResult::sessions (an import spools
// them: memory then holds a row at a time); a failure is reported as a problem at `line`.
using SessionSink = std::function<Status(Session&& session, int line)>;

} // namespace dermaplan::io
