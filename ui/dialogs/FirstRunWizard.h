#pragma once

#include "domain/NeedleLength.h"

#include <QWizard>

#include <optional>

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
    // The templates for the areas ticked, the one that fits the roller's needle and the reason
    // given selected.
    void fillTemplates();
    // The chosen template in a few words, and what the roller's needle does to it.
    void describeTemplate();
    // After a change to the roller: the template picked for the person follows it.
    void refitTemplate();
    // The needle of the roller being added, if one is.
    [[nodiscard]] std::optional<NeedleLength> rollerNeedle() const;
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
    QString m_picked; // the template fillTemplates picked
};

} // namespace dermaplan::ui
