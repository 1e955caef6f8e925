#pragma once

#include <QDialog>

class QTextBrowser;

namespace dermaplan::ui {

// Help > User Guide: docs/user-guide.md (compiled in, with its screenshots, the safety rules and
// the CLI reference it links to) rendered in the app: no browser or network needed.
class UserGuideDialog final : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    [[nodiscard]] QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser = nullptr;
};

} // namespace dermaplan::ui
