#include "PauseDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace dermaplan::ui {

PauseDialog::PauseDialog(const RuleBook& rules, QDate firstDay, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Add a pause"));
    m_from = new QDateEdit(firstDay, this);
    m_from->setCalendarPopup(true);
    m_from->setAccessibleName(tr("First day"));
    m_to = new QDateEdit(firstDay.addDays(6), this);
    m_to->setCalendarPopup(true);
    m_to->setAccessibleName(tr("Last day"));
    m_area = new QComboBox(this);
    m_area->addItem(tr("Every area"), QString());
    for (const Area& area : rules.areas())
        m_area->addItem(area.name, area.id);
    m_area->setAccessibleName(tr("Area"));
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("e.g. Holiday, laser treatment, a cold"));
    m_reason->setAccessibleName(tr("Reason"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    auto* note = new QLabel(tr("Sessions planned on these days move to the day after the pause; "
                               "the ones after it keep their full intervals."),
                            this);
    note->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&First day:"), m_from);
    form->addRow(tr("&Last day:"), m_to);
    form->addRow(tr("&Area:"), m_area);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(m_problem);
    form->addRow(note);
    form->addRow(m_buttons);
    connect(m_from, &QDateEdit::dateChanged, this, &PauseDialog::validate);
    connect(m_to, &QDateEdit::dateChanged, this, &PauseDialog::validate);
    validate();
}

bool PauseDialog::canAccept() const {
    return m_to->date() >= m_from->date();
}

void PauseDialog::validate() {
    const bool ok = canAccept();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_problem->setText(ok ? QString() : tr("The last day is before the first."));
    m_problem->setVisible(!ok);
}

Pause PauseDialog::pause() const {
    Pause p;
    p.from = m_from->date();
    p.to = m_to->date();
    p.area = m_area->currentData().toString();
    p.reason = m_reason->text().trimmed();
    return p;
}

} // namespace dermaplan::ui
