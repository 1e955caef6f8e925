#include "ProductPicker.h"

#include <QHash>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

QString productLine(const Product& p) {
    return p.brokenSkin == Product::BrokenSkin::Yes
               ? p.name
               : ProductPicker::tr("%1 (%2)").arg(p.name, brokenSkinLabel(p.brokenSkin));
}

} // namespace

QString productKindLabel(const QString& kind) {
    static const QHash<QString, QString> labels{
        {QStringLiteral("serum"), ProductPicker::tr("serum")},
        {QStringLiteral("moisturiser"), ProductPicker::tr("moisturiser")},
        {QStringLiteral("retinoid"), ProductPicker::tr("retinoid")},
        {QStringLiteral("acid"), ProductPicker::tr("AHA/BHA acid")},
        {QStringLiteral("vitamin-c"), ProductPicker::tr("vitamin C")},
        {QStringLiteral("benzoyl-peroxide"), ProductPicker::tr("benzoyl peroxide")},
        {QStringLiteral("other"), ProductPicker::tr("other")}};
    return labels.value(kind, kind);
}

QString brokenSkinLabel(Product::BrokenSkin b) {
    switch (b) {
    case Product::BrokenSkin::Yes:
        return ProductPicker::tr("meant for freshly needled skin");
    case Product::BrokenSkin::No:
        return ProductPicker::tr("not for freshly needled skin");
    case Product::BrokenSkin::Unknown:
        break;
    }
    return ProductPicker::tr("for freshly needled skin? unknown");
}

ProductPicker::ProductPicker(QWidget* parent)
    : QWidget(parent) {
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Your products"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5);
    m_other = new QLineEdit(this);
    m_other->setPlaceholderText(tr("Other products, separated by commas"));
    m_other->setAccessibleName(tr("Other products"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_other);
    m_list->hide(); // until there is a list to choose from
    const auto touched = [this] {
        m_touched = true;
        emit changed();
    };
    connect(m_list, &QListWidget::itemChanged, this, touched);
    connect(m_other, &QLineEdit::textChanged, this, touched);
}

void ProductPicker::setProducts(const QList<Product>& products) {
    const QString kept = text();
    const bool touched = m_touched;
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const Product& p : products) {
        auto* item = new QListWidgetItem(productLine(p), m_list);
        item->setData(Qt::UserRole, p.name);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_list->setVisible(!products.isEmpty());
    setText(kept);
    m_touched = touched;
}

void ProductPicker::setText(const QString& productsText) {
    m_original = productsText;
    m_touched = false;
    QStringList other;
    {
        const QSignalBlocker quiet(m_list);
        const QSignalBlocker quietToo(m_other);
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(Qt::Unchecked);
        for (const QString& name : productNames(productsText)) {
            bool listed = false;
            for (int i = 0; i < m_list->count() && !listed; ++i)
                if (m_list->item(i)
                        ->data(Qt::UserRole)
                        .toString()
                        .compare(name, Qt::CaseInsensitive) == 0) {
                    m_list->item(i)->setCheckState(Qt::Checked);
                    listed = true;
                }
            if (!listed)
                other << name;
        }
        m_other->setText(other.join(QStringLiteral(", ")));
    }
    emit changed();
}

QString ProductPicker::text() const {
    if (!m_touched)
        return m_original.trimmed();
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            names << m_list->item(i)->data(Qt::UserRole).toString();
    names << productNames(m_other->text());
    return names.join(QStringLiteral(", "));
}

} // namespace dermaplan::ui
