#pragma once

#include "Result.h"
#include "domain/FollowUp.h"

#include <QList>
#include <QSqlQuery>
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
    // Which answers can make a session hold its area (from the rule book's states), and which
    // sessions are asked about.
    struct HoldingQuery {
        QStringList holding;       // hold whenever given (infection, darkening)
        QStringList lasting;       // hold when given `lastingAfterDays` or more after the session
        int lastingAfterDays = 0;  // (redness, swelling)
        QStringList ending;        // end a reaction (resolved, cleared)
        QStringList endingLasting; // end a lasting one, never a hold (fine)
        QDate endedBefore;         // a reaction whose last answer ended it before this day is over
        QStringList areas;         // the sessions' areas; every area when empty
    };
    // Every answer about the sessions that may hold their area on or after `endedBefore`, however
    // old: those given a holding answer, or a lasting one, whose reaction is still open or ended
    // since. Redness in the first days (most sessions have some) does not make a session one.
    [[nodiscard]] Result<QList<FollowUp>> ofSessionsThatMayHold(const HoldingQuery& query) const;

private:
    [[nodiscard]] Result<qint64> insert(const FollowUp& followUp, bool keepId);
    // Runs a prepared query of whole answers and reads them all.
    [[nodiscard]] Result<QList<FollowUp>> readAll(QSqlQuery& query) const;

    Database& m_db;
};

} // namespace dermaplan
