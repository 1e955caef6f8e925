#include "FirstRunWizard.h"

#include "AppContext.h"
#include "VerdictText.h"
#include "commands/Edits.h"
#include "dialogs/RegimenDialog.h"
#include "logbook/Logbook.h"
#include "planning/Planner.h"
#include "widgets/NeedleComboBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

QWizardPage* makePage(const QString& title, const QString& subTitle, QLayout* layout) {
    auto* p = new QWizardPage;
    p->setTitle(title);
    p->setSubTitle(subTitle);
    p->setLayout(layout);
    return p;
}

} // namespace

FirstRunWizard::FirstRunWizard(AppContext& context, QWidget* parent)
    : QWizard(parent)
    , m_context(context) {
    setWindowTitle(tr("Welcome to Dermaplan"));
    setWizardStyle(QWizard::ClassicStyle);
    const RuleBook& rules = context.rules();

    auto* intro = new QVBoxLayout;
    auto* note = new QLabel(
        rules.disclaimer() + QStringLiteral("\n\n") +
            tr("Dermaplan keeps each area inside conservative recovery intervals, explains every "
               "warning with its source, and keeps your history on this computer."),
        this);
    note->setWordWrap(true);
    intro->addWidget(note);
    addPage(
        makePage(tr("Before you start"), tr("A planner and logbook, not medical advice."), intro));

    auto* areas = new QFormLayout;
    for (const Area& a : rules.areas()) {
        auto* box = new QCheckBox(a.name, this);
        box->setProperty("areaId", a.id);
        box->setAccessibleName(a.name);
        m_areas << box;
        areas->addRow(box);
        connect(box, &QCheckBox::toggled, this, &FirstRunWizard::fillTemplates);
    }
    m_why = new QLineEdit(this);
    m_why->setPlaceholderText(tr("e.g. fine lines, hair loss with minoxidil"));
    m_why->setAccessibleName(tr("Why"));
    areas->addRow(tr("&Why:"), m_why);
    addPage(makePage(tr("What you treat"), tr("Each area keeps its own recovery clock."), areas));

    auto* device = new QFormLayout;
    m_deviceName = new QLineEdit(this);
    m_deviceName->setPlaceholderText(tr("leave empty to skip"));
    m_deviceName->setAccessibleName(tr("Roller name"));
    m_deviceNeedle = new NeedleComboBox(rules, NeedleComboBox::Mode::Choose, this);
    m_deviceNeedle->setAccessibleName(tr("Roller needle length"));
    m_deviceFirstUse = new QDateEdit(context.today(), this);
    m_deviceFirstUse->setCalendarPopup(true);
    m_deviceFirstUse->setMaximumDate(context.today());
    m_deviceFirstUse->setAccessibleName(tr("First use"));
    device->addRow(tr("&Name:"), m_deviceName);
    device->addRow(tr("N&eedle:"), m_deviceNeedle);
    device->addRow(tr("&First used:"), m_deviceFirstUse);
    addPage(makePage(tr("Your roller"),
                     tr("Rollers dull: Dermaplan counts uses and reminds you to replace it."),
                     device));

    auto* regimen = new QFormLayout;
    m_template = new QComboBox(this);
    m_template->setAccessibleName(tr("Regimen template"));
    m_start = new QDateEdit(context.today(), this);
    m_start->setCalendarPopup(true);
    m_start->setAccessibleName(tr("Start date"));
    m_templateInfo = new QLabel(this);
    m_templateInfo->setWordWrap(true);
    regimen->addRow(tr("&Regimen:"), m_template);
    regimen->addRow(tr("&Start:"), m_start);
    regimen->addRow(m_templateInfo);
    connect(m_template, &QComboBox::currentIndexChanged, this, [this] {
        const RegimenTemplate* t =
            m_context.rules().regimenTemplate(m_template->currentData().toString());
        m_templateInfo->setText(
            t ? tr("%1 on the %2, every %n day(s). Sources: %3.", nullptr, t->everyDays)
                    .arg(t->needle.toString(), t->area, t->sources.join(QStringLiteral(", ")))
              : tr("You can plan a regimen later from the Plan page."));
    });
    addPage(makePage(tr("A first regimen"),
                     tr("Evidence-based templates; you can change or add regimens later."),
                     regimen));
    fillTemplates();
}

void FirstRunWizard::fillTemplates() {
    QStringList chosen;
    for (QCheckBox* box : std::as_const(m_areas))
        if (box->isChecked())
            chosen << box->property("areaId").toString();
    m_template->clear();
    m_template->addItem(tr("None for now"), QString());
    for (const RegimenTemplate& t : m_context.rules().templates())
        if (chosen.isEmpty() || chosen.contains(t.area))
            m_template->addItem(t.name, t.id);
    m_template->addItem(tr("Custom regimen…"), QStringLiteral("custom"));
}

bool FirstRunWizard::save() {
    if (!m_deviceName->text().trimmed().isEmpty()) {
        Device d;
        d.name = m_deviceName->text().trimmed();
        d.needle = m_deviceNeedle->needle().value_or(NeedleComboBox::defaultNeedle());
        d.firstUse = m_deviceFirstUse->date();
        if (!Edits(m_context).addDevice(d))
            return false;
    }
    std::optional<Regimen> regimen;
    if (m_template->currentData().toString() == u"custom") {
        // The same dialog as on the Plan page, with its live cadence check.
        RegimenDialog dialog(m_context, this);
        if (dialog.exec() == QDialog::Accepted)
            regimen = dialog.regimen();
    } else if (const RegimenTemplate* t =
                   m_context.rules().regimenTemplate(m_template->currentData().toString())) {
        regimen = regimenFromTemplate(*t, m_start->date());
        if (!m_why->text().trimmed().isEmpty())
            regimen->goal = m_why->text().trimmed();
    }
    return !regimen || Edits(m_context).addRegimen(*regimen);
}

void FirstRunWizard::accept() {
    if (save())
        QWizard::accept();
}

bool FirstRunWizard::isFirstRun(AppContext& context) {
    const Logbook& logbook = context.logbook();
    const auto sessions = logbook.sessionCount({});
    const auto regimens = logbook.regimens(true);
    const auto devices = logbook.devices(true);
    return sessions && *sessions == 0 && regimens && regimens->isEmpty() && devices &&
           devices->isEmpty();
}

} // namespace dermaplan::ui
