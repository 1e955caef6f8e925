#include "LogSessionDialog.h"

#include "AppContext.h"
#include "VerdictText.h"
#include "commands/Edits.h"
#include "logbook/Logbook.h"
#include "widgets/Messages.h"
#include "widgets/NeedleComboBox.h"
#include "widgets/ProductPicker.h"
#include "widgets/ZoneChecklist.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

constexpr int IdRole = Qt::UserRole;

QStringList checkedIds(const QListWidget* list) {
    QStringList ids;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            ids << list->item(i)->data(IdRole).toString();
    return ids;
}

} // namespace

LogSessionDialog::LogSessionDialog(AppContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context) {
    setWindowTitle(tr("Log a session"));
    buildForm();
    fillDevices();
    // Open on the area of today's planned session, else of the latest one, as it was done there.
    const auto proposal = m_context.logbook().proposedSession();
    if (proposal) {
        const QSignalBlocker blocker(m_area);
        setArea(proposal->area);
    }
    fillZones();
    if (proposal)
        applyProposal(*proposal);
    updateVerdict();
    fitTo(screen()->availableSize());
}

LogSessionDialog::LogSessionDialog(AppContext& context, QWidget* parent, const Session& existing)
    : LogSessionDialog(context, parent) {
    setWindowTitle(tr("Edit session"));
    m_existing = existing;
    m_date->setDate(existing.date);
    m_timeKnown->setChecked(existing.time.has_value());
    if (existing.time)
        m_time->setTime(*existing.time);
    setArea(existing.area);
    m_zones->setCheckedZones(existing.zones);
    m_needle->setNeedle(existing.needle);
    const int device = existing.deviceId ? m_device->findData(*existing.deviceId) : 0;
    m_device->setCurrentIndex(std::max(device, 0));
    m_needle->setNeedle(existing.needle); // the device may have proposed another
    m_performer->setCurrentIndex(existing.performedBy == Performer::Professional ? 1 : 0);
    for (int i = 0; i < m_checklist->count(); ++i)
        m_checklist->item(i)->setCheckState(
            existing.contraindications.contains(m_checklist->item(i)->data(IdRole).toString())
                ? Qt::Checked
                : Qt::Unchecked);
    m_pain->setValue(existing.pain.value_or(-1));
    m_reaction->setText(existing.reaction);
    m_products->setText(existing.products);
    m_notes->setPlainText(existing.notes);
    m_override->setText(existing.overrideReason);
    updateVerdict();
}

