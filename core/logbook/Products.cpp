// The logbook's products (Logbook.h), in their own file.
#include "logbook/Logbook.h"
#include "rules/RecordCheck.h"
#include "storage/ProductStore.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {
class ProductsTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};
} // namespace

Result<QList<Product>> Logbook::products() const {
    return ProductStore(m_db).list();
}

Result<qint64> Logbook::addProduct(const Product& product) {
    if (const auto valid = validateProduct(product); !valid)
        return valid.error();
    Product stored = product;
    stored.name = stored.name.trimmed();
    const auto products = this->products();
    if (!products)
        return products.error();
    for (const Product& p : *products)
        if (sameProductName(p.name, stored.name))
            return Error::inField(
                QStringLiteral("name"),
                ProductsTr::tr("there is a product called \"%1\" already").arg(p.name));
    return written(ProductStore(m_db).add(stored));
}

Result<Product> Logbook::removeProduct(qint64 id) {
    return written(ProductStore(m_db).remove(id));
}

Result<qint64> Logbook::restoreProduct(const Product& product) {
    if (const auto valid = validateProduct(product); !valid)
        return valid.error();
    return written(ProductStore(m_db).reinsert(product));
}

} // namespace dermaplan
