// The logbook's products (Logbook.h), in their own file.
#include "logbook/Logbook.h"
#include "storage/ProductStore.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class ProductsTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

std::optional<Error> invalidProduct(const Product& p) {
    if (p.name.trimmed().isEmpty())
        return Error::inField(QStringLiteral("name"), ProductsTr::tr("a product needs a name"));
    if (p.name.contains(u',') || p.name.contains(u';'))
        return Error::inField(
            QStringLiteral("name"),
            ProductsTr::tr("a product's name cannot hold , or ; (they separate the "
                           "products of a session)"));
    if (!productKinds().contains(p.kind))
        return Error::inField(QStringLiteral("kind"),
                              ProductsTr::tr("\"%1\" is not one of %2")
                                  .arg(p.kind, productKinds().join(QStringLiteral(", "))));
    return std::nullopt;
}

} // namespace

Result<QList<Product>> Logbook::products() const {
    return ProductStore(m_db).list();
}

Result<qint64> Logbook::addProduct(const Product& product) {
    if (const auto invalid = invalidProduct(product))
        return *invalid;
    Product stored = product;
    stored.name = stored.name.trimmed();
    // Names are compared as people read them ("Crème" is "CRÈME"), which SQLite's NOCASE is not.
    const auto products = this->products();
    if (!products)
        return products.error();
    for (const Product& p : *products)
        if (p.name.compare(stored.name, Qt::CaseInsensitive) == 0)
            return Error::inField(
                QStringLiteral("name"),
                ProductsTr::tr("there is a product called \"%1\" already").arg(p.name));
    return written(ProductStore(m_db).add(stored));
}

Result<Product> Logbook::removeProduct(qint64 id) {
    return written(ProductStore(m_db).remove(id));
}

Result<qint64> Logbook::restoreProduct(const Product& product) {
    if (const auto invalid = invalidProduct(product))
        return *invalid;
    return written(ProductStore(m_db).reinsert(product));
}

} // namespace dermaplan
