#include "ProductStore.h"

#include "Database.h"
#include "SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

const QString kColumns = QStringLiteral("id, name, kind, broken_skin");

Product readProduct(const QSqlQuery& q) {
    Product p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.kind = q.value(2).toString();
    p.brokenSkin = brokenSkinFromId(q.value(3).toString());
    return p;
}

} // namespace

Result<qint64> ProductStore::add(const Product& product) {
    return insert(product, false);
}

Result<qint64> ProductStore::reinsert(const Product& product) {
    return insert(product, true);
}

Result<qint64> ProductStore::insert(const Product& product, bool keepId) {
    qint64 id = 0;
    const Status done = m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery same(conn);
        same.prepare(QStringLiteral("SELECT 1 FROM products WHERE name = ?"));
        same.addBindValue(product.name);
        if (!same.exec())
            return m_db.sqlError(same.lastError(), QStringLiteral("reading products"));
        if (same.next())
            return Error::inField(
                QStringLiteral("name"),
                QStringLiteral("there is a product called \"%1\" already").arg(product.name));
        const bool withId = keepId && product.id > 0 && !get(product.id);
        QSqlQuery q(conn);
        q.prepare(withId ? QStringLiteral("INSERT INTO products (id, name, kind, broken_skin) "
                                          "VALUES (:id, :name, :kind, :broken)")
                         : QStringLiteral("INSERT INTO products (name, kind, broken_skin) VALUES "
                                          "(:name, :kind, :broken)"));
        if (withId)
            q.bindValue(QStringLiteral(":id"), product.id);
        q.bindValue(QStringLiteral(":name"), sql::notNull(product.name));
        q.bindValue(QStringLiteral(":kind"), sql::notNull(product.kind));
        q.bindValue(QStringLiteral(":broken"), brokenSkinId(product.brokenSkin));
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("saving the product"));
        id = q.lastInsertId().toLongLong();
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Result<Product> ProductStore::remove(qint64 id) {
    Product removed;
    const Status done = m_db.write([&](QSqlDatabase& conn) -> Status {
        auto product = get(id);
        if (!product)
            return product.error();
        removed = *product;
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("DELETE FROM products WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("removing the product"));
        if (q.numRowsAffected() != 1)
            return Error::inFile(m_db.path(), QStringLiteral("no product with id %1").arg(id));
        return success();
    });
    if (!done)
        return done.error();
    return removed;
}

Result<Product> ProductStore::get(qint64 id) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM products WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading a product"));
    if (!q.next())
        return Error::inFile(m_db.path(), QStringLiteral("no product with id %1").arg(id));
    return readProduct(q);
}

Result<QList<Product>> ProductStore::list() const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM products ORDER BY name COLLATE NOCASE, id").arg(kColumns));
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading products"));
    QList<Product> out;
    while (q.next())
        out << readProduct(q);
    return out;
}

} // namespace dermaplan
