#pragma once

#include "Result.h"
#include "domain/Progress.h"
#include "domain/Session.h"
#include "domain/SessionFilter.h"

#include <QDate>
#include <QList>

#include <functional>
#include <optional>
#include <utility>

namespace dermaplan {

class Database;

// Logged sessions. Every write is one transaction; every statement is prepared and bound.
class SessionStore {
public:
    explicit SessionStore(Database& db)
        : m_db(db) {}

    // Stores a new session (a uuid is made if it has none); returns its id.
    [[nodiscard]] Result<qint64> add(const Session& session);
    // Stores many in one transaction: all or nothing. Returns their ids in order.
    // Called after each row; a cancel stores nothing.
    using Progress = dermaplan::Progress;
    // What a write cancelled by its Progress returns.
    [[nodiscard]] Error cancelled() const;
    [[nodiscard]] Result<QList<qint64>> addAll(const QList<Session>& sessions,
                                               const Progress& progress = {});
    // The same for sessions handed out one at a time, so that a caller need not hold a list of
    // them (an import): `feed` calls `store` with each, in the order they are to have ids, and
    // gets its id; what `feed` writes meanwhile (a session's answers) joins the transaction, and
    // its failure stores nothing.
    using Store = std::function<Result<qint64>(const Session&)>;
    [[nodiscard]] Status addEach(const std::function<Status(const Store& store)>& feed);
    // Puts back a deleted session with its uuid, and its id unless another session has it now
    // (undo); returns the id it has.
    [[nodiscard]] Result<qint64> reinsert(const Session& session);
    [[nodiscard]] Status update(const Session& session);
    [[nodiscard]] Status remove(qint64 id);
    // Removes each session of `idsAndUuids` (an import taken back), with its answers, in one
    // transaction with one prepared statement; nothing when one of them is not there with that
    // uuid (ids are reused: another session may have the id now).
    [[nodiscard]] Status removeEach(const QList<std::pair<qint64, QString>>& idsAndUuids);

    [[nodiscard]] Result<Session> get(qint64 id) const;
    [[nodiscard]] Result<std::optional<Session>> findByUuid(const QString& uuid) const;
    // `withFollowUps`: each with its follow-up answers (as forEach reads them).
    [[nodiscard]] Result<QList<Session>> list(const SessionFilter& filter,
                                              bool withFollowUps = false) const;
    [[nodiscard]] Result<int> count(const SessionFilter& filter) const;
    // Calls `visit` with each session matching `filter`, checklist answers included, in the
    // filter's order, one row at a time: memory does not grow with the history (an export).
    // Stops at the first failure `visit` returns, and returns it. `withFollowUps`: each session
    // comes with its follow-up answers too.
    [[nodiscard]] Status forEach(const SessionFilter& filter,
                                 const std::function<Status(const Session&)>& visit,
                                 bool withFollowUps = false) const;
    // Of the sessions on `area` from `from` on, the last one (by date, time, id) of each counting
    // needle (the longer of the session's and its device's), oldest first: all that readiness
    // needs, however many sessions the window holds, since a needle's latest session is the
    // one its gaps run from.
    [[nodiscard]] Result<QList<Session>> latestPerNeedle(const QString& area, QDate from) const;
    // Every session on one area, oldest first.
    [[nodiscard]] Result<QList<Session>> inArea(const QString& area) const;

private:
    // One session in its own transaction; `putBack`: under its old id if that is still free.
    [[nodiscard]] Result<qint64> insertOne(const Session& session, bool putBack);

    Database& m_db;
};

} // namespace dermaplan
