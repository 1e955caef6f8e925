#pragma once

#include "Database.h"
#include "Result.h"

#include <QSqlError>
#include <QSqlQuery>

#include <utility>

// What every store does with one record by its id, written once: read it, delete it. Table and
// column names are the stores' own constants; the id is always bound.
namespace dermaplan::sql {

// "no pause with id 3", about the database's file.
[[nodiscard]] Error noRowWithId(const Database& db, const QString& noun, qint64 id);

// Whether a record put back (an undo) takes `id` again in `table`: only when `keepId`, the id is
// set and no row has it now. A read that fails is an error, never "free".
[[nodiscard]] Result<bool> reusesId(const Database& db, const QString& table, qint64 id,
                                    bool keepId);

// The row of `table` with `id`, its `columns` (a SELECT list) read by `read`.
template <typename Read>
auto rowById(const Database& db, const QString& table, const QString& columns, const QString& noun,
             qint64 id, const Read& read)
    -> Result<decltype(read(std::declval<const QSqlQuery&>()))> {
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columns, table));
    q.addBindValue(id);
    if (!q.exec())
        return db.sqlError(q.lastError(), QStringLiteral("reading a %1").arg(noun));
    if (!q.next())
        return noRowWithId(db, noun, id);
    return read(q);
}

// Runs `q` (prepared and bound, a change of the row with `id`: an update, a delete); an error
// naming what it was `doing` when it fails, and "no NOUN with id N" unless exactly one row
// changed.
[[nodiscard]] Status execOnRowById(const Database& db, QSqlQuery& q, const QString& noun, qint64 id,
                                   const QString& doing);

// Deletes the row of `table` with `id`, inside the caller's write; an error when there is none.
[[nodiscard]] Status deleteRowById(const Database& db, QSqlDatabase& conn, const QString& table,
                                   const QString& noun, qint64 id);

// Deletes the row with `id` in a write of its own and returns it as it was, read by `get` (what
// an undo puts back).
template <typename Get>
auto takeRowById(Database& db, const QString& table, const QString& noun, qint64 id, const Get& get)
    -> decltype(get(id)) {
    decltype(get(id)) taken = noRowWithId(db, noun, id);
    const Status done = db.write([&](QSqlDatabase& conn) -> Status {
        taken = get(id);
        if (!taken)
            return taken.error();
        return deleteRowById(db, conn, table, noun, id);
    });
    if (!done)
        return done.error();
    return taken;
}

} // namespace dermaplan::sql
