#include "Product.h"

#include <QRegularExpression>

namespace dermaplan {

const QStringList& productKinds() {
    static const QStringList kinds{QStringLiteral("serum"),     QStringLiteral("moisturiser"),
                                   QStringLiteral("retinoid"),  QStringLiteral("acid"),
                                   QStringLiteral("vitamin-c"), QStringLiteral("benzoyl-peroxide"),
                                   QStringLiteral("other")};
    return kinds;
}

QString brokenSkinId(Product::BrokenSkin b) {
    switch (b) {
    case Product::BrokenSkin::Yes:
        return QStringLiteral("yes");
    case Product::BrokenSkin::No:
        return QStringLiteral("no");
    case Product::BrokenSkin::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Product::BrokenSkin brokenSkinFromId(const QString& id, bool* ok) {
    if (ok)
        *ok = true;
    if (id == u"yes")
        return Product::BrokenSkin::Yes;
    if (id == u"no")
        return Product::BrokenSkin::No;
    if (ok)
        *ok = id == u"unknown";
    return Product::BrokenSkin::Unknown;
}

QStringList productNames(const QString& productsText) {
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    QStringList names;
    for (const QString& part : productsText.split(separators, Qt::SkipEmptyParts))
        if (const QString name = part.trimmed(); !name.isEmpty())
            names << name;
    return names;
}

} // namespace dermaplan