void LogSessionDialog::buildForm() {
    const RuleBook& rules = m_context.rules();
    auto* form = new QFormLayout;

    m_date = new QDateEdit(m_context.today(), this);
    m_date->setCalendarPopup(true);
    // No maximum: a future date is explained under the field (a maximum would silently refuse it).
    // Open over midnight: if untouched, the date moves on to the new day.
    m_today = m_context.today();
    connect(&m_context, &AppContext::dayChanged, this, [this](QDate today) {
        // A new session left at today's date moves on with it; an edited one keeps its date.
        if (!m_existing && m_date->date() == m_today)
            m_date->setDate(today);
        m_today = today;
        updateVerdict(); // a date refused as in the future may be allowed now
    });
    m_date->setAccessibleName(tr("Date"));
    m_timeKnown = new QCheckBox(tr("at"), this);
    m_timeKnown->setAccessibleName(tr("Time known"));
    m_time = new QTimeEdit(QTime(20, 0), this);
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setEnabled(false);
    m_time->setAccessibleName(tr("Time"));
    m_dateProblem = new QLabel(
        tr("Sessions are logged after they happen; plan future ones on the Plan page."), this);
    m_dateProblem->setWordWrap(true);
    m_dateProblem->setVisible(false);
    auto* when = new QHBoxLayout;
    when->addWidget(m_date);
    when->addWidget(m_timeKnown);
    when->addWidget(m_time);
    when->addStretch();
    form->addRow(tr("&Date:"), when);
    qobject_cast<QLabel*>(form->labelForField(when))->setBuddy(m_date);
    form->addRow(QString(), m_dateProblem);

    m_area = new QComboBox(this);
    for (const Area& a : rules.areas())
        m_area->addItem(a.name, a.id);
    m_area->setAccessibleName(tr("Area"));
    form->addRow(tr("&Area:"), m_area);
    m_areaTips = new QLabel(this);
    m_areaTips->setWordWrap(true);
    form->addRow(QString(), m_areaTips);

    m_zones = new ZoneChecklist(this);
    form->addRow(tr("&Zones:"), m_zones);

    m_needle = new NeedleComboBox(rules, NeedleComboBox::Mode::ChooseOrType, this);
    m_needle->setAccessibleName(tr("Needle length in millimetres"));
    form->addRow(tr("&Needle:"), m_needle);

    m_device = new QComboBox(this);
    m_device->setAccessibleName(tr("Device"));
    form->addRow(tr("De&vice:"), m_device);

    m_performer = new QComboBox(this);
    m_performer->addItem(tr("Myself"), performerId(Performer::Self));
    m_performer->addItem(tr("A professional"), performerId(Performer::Professional));
    m_performer->setAccessibleName(tr("Performed by"));
    form->addRow(tr("Performed &by:"), m_performer);

    m_checklist = new QListWidget(this);
    m_checklist->setAccessibleName(tr("Before the session: checklist"));
    for (const Contraindication& c : rules.contraindications()) {
        auto* item = new QListWidgetItem(c.label, m_checklist);
        item->setData(IdRole, c.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(c.advice);
    }
    m_checklist->setMaximumHeight(130);
    m_checklist->setMinimumWidth(m_checklist->sizeHintForColumn(0) + 40);
    form->addRow(tr("&Checklist (tick what applies):"), m_checklist);

    m_pain = new QSpinBox(this);
    m_pain->setRange(-1, 10);
    m_pain->setSpecialValueText(tr("not recorded"));
    m_pain->setValue(-1);
    m_pain->setAccessibleName(tr("Pain from 0 to 10"));
    form->addRow(tr("&Pain (0-10):"), m_pain);
    m_reaction = new QLineEdit(this);
    m_reaction->setAccessibleName(tr("Reaction"));
    m_reaction->setPlaceholderText(tr("e.g. mild redness"));
    form->addRow(tr("&Reaction:"), m_reaction);
    m_products = new ProductPicker(this);
    m_products->setAccessibleName(tr("Products used"));
    if (const auto products = m_context.logbook().products())
        m_products->setProducts(*products);
    form->addRow(tr("Pr&oducts:"), m_products);
    m_notes = new QPlainTextEdit(this);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(70);
    form->addRow(tr("No&tes:"), m_notes);

    auto* verdictBox = new QGroupBox(tr("Safety check"), this);
    m_verdictBox = verdictBox;
    auto* verdictLayout = new QVBoxLayout(verdictBox);
    m_verdictLabel = new QLabel(verdictBox);
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setTextFormat(Qt::RichText);
    m_verdictLabel->setOpenExternalLinks(true);
    m_verdictLabel->setAccessibleName(tr("Safety verdict"));
    m_verdictLabel->setMinimumWidth(300);
    verdictLayout->addWidget(m_verdictLabel);
    m_override = new QLineEdit(verdictBox);
    m_override->setPlaceholderText(tr("Override reason (e.g. my dermatologist advised it)"));
    m_override->setAccessibleName(tr("Override reason"));
    verdictLayout->addWidget(m_override);
    verdictLayout->addStretch();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    // The fields scroll; the safety check beside them (or under them, on a small screen) does
    // not scroll with them, so that the verdict stays in sight whichever field is in view.
    m_content = new QWidget(this);
    m_content->setLayout(form);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_verdictScroll = new QScrollArea(this);
    m_verdictScroll->setWidget(verdictBox);
    m_verdictScroll->setWidgetResizable(true);
    m_verdictScroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->addWidget(scroll, 3);
    m_columns->addWidget(m_verdictScroll, 2);
    layout->addLayout(m_columns);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LogSessionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LogSessionDialog::reject);
    connect(m_timeKnown, &QCheckBox::toggled, m_time, &QWidget::setEnabled);
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
        fillZones();
        if (const auto proposal =
                m_context.logbook().proposedSession(m_area->currentData().toString()))
            applyProposal(*proposal);
        updateVerdict();
    });
    connect(m_device, &QComboBox::currentIndexChanged, this, [this] {
        // Picking a device proposes its needle length.
        const Device* device = selectedDevice();
        if (device && device->needle.micrometres() > 0)
            m_needle->setNeedle(device->needle);
        updateVerdict();
    });
    for (auto* edit : {m_date})
        connect(edit, &QDateEdit::dateChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_needle, &NeedleComboBox::needleChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_performer, &QComboBox::currentIndexChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_zones, &ZoneChecklist::zonesChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_checklist, &QListWidget::itemChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_pain, &QSpinBox::valueChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_override, &QLineEdit::textChanged, this, &LogSessionDialog::updateVerdict);
    connect(m_products, &ProductPicker::changed, this, &LogSessionDialog::updateVerdict);
}

