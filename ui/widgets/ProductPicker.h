#pragma once

#include "domain/Product.h"

#include <QWidget>

class QLineEdit;
class QListWidget;

namespace dermaplan::ui {

// The products of a session, ticked from the user's list, with a line for anything not in it
// (older sessions' free text stays as it was). Its text is what a session stores: the names
// joined by ", ".
class ProductPicker final : public QWidget {
    Q_OBJECT
public:
    explicit ProductPicker(QWidget* parent = nullptr);

    void setProducts(const QList<Product>& products);
    // Ticks the listed names, and puts the others on the "other" line; text() gives `productsText`
    // back unchanged until the user changes the choice.
    void setText(const QString& productsText);
    [[nodiscard]] QString text() const;
    [[nodiscard]] QListWidget* list() const { return m_list; }
    [[nodiscard]] QLineEdit* otherEdit() const { return m_other; }

signals:
    void changed();

private:
    QListWidget* m_list = nullptr;
    QLineEdit* m_other = nullptr;
    // The text as given: an edit that leaves the products alone stores them as they were.
    QString m_original;
    bool m_touched = false;
};

// "vitamin C", "not for freshly needled skin": a product's kind and answer in words (the
// Devices page's list, the picker's lines).
[[nodiscard]] QString productKindLabel(const QString& kind);
[[nodiscard]] QString brokenSkinLabel(Product::BrokenSkin b);

} // namespace dermaplan::ui
