#include "LazyPage.h"

#include <QVBoxLayout>

namespace dermaplan::ui {

LazyPage::LazyPage(Factory make, QWidget* parent)
    : QWidget(parent)
    , m_make(std::move(make)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget* LazyPage::page() {
    if (!m_page) {
        m_page = m_make(this);
        layout()->addWidget(m_page);
        // A child made after its parent was shown stays hidden unless told; made before (asked
        // for), it shows with its parent.
        if (isVisible())
            m_page->show();
    }
    return m_page;
}

void LazyPage::showEvent(QShowEvent* event) {
    page();
    QWidget::showEvent(event);
}

} // namespace dermaplan::ui
