#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dermaplan {

// Something put on the skin around a session: chosen from the user's list when logging, so the
// app can warn about one not meant for freshly needled skin and name the user's actives where
// the schedule says to pause them.
struct Product {
    enum class BrokenSkin { Unknown, Yes, No }; // "meant for freshly needled skin?"
    qint64 id = 0;                              // store row id; 0 for a draft
    QString name;
    QString kind = QStringLiteral("other"); // one of productKinds()
    BrokenSkin brokenSkin = BrokenSkin::Unknown;

    // A retinoid, an AHA/BHA acid, vitamin C or benzoyl peroxide: the actives the aftercare rules
    // pause around a session.
    [[nodiscard]] bool isActive() const {
        return kind == u"retinoid" || kind == u"acid" || kind == u"vitamin-c" ||
               kind == u"benzoyl-peroxide";
    }
    friend bool operator==(const Product&, const Product&) = default;
};

// The kinds a product can be, as stored: serum, moisturiser, retinoid, acid, vitamin-c,
// benzoyl-peroxide, other.
[[nodiscard]] const QStringList& productKinds();
[[nodiscard]] QString brokenSkinId(Product::BrokenSkin b); // "yes", "no", "unknown"
[[nodiscard]] Product::BrokenSkin brokenSkinFromId(const QString& id, bool* ok = nullptr);

// Product names are one name whatever their case, compared as people read them ("Crème" is
// "CRÈME"), which SQLite's NOCASE is not.
[[nodiscard]] inline bool sameProductName(const QString& a, const QString& b) {
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

// The product names a session's products text lists ("Serum A, Cream B"), trimmed.
[[nodiscard]] QStringList productNames(const QString& productsText);

} // namespace dermaplan
