#pragma once

#include "domain/Pause.h"
#include "rules/RuleBook.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace dermaplan::ui {

// Plan > Add pause…: the first and last day, one area or every area, and why. OK stays off
// while the last day is before the first, and the dialog says so.
class PauseDialog final : public QDialog {
    Q_OBJECT
public:
    PauseDialog(const RuleBook& rules, QDate firstDay, QWidget* parent = nullptr);

    [[nodiscard]] Pause pause() const;
    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit* toEdit() const { return m_to; }
    [[nodiscard]] QComboBox* areaBox() const { return m_area; }
    [[nodiscard]] QLineEdit* reasonEdit() const { return m_reason; }
    [[nodiscard]] bool canAccept() const;

private:
    void validate();

    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_area = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace dermaplan::ui
