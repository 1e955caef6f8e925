#include "SafetyGuideDialog.h"

#include "rules/RuleBookText.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dermaplan::ui {

SafetyGuideDialog::SafetyGuideDialog(const RuleBook& rules, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Dermaplan safety guide"));
    auto* browser = new QTextBrowser(this);
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(rulesMarkdown(rules, RulesReader::Person));
    browser->setAccessibleName(tr("Safety rules"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(900, 700);
}

} // namespace dermaplan::ui
