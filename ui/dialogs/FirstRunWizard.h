#pragma once

#include <QWizard>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace dermaplan::ui {
class NeedleComboBox;
} // namespace dermaplan::ui

namespace dermaplan::ui {

class AppContext;

// The first run, in under a minute: a plain not-medical-advice note, the areas you treat (at
// least one) and why, your roller, and a first regimen from the template that fits the areas and
// the reason; the last page says what Finish will create. The roller and regimen can be skipped.
class FirstRunWizard final : public QWizard {
    Q_OBJECT
public:
    explicit FirstRunWizard(AppContext& context, QWidget* parent = nullptr);

    // Stores the roller and the regimen chosen; false (with the error reported) on failure.
    bool save();

    // Should the wizard be offered? Only on an empty database.
    [[nodiscard]] static bool isFirstRun(AppContext& context);

    void accept() override;

private:
    // The templates for the areas ticked, the one that fits the reason given selected.
    void fillTemplates();
    // Says what Finish will create.
    void updateSummary();

    AppContext& m_context;
    QList<QCheckBox*> m_areas;
    QLineEdit* m_why = nullptr;
    QLineEdit* m_deviceName = nullptr;
    NeedleComboBox* m_deviceNeedle = nullptr;
    QDateEdit* m_deviceFirstUse = nullptr;
    QComboBox* m_template = nullptr;
    QDateEdit* m_start = nullptr;
    QLabel* m_templateInfo = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace dermaplan::ui
