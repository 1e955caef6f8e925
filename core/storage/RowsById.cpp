#include "RowsById.h"

namespace dermaplan::sql {

Error noRowWithId(const Database& db, const QString& noun, qint64 id) {
    return Error::inFile(db.path(), QStringLiteral("no %1 with id %2").arg(noun).arg(id));
}

Result<bool> reusesId(const Database& db, const QString& table, qint64 id, bool keepId) {
    if (!keepId || id <= 0)
        return false;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (!q.exec())
        return db.sqlError(q.lastError(), QStringLiteral("looking for a free id"));
    return !q.next();
}

Status execOnRowById(const Database& db, QSqlQuery& q, const QString& noun, qint64 id,
                     const QString& doing) {
    if (!q.exec())
        return db.sqlError(q.lastError(), doing);
    if (q.numRowsAffected() != 1)
        return noRowWithId(db, noun, id);
    return success();
}

Status deleteRowById(const Database& db, QSqlDatabase& conn, const QString& table,
                     const QString& noun, qint64 id) {
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    return execOnRowById(db, q, noun, id, QStringLiteral("deleting the %1").arg(noun));
}

} // namespace dermaplan::sql
