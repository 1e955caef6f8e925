#pragma once

#include "Result.h"
#include "domain/Product.h"

#include <QList>

namespace dermaplan {

class Database;

// The user's products (names unique, whatever their case). Every write is one transaction.
class ProductStore {
public:
    explicit ProductStore(Database& db)
        : m_db(db) {}

    [[nodiscard]] Result<qint64> add(const Product& product);
    // Puts back a removed product (undo), with its id when that is free; returns its id.
    [[nodiscard]] Result<qint64> reinsert(const Product& product);
    // Removes a product and returns it as it was; sessions keep the name they recorded.
    [[nodiscard]] Result<Product> remove(qint64 id);
    [[nodiscard]] Result<Product> get(qint64 id) const;
    // Every product, by name.
    [[nodiscard]] Result<QList<Product>> list() const;

private:
    [[nodiscard]] Result<qint64> insert(const Product& product, bool keepId);

    Database& m_db;
};

} // namespace dermaplan
