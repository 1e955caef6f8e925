#pragma once

#include "domain/Regimen.h"
#include "rules/SafetyCheck.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dermaplan::ui {
class NeedleComboBox;
class ZoneChecklist;
} // namespace dermaplan::ui

namespace dermaplan::ui {

class AppContext;

// Add or edit a regimen, from a template or custom. The cadence is checked live; a refused one
// is explained and cannot be saved.
class RegimenDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RegimenDialog(AppContext& context, QWidget* parent = nullptr);

    [[nodiscard]] Regimen regimen() const;
    [[nodiscard]] const Result<Verdict>& verdict() const { return m_verdict; }
    void applyTemplate(const QString& templateId);
    void setRegimen(const Regimen& regimen);

private:
    void fillZones();
    void updateVerdict();

    AppContext& m_context;
    qint64 m_id = 0;
    QComboBox* m_template = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_area = nullptr;
    ZoneChecklist* m_zones = nullptr;
    NeedleComboBox* m_needle = nullptr;
    QSpinBox* m_every = nullptr;
    QDateEdit* m_start = nullptr;
    QSpinBox* m_weeks = nullptr;
    QComboBox* m_performer = nullptr;
    QLineEdit* m_goal = nullptr;
    QLabel* m_verdictLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    Result<Verdict> m_verdict = Verdict{};
};

} // namespace dermaplan::ui
