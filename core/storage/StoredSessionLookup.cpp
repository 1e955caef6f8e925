#include "StoredSessionLookup.h"

#include "Database.h"
#include "SqlValues.h"
#include "SqliteStatement.h"
#include "domain/IsoDate.h"

namespace dermaplan {

using sql::notNull;

struct StoredSessionLookup::Statements {
    explicit Statements(const QSqlDatabase& db)
        : byUuid(db, QStringLiteral("SELECT 1 FROM sessions WHERE uuid = ?"))
        , byContent(db, QStringLiteral("SELECT 1 FROM sessions WHERE area = ? AND date = ? AND "
                                       "COALESCE(time, '') = ? AND needle_um = ? AND notes = ? "
                                       "LIMIT 1")) {}
    SqliteStatement byUuid;
    SqliteStatement byContent;
};

StoredSessionLookup::StoredSessionLookup(Database& db)
    : m_db(db)
    , m_statements(std::make_unique<Statements>(db.connection())) {}

StoredSessionLookup::~StoredSessionLookup() = default;

Result<bool> StoredSessionLookup::holds(const Session& s) {
    SqliteStatement& q = s.uuid.isEmpty() ? m_statements->byContent : m_statements->byUuid;
    if (s.uuid.isEmpty()) {
        q.bind(1, notNull(s.area));
        q.bind(2, isoDateText(s.date));
        q.bind(3, s.time ? s.time->toString(QStringLiteral("HH:mm")) : QStringLiteral(""));
        q.bind(4, qint64(s.needle.micrometres()));
        q.bind(5, notNull(s.notes));
    } else {
        q.bind(1, s.uuid);
    }
    const bool found = q.next();
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("looking up a session"));
    // Made ready for the next bindings: a statement left on a row holds a read open.
    while (found && q.next()) {
    }
    return found;
}

} // namespace dermaplan