void LogSessionDialog::fitTo(QSize screen) {
    const QSize form = m_content->sizeHint();
    const QSize verdict = m_verdictBox->sizeHint();
    const bool narrow = form.width() + verdict.width() > screen.width() * 9 / 10;
    // On a small screen the check goes under the fields, a third of the height at most.
    m_columns->setDirection(narrow ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_verdictScroll->setMaximumHeight(narrow ? screen.height() / 3 : QWIDGETSIZE_MAX);
    // Under the fields it takes what the verdict needs (up to that third), the fields the rest.
    m_columns->setStretch(1, narrow ? 0 : 2);
    const QMargins margins = layout()->contentsMargins();
    const int chrome = 24 + layout()->spacing() * 2 + m_buttons->sizeHint().height();
    const QSize wanted =
        narrow ? QSize(std::max(form.width(), verdict.width()),
                       form.height() + std::min(verdict.height(), screen.height() / 3))
               : QSize(form.width() + verdict.width(), std::max(form.height(), verdict.height()));
    resize((wanted +
            QSize(margins.left() + margins.right() + 24, margins.top() + margins.bottom() + chrome))
               .boundedTo(screen * 0.95));
}

void LogSessionDialog::setArea(const QString& areaId) {
    const int index = m_area->findData(areaId);
    if (index >= 0)
        m_area->setCurrentIndex(index);
}

void LogSessionDialog::fillZones() {
    const Area* area = m_context.rules().area(m_area->currentData().toString());
    {
        const QSignalBlocker blocker(m_zones); // the caller updates the verdict
        m_zones->showZonesOf(area);
    }
    if (!area)
        return;
    QStringList tips;
    for (const Advice& tip : area->tips)
        tips << tr("%1 (%2)").arg(tip.text, m_context.rules().sourceNames(tip.sources));
    m_areaTips->setText(tips.join(u' '));
    m_areaTips->setVisible(!area->tips.isEmpty());
}

// Most people repeat what they planned or did last time on an area: start from its zones,
// needle and device.
void LogSessionDialog::applyProposal(const Session& proposal) {
    // The device used on this area (none when there is none: another area's roller would be
    // wrong here); a device would propose its own needle, so it is set without signals.
    const QSignalBlocker blocker(m_device);
    const int device = proposal.deviceId ? m_device->findData(*proposal.deviceId) : 0;
    m_device->setCurrentIndex(std::max(device, 0));
    if (proposal.needle.micrometres() == 0)
        return;
    m_zones->setCheckedZones(proposal.zones);
    m_needle->setNeedle(proposal.needle);
}

void LogSessionDialog::fillDevices() {
    m_device->addItem(tr("None / not recorded"), QVariant());
    const auto devices = m_context.logbook().devices(false);
    if (!devices)
        return;
    m_devices = *devices;
    for (const Device& d : std::as_const(m_devices))
        m_device->addItem(QStringLiteral("%1 (%2)").arg(d.name, d.needle.toString()), d.id);
}

const Device* LogSessionDialog::selectedDevice() const {
    const QVariant id = m_device->currentData();
    for (const Device& d : m_devices)
        if (id.isValid() && d.id == id.toLongLong())
            return &d;
    return nullptr;
}

Session LogSessionDialog::draft() const {
    Session s;
    s.date = m_date->date();
    if (m_timeKnown->isChecked())
        s.time = QTime(m_time->time().hour(), m_time->time().minute());
    s.area = m_area->currentData().toString();
    s.zones = m_zones->checkedZones();
    s.needle = m_needle->needle().value_or(NeedleLength());
    s.performedBy = m_performer->currentIndex() == 1 ? Performer::Professional : Performer::Self;
    if (m_device->currentData().isValid())
        s.deviceId = m_device->currentData().toLongLong();
    if (m_pain->value() >= 0)
        s.pain = m_pain->value();
    s.reaction = m_reaction->text().trimmed();
    s.products = m_products->text();
    s.notes = m_notes->toPlainText().trimmed();
    s.contraindications = checkedIds(m_checklist);
    s.overrideReason = m_override->text().trimmed();
    if (m_existing) {
        s.id = m_existing->id;
        s.uuid = m_existing->uuid;
        s.updatedAt = m_existing->updatedAt;
        s.ruleBroken = m_existing->ruleBroken; // an edit does not erase what the import found
    }
    return s;
}

void LogSessionDialog::updateVerdict() {
    const Session s = draft();
    if (!m_needle->needle()) {
        m_verdict = Error::inField(
            tr("Needle"), tr("'%1' is not a needle length in millimetres").arg(m_needle->text()));
    } else {
        m_verdict = m_context.logbook().check(s);
    }
    // The only date the logbook refuses from a date field is one in the future: say why there.
    const bool dateProblem = !m_verdict && m_verdict.error().field == u"date";
    m_dateProblem->setVisible(dateProblem);
    m_verdictLabel->setText(dateProblem ? QString() : verdictHtml(m_verdict, m_context.rules()));
    const bool refused = m_verdict && m_verdict->severity == Severity::Refuse;
    m_override->setVisible(refused);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_verdict && !m_verdict->blocksSaving());
}

void LogSessionDialog::accept() {
    updateVerdict();
    if (!m_verdict || m_verdict->blocksSaving())
        return;
    if (m_existing) {
        m_edited = draft();
        if (m_verdict->severity != Severity::Refuse)
            m_edited.overrideReason.clear(); // nothing is overridden: keep history true
        QDialog::accept();
        return;
    }
    const auto outcome = Edits(m_context).logSession(draft());
    if (!outcome || !outcome->id) {
        showMessage(this, MessageLevel::Warning, tr("Session not saved"),
                    outcome ? verdictText(outcome->verdict, m_context.rules())
                            : outcome.error().toString());
        return;
    }
    m_savedId = *outcome->id;
    QDialog::accept();
}

} // namespace dermaplan::ui
