#include "ProductStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

namespace col {
enum { Id, Name, Kind, BrokenSkin, Count };
} // namespace col
const QString kColumns =
    sql::selectList<col::Count>(std::array{u"id", u"name", u"kind", u"broken_skin"});

Product readProduct(const QSqlQuery& q) {
    Product p;
    p.id = q.value(col::Id).toLongLong();
    p.name = q.value(col::Name).toString();
    p.kind = q.value(col::Kind).toString();
    p.brokenSkin = brokenSkinFromId(q.value(col::BrokenSkin).toString());
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
        const auto reused = sql::reusesId(m_db, QStringLiteral("products"), product.id, keepId);
        if (!reused)
            return reused.error();
        const bool withId = *reused;
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
    return sql::takeRowById(m_db, QStringLiteral("products"), QStringLiteral("product"), id,
                            [this](qint64 row) { return get(row); });
}

Result<Product> ProductStore::get(qint64 id) const {
    return sql::rowById(m_db, QStringLiteral("products"), kColumns, QStringLiteral("product"), id,
                        readProduct);
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
