#pragma once

#include "settings/Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace dermaplan::ui {

// Edit > Preferences: the theme, the first day of the week, the paper and the name printed on
// the week; reminders (off until turned on) and starting at login with them. The caller saves and
// applies what was chosen.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);

    [[nodiscard]] Preferences preferences() const;
    [[nodiscard]] QCheckBox* remindersBox() const { return m_reminders; }
    [[nodiscard]] QCheckBox* startAtLoginBox() const { return m_startAtLogin; }

private:
    QComboBox* m_theme = nullptr;
    QComboBox* m_firstDay = nullptr;
    QComboBox* m_paper = nullptr;
    QLineEdit* m_name = nullptr;
    QCheckBox* m_reminders = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
};

} // namespace dermaplan::ui
