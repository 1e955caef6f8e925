#pragma once

#include "settings/Preferences.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace dermaplan::ui {

// Edit > Preferences: the theme, the first day of the week, the paper and the name printed on
// the week. The caller saves and applies what was chosen.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);

    [[nodiscard]] Preferences preferences() const;

private:
    QComboBox* m_theme = nullptr;
    QComboBox* m_firstDay = nullptr;
    QComboBox* m_paper = nullptr;
    QLineEdit* m_name = nullptr;
};

} // namespace dermaplan::ui
