#include "UserGuideDialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dermaplan::ui {

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Dermaplan user guide"));
    m_browser = new QTextBrowser(this);
    m_browser->setAccessibleName(tr("User guide"));
    // Links between the guide's pages open here; links to the web open in the browser.
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == u"http" || url.scheme() == u"https")
            QDesktopServices::openUrl(url);
        else
            m_browser->setSource(url, QTextDocument::MarkdownResource);
    });
    m_browser->setSource(QUrl(QStringLiteral("qrc:/dermaplan/guide/user-guide.md")),
                         QTextDocument::MarkdownResource);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* back = buttons->addButton(tr("&Back"), QDialogButtonBox::ActionRole);
    back->setEnabled(false);
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(QSize(900, 760).boundedTo(screen()->availableSize() * 0.95));
}

} // namespace dermaplan::ui
