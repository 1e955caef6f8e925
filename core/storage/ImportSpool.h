#pragma once

#include "Result.h"
#include "domain/Session.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace dermaplan {

// An import's sessions while they are read, checked and stored: rows in a private temporary
// SQLite database of their own (SQLite removes its file when the spool is closed, and at once if
// the program dies), so that memory holds a row at a time whatever the size of the file. A
// session's id in the spool is its place in the file.
class ImportSpool {
public:
    [[nodiscard]] static Result<std::unique_ptr<ImportSpool>> create();
    ~ImportSpool();
    ImportSpool(const ImportSpool&) = delete;
    ImportSpool& operator=(const ImportSpool&) = delete;

    // A session read at `line` of the file, with its checklist and follow-up answers.
    [[nodiscard]] Status add(const Session& session, int line);
    [[nodiscard]] qsizetype size() const { return m_size; }
    // Lines whose uuid an earlier line of the file had, with that uuid: the first `limit`.
    [[nodiscard]] Result<QList<std::pair<int, QString>>> repeatedUuids(int limit);

    // Every session by area, then date, then the file's order, with its checklist (not its
    // answers).
    [[nodiscard]] Status forEachByArea(const std::function<Status(const Session&)>& visit);
    // Marks a session as one the log holds already: it is not stored.
    [[nodiscard]] Status markPresent(qint64 id);
    // Records the rule a session breaks: stored as its rule_broken.
    [[nodiscard]] Status flag(qint64 id, const QString& message);
    // The sessions to store (not present) by date, then the file's order, each whole (checklist,
    // answers, flag).
    [[nodiscard]] Status forEachToStore(const std::function<Status(const Session&)>& visit);
    // The first `limit` flagged sessions in that order.
    [[nodiscard]] Result<QList<Session>> flagged(int limit);

private:
    explicit ImportSpool(QString connectionName);
    [[nodiscard]] Error sqlError(const QString& message, const QString& doing) const;
    [[nodiscard]] Status exec(const QString& sql, const QString& doing);
    // Writes go in one transaction until the next read of the whole spool: a transaction per
    // row would make SQLite walk its page cache at every commit.
    [[nodiscard]] Status beginWriting();
    [[nodiscard]] Status ensureCommitted();

    QString m_connectionName;
    qsizetype m_size = 0;
    bool m_writing = false; // in a transaction
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

} // namespace dermaplan
