#pragma once

#include "Result.h"
#include "domain/Session.h"

#include <memory>

namespace dermaplan {

class Database;

// Whether the log holds a session already, asked of many (an import) through statements prepared
// once: by uuid, or for a session without one, a stored one of the same day, time, area, needle
// and notes (a hand-made file imported twice adds nothing).
class StoredSessionLookup {
public:
    explicit StoredSessionLookup(Database& db);
    ~StoredSessionLookup();
    [[nodiscard]] Result<bool> holds(const Session& session);

private:
    Database& m_db;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

} // namespace dermaplan
