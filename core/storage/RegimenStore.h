#pragma once

#include "Result.h"
#include "domain/Regimen.h"

#include <QList>

namespace dermaplan {

class Database;

// Regimens (plans). Every write is one transaction.
class RegimenStore {
public:
    explicit RegimenStore(Database& db)
        : m_db(db) {}

    [[nodiscard]] Result<qint64> add(const Regimen& regimen);
    // Puts back a removed regimen (undo), with its id when that is free (a calendar's events
    // are named by it); returns its id.
    [[nodiscard]] Result<qint64> reinsert(const Regimen& regimen);
    [[nodiscard]] Status update(const Regimen& regimen);
    [[nodiscard]] Status end(qint64 id, QDate lastDay);
    [[nodiscard]] Status remove(qint64 id);
    [[nodiscard]] Result<Regimen> get(qint64 id) const;
    [[nodiscard]] Result<QList<Regimen>> list(bool includeEnded) const;

private:
    [[nodiscard]] Result<qint64> insert(const Regimen& regimen, bool keepId);

    Database& m_db;
};

} // namespace dermaplan
