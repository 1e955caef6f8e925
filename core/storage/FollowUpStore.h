#pragma once

#include "Result.h"
#include "domain/FollowUp.h"

#include <QList>
#include <QStringList>

namespace dermaplan {

class Database;

// Answers to "how is your skin?" after a session. They belong to their session: deleting it
// deletes them. Every write is one transaction.
class FollowUpStore {
public:
    explicit FollowUpStore(Database& db)
        : m_db(db) {}

    [[nodiscard]] Result<qint64> add(const FollowUp& followUp);
    // Puts back a removed answer (undo), with its id when that is free; returns its id.
    [[nodiscard]] Result<qint64> reinsert(const FollowUp& followUp);
    [[nodiscard]] Status remove(qint64 id);
    [[nodiscard]] Result<FollowUp> get(qint64 id) const;
    // The answers about these sessions, in (session, date, id) order.
    [[nodiscard]] Result<QList<FollowUp>> forSessions(const QList<qint64>& sessionIds) const;
    // Every answer about the sessions on `areas` (every area when empty) that were ever given
    // one of `states`: the few sessions whose reaction may still hold an area, however old.
    [[nodiscard]] Result<QList<FollowUp>> ofSessionsEverIn(const QStringList& states,
                                                           const QStringList& areas) const;

private:
    [[nodiscard]] Result<qint64> insert(const FollowUp& followUp, bool keepId);

    Database& m_db;
};

} // namespace dermaplan
