#pragma once

// A session as a row of a `sessions` table: the columns it is read from and written to, for the
// stores that read or write such rows (SessionStore on the log, ImportSpool on an import's
// spool, which has the same columns). Internal to core/storage.

#include "SqlValues.h"
#include "domain/IsoDate.h"
#include "domain/Session.h"

#include <QString>

#include <optional>

namespace dermaplan {

class SqliteStatement;

namespace sessionrow {

namespace col {
enum {
    Id,
    Uuid,
    Date,
    Time,
    Area,
    Zones,
    NeedleUm,
    PerformedBy,
    DeviceId,
    Pain,
    Reaction,
    Products,
    Notes,
    OverrideReason,
    RuleBroken,
    UpdatedAt,
    DeviceNeedleUm,
    Count
};
} // namespace col

// The SELECT list readSession reads, in col's order, on a table named (or aliased) `sessions`
// beside a `devices` table (a session's device needle).
[[nodiscard]] const QString& columns();

// The columns a session's fields are written to, in the order putWritten hands them out.
[[nodiscard]] const QString& written();
constexpr int kWrittenCount = 13;

// Hands the written fields to `put` in written()'s order: text, a number, or an empty optional
// for SQL NULL.
template <typename Put> void putWritten(const Session& s, Put&& put) {
    put(isoDateText(s.date));
    put(s.time ? std::optional<QString>(s.time->toString(QStringLiteral("HH:mm"))) : std::nullopt);
    put(sql::notNull(s.area));
    put(sql::notNull(s.zones.join(u',')));
    put(qint64(s.needle.micrometres()));
    put(performerId(s.performedBy));
    put(s.deviceId ? std::optional<qint64>(*s.deviceId) : std::nullopt);
    put(s.pain ? std::optional<qint64>(*s.pain) : std::nullopt);
    put(sql::notNull(keptText(s.reaction)));
    put(sql::notNull(keptText(s.products)));
    put(sql::notNull(keptText(s.notes)));
    put(sql::notNull(keptText(s.overrideReason)));
    put(sql::notNull(s.ruleBroken));
}

// Binds the written fields to a statement's placeholders first, first + 1, ... (SQLite counts
// from 1).
void bindSession(SqliteStatement& statement, const Session& s, int first);

// The columns of columns() from the statement's current row: one reading of a session.
[[nodiscard]] Session readSession(const SqliteStatement& row);

} // namespace sessionrow
} // namespace dermaplan
