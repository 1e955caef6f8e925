#include "RowsById.h"

namespace dermaplan::sql {

Error noRowWithId(const Database& db, const QString& noun, qint64 id) {
    return Error::inFile(db.path(), QStringLiteral("no %1 with id %2").arg(noun).arg(id));
}

Status deleteRowById(const Database& db, QSqlDatabase& conn, const QString& table,
                     const QString& noun, qint64 id) {
    QSqlQuery q(conn);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (!q.exec())
        return db.sqlError(q.lastError(), QStringLiteral("deleting the %1").arg(noun));
    if (q.numRowsAffected() != 1)
        return noRowWithId(db, noun, id);
    return success();
}

} // namespace dermaplan::sql
