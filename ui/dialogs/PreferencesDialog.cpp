#include "PreferencesDialog.h"

#include "print/SchedulePrinter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace dermaplan::ui {

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    const QLocale locale;

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Follow the system"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));
    m_theme->setAccessibleName(tr("Theme"));

    m_firstDay = new QComboBox(this);
    for (int day = 1; day <= 7; ++day)
        m_firstDay->addItem(locale.dayName(day, QLocale::LongFormat), day);
    m_firstDay->setCurrentIndex(m_firstDay->findData(int(current.firstDayOfWeek)));
    m_firstDay->setAccessibleName(tr("First day of the week"));

    m_paper = new QComboBox(this);
    m_paper->addItem(tr("As usual here (%1)").arg(QPageSize::name(print::defaultPageSize(locale))),
                     QVariant());
    m_paper->addItem(QPageSize::name(QPageSize::A4), int(QPageSize::A4));
    m_paper->addItem(QPageSize::name(QPageSize::Letter), int(QPageSize::Letter));
    m_paper->setCurrentIndex(current.paper ? m_paper->findData(int(*current.paper)) : 0);
    m_paper->setAccessibleName(tr("Paper"));

    m_name = new QLineEdit(current.name, this);
    m_name->setPlaceholderText(tr("e.g. Alex"));
    m_name->setAccessibleName(tr("Name on the printed week"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&First day of the week:"), m_firstDay);
    form->addRow(tr("&Paper:"), m_paper);
    form->addRow(tr("&Name on the printed week:"), m_name);

    m_reminders =
        new QCheckBox(tr("&Remind me of planned sessions, device care and follow-ups"), this);
    m_reminders->setChecked(current.reminders);
    m_startAtLogin = new QCheckBox(tr("&Start Dermaplan minimized when I log in"), this);
    m_startAtLogin->setChecked(current.reminders && current.startAtLogin);
    m_startAtLogin->setEnabled(current.reminders);
    connect(m_reminders, &QCheckBox::toggled, m_startAtLogin, [this](bool on) {
        m_startAtLogin->setEnabled(on);
        if (!on)
            m_startAtLogin->setChecked(false);
    });
    auto* note = new QLabel(tr("A session is reminded of only on a day the rules allow it. "
                               "Without a system tray, reminders show above the pages."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* reminders = new QGroupBox(tr("Reminders"), this);
    auto* reminderColumn = new QVBoxLayout(reminders);
    reminderColumn->addWidget(m_reminders);
    reminderColumn->addWidget(m_startAtLogin);
    reminderColumn->addWidget(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(reminders);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    p.firstDayOfWeek = Qt::DayOfWeek(m_firstDay->currentData().toInt());
    if (m_paper->currentData().isValid())
        p.paper = QPageSize::PageSizeId(m_paper->currentData().toInt());
    p.name = m_name->text().trimmed();
    p.reminders = m_reminders->isChecked();
    p.startAtLogin = p.reminders && m_startAtLogin->isChecked();
    return p;
}

} // namespace dermaplan::ui
