#pragma once

#include "Result.h"
#include "domain/Pause.h"

#include <QList>

namespace dermaplan {

class Database;

// Pause days, stored as given (the logbook validates them). Every write is one transaction.
class PauseStore {
public:
    explicit PauseStore(Database& db)
        : m_db(db) {}

    [[nodiscard]] Result<qint64> add(const Pause& pause);
    // Puts back a removed pause (undo), with its id when that is free; returns its id.
    [[nodiscard]] Result<qint64> reinsert(const Pause& pause);
    // Removes a pause and returns it as it was.
    [[nodiscard]] Result<Pause> remove(qint64 id);
    [[nodiscard]] Result<Pause> get(qint64 id) const;
    // The pauses that end on or after `from` (all when invalid), by first day.
    [[nodiscard]] Result<QList<Pause>> endingFrom(QDate from) const;

private:
    [[nodiscard]] Result<qint64> insert(const Pause& pause, bool keepId);

    Database& m_db;
};

} // namespace dermaplan
