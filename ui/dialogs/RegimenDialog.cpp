#include "RegimenDialog.h"

#include "AppContext.h"
#include "VerdictText.h"
#include "widgets/NeedleComboBox.h"
#include "widgets/ZoneChecklist.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dermaplan::ui {

RegimenDialog::RegimenDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context) {
    setWindowTitle(tr("Plan a regimen"));
    const RuleBook& rules = context.rules();
    auto* form = new QFormLayout;
    m_template = new QComboBox(this);
    m_template->addItem(tr("Custom"), QString());
    for (const RegimenTemplate& t : rules.templates())
        m_template->addItem(t.name, t.id);
    m_template->setAccessibleName(tr("Template"));
    form->addRow(tr("&Template:"), m_template);
    m_name = new QLineEdit(this);
    m_name->setAccessibleName(tr("Name"));
    form->addRow(tr("&Name:"), m_name);
    m_area = new QComboBox(this);
    for (const Area& a : rules.areas())
        m_area->addItem(a.name, a.id);
    m_area->setAccessibleName(tr("Area"));
    form->addRow(tr("&Area:"), m_area);
    m_zones = new ZoneChecklist(this);
    form->addRow(tr("&Zones:"), m_zones);
    m_needle = new NeedleComboBox(rules, NeedleComboBox::Mode::ChooseOrType, this);
    m_needle->setAccessibleName(tr("Needle length in millimetres"));
    form->addRow(tr("N&eedle:"), m_needle);
    m_every = new QSpinBox(this);
    m_every->setRange(1, 365);
    m_every->setValue(14);
    m_every->setSuffix(tr(" days"));
    m_every->setAccessibleName(tr("Every how many days"));
    form->addRow(tr("E&very:"), m_every);
    m_start = new QDateEdit(context.today(), this);
    m_start->setCalendarPopup(true);
    m_start->setAccessibleName(tr("Start date"));
    form->addRow(tr("&Start:"), m_start);
    m_weeks = new QSpinBox(this);
    m_weeks->setRange(0, 520);
    m_weeks->setSpecialValueText(tr("ongoing"));
    m_weeks->setSuffix(tr(" weeks"));
    m_weeks->setAccessibleName(tr("Length in weeks"));
    form->addRow(tr("&Length:"), m_weeks);
    m_performer = new QComboBox(this);
    m_performer->addItem(tr("Myself"));
    m_performer->addItem(tr("A professional"));
    m_performer->setAccessibleName(tr("Performed by"));
    form->addRow(tr("Performed &by:"), m_performer);
    m_goal = new QLineEdit(this);
    m_goal->setAccessibleName(tr("Goal"));
    form->addRow(tr("&Goal:"), m_goal);
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setOpenExternalLinks(true);
    m_verdictLabel->setAccessibleName(tr("Safety verdict"));
    m_verdictLabel->setMinimumWidth(380);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_template, &QComboBox::currentIndexChanged, this,
            [this] { applyTemplate(m_template->currentData().toString()); });
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
        fillZones();
        updateVerdict();
    });
    connect(m_needle, &NeedleComboBox::needleChanged, this, &RegimenDialog::updateVerdict);
    connect(m_every, &QSpinBox::valueChanged, this, &RegimenDialog::updateVerdict);
    connect(m_weeks, &QSpinBox::valueChanged, this, &RegimenDialog::updateVerdict);
    connect(m_performer, &QComboBox::currentIndexChanged, this, &RegimenDialog::updateVerdict);
    connect(m_zones, &ZoneChecklist::zonesChanged, this, &RegimenDialog::updateVerdict);
    fillZones();
    updateVerdict();
}

void RegimenDialog::applyTemplate(const QString& templateId) {
    const RegimenTemplate* t = m_context.rules().regimenTemplate(templateId);
    if (!t)
        return;
    m_template->setCurrentIndex(m_template->findData(templateId));
    m_name->setText(t->name);
    m_area->setCurrentIndex(m_area->findData(t->area));
    m_needle->setNeedle(t->needle);
    m_every->setValue(t->everyDays);
    m_weeks->setValue(t->weeks.value_or(0));
    m_performer->setCurrentIndex(t->performedBy == Performer::Professional ? 1 : 0);
    m_goal->setText(t->goal);
    updateVerdict();
}

void RegimenDialog::setRegimen(const Regimen& r) {
    setWindowTitle(tr("Edit regimen"));
    m_id = r.id;
    m_template->setCurrentIndex(std::max(0, m_template->findData(r.templateId)));
    m_name->setText(r.name);
    m_area->setCurrentIndex(m_area->findData(r.area));
    m_zones->setCheckedZones(r.zones);
    m_needle->setNeedle(r.needle);
    m_every->setValue(r.everyDays);
    m_start->setDate(r.start);
    m_weeks->setValue(r.weeks.value_or(0));
    m_performer->setCurrentIndex(r.performedBy == Performer::Professional ? 1 : 0);
    m_goal->setText(r.goal);
    updateVerdict();
}

void RegimenDialog::fillZones() {
    const QSignalBlocker blocker(m_zones); // the caller updates the verdict
    m_zones->showZonesOf(m_context.rules().area(m_area->currentData().toString()));
}

Regimen RegimenDialog::regimen() const {
    Regimen r;
    r.id = m_id;
    r.templateId = m_template->currentData().toString();
    r.area = m_area->currentData().toString();
    r.zones = m_zones->checkedZones();
    r.needle = m_needle->needle().value_or(NeedleLength());
    r.everyDays = m_every->value();
    r.start = m_start->date();
    if (m_weeks->value() > 0)
        r.weeks = m_weeks->value();
    r.performedBy = m_performer->currentIndex() == 1 ? Performer::Professional : Performer::Self;
    r.goal = m_goal->text().trimmed();
    r.name = m_name->text().trimmed();
    if (r.name.isEmpty())
        r.name = defaultRegimenName(r, m_context.rules());
    return r;
}

void RegimenDialog::updateVerdict() {
    m_verdict = m_context.logbook().checkRegimen(regimen());
    m_verdictLabel->setText(verdictHtml(m_verdict, m_context.rules()));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_verdict && m_verdict->severity != Severity::Refuse);
}

} // namespace dermaplan::ui
