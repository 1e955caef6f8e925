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
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace dermaplan::ui {

namespace {

// A page whose Next waits for `complete` (e.g. an area ticked).
class WizardPage final : public QWizardPage {
public:
    std::function<bool()> complete;
    [[nodiscard]] bool isComplete() const override { return !complete || complete(); }
};

WizardPage* makePage(const QString& title, const QString& subTitle, QLayout* layout) {
    auto* p = new WizardPage;
    p->setTitle(title);
    p->setSubTitle(subTitle);
    p->setLayout(layout);
    return p;
}

// How well a template fits what the person wrote as their reason: the words they share (four
// letters or more, so "with" and "loss" count but "a" does not), then home before professional.
int fit(const RegimenTemplate& t, const QString& why) {
    int score = t.performedBy == Performer::Self ? 1 : 0;
    static const QRegularExpression word(QStringLiteral("\\w{4,}"));
    const QString about = (t.name + u' ' + t.goal).toLower();
    for (auto it = word.globalMatch(why.toLower()); it.hasNext();)
        if (about.contains(it.next().captured()))
            score += 10;
    return score;
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
    connect(m_why, &QLineEdit::textChanged, this, &FirstRunWizard::fillTemplates);
    auto* areasPage =
        makePage(tr("What you treat"),
                 tr("Tick at least one area: each keeps its own recovery clock."), areas);
    areasPage->complete = [this] {
        return std::any_of(m_areas.cbegin(), m_areas.cend(),
                           [](const QCheckBox* box) { return box->isChecked(); });
    };
    for (QCheckBox* box : std::as_const(m_areas))
        connect(box, &QCheckBox::toggled, areasPage, &QWizardPage::completeChanged);
    addPage(areasPage);

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
    m_templateInfo->setAccessibleName(tr("About the template"));
    regimen->addRow(tr("&Regimen:"), m_template);
    regimen->addRow(tr("&Start:"), m_start);
    regimen->addRow(m_templateInfo);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("What Finish creates"));
    regimen->addRow(m_summary);
    connect(m_template, &QComboBox::currentIndexChanged, this, &FirstRunWizard::describeTemplate);
    connect(m_start, &QDateEdit::dateChanged, this, &FirstRunWizard::updateSummary);
    // The roller's needle decides which template fits best.
    connect(m_deviceName, &QLineEdit::textChanged, this, &FirstRunWizard::refitTemplate);
    connect(m_deviceNeedle, &NeedleComboBox::needleChanged, this, &FirstRunWizard::refitTemplate);
    addPage(makePage(tr("A first regimen"),
                     tr("Evidence-based templates; you can change or add regimens later."),
                     regimen));
    fillTemplates();
}

std::optional<NeedleLength> FirstRunWizard::rollerNeedle() const {
    if (m_deviceName->text().trimmed().isEmpty())
        return std::nullopt;
    return m_deviceNeedle->needle().value_or(NeedleComboBox::defaultNeedle());
}

void FirstRunWizard::describeTemplate() {
    const RuleBook& rules = m_context.rules();
    const RegimenTemplate* t = rules.regimenTemplate(m_template->currentData().toString());
    QString info =
        t ? tr("%1 on the %2, every %n day(s). Sources: %3.", nullptr, t->everyDays)
                .arg(t->needle.toString(), rules.areaInText(t->area), rules.sourceNames(t->sources))
          : tr("You can plan a regimen later from the Plan page.");
    // A session logged with the roller counts as its needle: say what that does to this plan.
    if (const auto roller = rollerNeedle(); t && roller && *roller != t->needle) {
        const NeedleLength counted = std::max(*roller, t->needle);
        const int days = rules.interval(t->area, counted).minimumDays;
        info += u' ' + tr("Your roller has %1 needles: a session with it counts as %2, which "
                          "needs at least %n day(s) before the next, so planned sessions closer "
                          "than that are left out (each says so on its day). Choose a template "
                          "for %1, or plan %1 yourself.",
                          nullptr, days)
                           .arg(roller->toString(), counted.toString());
    }
    m_templateInfo->setText(info);
    updateSummary();
}

void FirstRunWizard::refitTemplate() {
    // A template the person chose themselves stays; the one picked for them follows the roller.
    if (m_template->currentData().toString() == m_picked)
        fillTemplates();
    else
        describeTemplate();
}

void FirstRunWizard::fillTemplates() {
    QStringList chosen;
    for (QCheckBox* box : std::as_const(m_areas))
        if (box->isChecked())
            chosen << box->property("areaId").toString();
    m_template->clear();
    m_template->addItem(tr("None for now"), QString());
    const QString why = m_why->text();
    int best = -1;
    int bestFit = -1;
    for (const RegimenTemplate& t : m_context.rules().templates()) {
        if (!chosen.isEmpty() && !chosen.contains(t.area))
            continue;
        m_template->addItem(t.name, t.id);
        // The roller's needle first, then the reason given, then home before professional.
        const int score = fit(t, why) + (rollerNeedle() == t.needle ? 100 : 0);
        if (!chosen.isEmpty() && score > bestFit) {
            bestFit = score;
            best = m_template->count() - 1;
        }
    }
    m_template->addItem(tr("Custom regimen…"), QStringLiteral("custom"));
    // The template that fits the areas and the reason given; none until an area is ticked.
    m_template->setCurrentIndex(std::max(best, 0));
    m_picked = m_template->currentData().toString();
}

void FirstRunWizard::updateSummary() {
    QStringList parts;
    const QString roller = m_deviceName->text().trimmed();
    if (!roller.isEmpty())
        parts << tr("the roller “%1” (%2)")
                     .arg(roller, m_deviceNeedle->needle()
                                      .value_or(NeedleComboBox::defaultNeedle())
                                      .toString());
    const QString id = m_template->currentData().toString();
    if (id == u"custom") {
        parts << tr("a regimen you describe next");
    } else if (const RegimenTemplate* t = m_context.rules().regimenTemplate(id)) {
        parts << tr("the regimen “%1”: %2 %3, every %n day(s) from %4", nullptr, t->everyDays)
                     .arg(t->name, m_context.rules().areaInText(t->area), t->needle.toString(),
                          QLocale().toString(m_start->date(), QLocale::LongFormat));
    }
    m_summary->setText(parts.isEmpty()
                           ? tr("Finish creates nothing: you can log, plan and add rollers later.")
                           : tr("Finish creates %1.").arg(parts.join(tr(", and "))));
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
    const auto regimens = logbook.regimens(true);
    const auto devices = logbook.devices(true);
    if (!regimens || !regimens->isEmpty() || !devices || !devices->isEmpty())
        return false;
    // One session is enough to know: counting them all would take longer the longer the log.
    SessionFilter any;
    any.limit = 1;
    const auto sessions = logbook.sessions(any);
    return sessions && sessions->isEmpty();
}

} // namespace dermaplan::ui
