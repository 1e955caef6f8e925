#include "TodayPage.h"

#include "AppContext.h"
#include "domain/IsoWeek.h"
#include "planning/ScheduleText.h"
#include "planning/WeeklySchedule.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermaplan::ui {

TodayPage::TodayPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    auto* logButton = new QPushButton(tr("&Log a session…"), this);
    logButton->setAccessibleName(tr("Log a session"));
    QFont big = logButton->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    logButton->setFont(big);
    logButton->setMinimumHeight(logButton->sizeHint().height() * 3 / 2);
    connect(logButton, &QPushButton::clicked, this,
            [this] { emit logSessionRequested(QString()); });
    layout->addWidget(logButton, 0, Qt::AlignLeft);

    m_areas = new QWidget(this);
    m_grid = new QGridLayout(m_areas);
    m_grid->setHorizontalSpacing(18);
    layout->addWidget(m_areas);

    m_devices = new QLabel(this);
    m_devices->setWordWrap(true);
    m_devices->setAccessibleName(tr("Device warnings"));
    layout->addWidget(m_devices);
    auto* disclaimer = new QLabel(context.rules().disclaimer(), this);
    disclaimer->setWordWrap(true);
    disclaimer->setEnabled(false);
    layout->addStretch();
    layout->addWidget(disclaimer);

    connect(&m_context, &AppContext::dataChanged, this, &TodayPage::refresh);
    refresh();
}

QString TodayPage::statusOf(const QString& areaId) const {
    return m_status.value(areaId);
}

void TodayPage::refresh() {
    const QLocale locale;
    const QDate today = m_context.today();
    m_heading->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_status.clear();

    Database& db = m_context.database();
    const auto history = SessionStore(db).list({});
    const auto regimens = RegimenStore(db).list(false);
    if (!history || !regimens) {
        m_grid->addWidget(
            new QLabel((history ? regimens.error() : history.error()).toString(), m_areas), 0, 0);
        return;
    }
    const WeeklySchedule week = WeeklySchedule::forWeek(IsoWeek::containing(today), *regimens,
                                                        *history, m_context.rules(), today);
    const QStringList headers{tr("Area"),        tr("Last session"), tr("Earliest safe"),
                              tr("Recommended"), tr("Status"),       tr("This week")};
    for (int c = 0; c < headers.size(); ++c) {
        auto* h = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[c].toHtmlEscaped()), m_areas);
        m_grid->addWidget(h, 0, c);
    }
    int row = 1;
    for (const Area& area : m_context.rules().areas()) {
        const RecoveryWindow w = recoveryWindow(area.id, *history, m_context.rules());
        QStringList planned;
        for (const ScheduleDay& day : week.days)
            for (const Occurrence& o : day.occurrences)
                if (o.area == area.id && o.status == Occurrence::Status::Planned)
                    planned << QStringLiteral("%1 %2").arg(
                        locale.dayName(day.date.dayOfWeek(), QLocale::ShortFormat),
                        o.needle.toString());
        if (!w.lastSession && planned.isEmpty())
            continue;
        QString status;
        if (!w.lastSession)
            status = tr("✔ Ready: no session yet");
        else if (today < w.earliestSafeDate)
            status = tr("✖ Too soon: wait %n more day(s)", nullptr,
                        int(today.daysTo(w.earliestSafeDate)));
        else if (today < w.recommendedDate)
            status = tr("⚠ Allowed, recommended in %n day(s)", nullptr,
                        int(today.daysTo(w.recommendedDate)));
        else
            status = tr("✔ Safe now");
        m_status.insert(area.id, status);
        const QStringList cells{
            area.name,
            w.lastSession ? QStringLiteral("%1 · %2").arg(
                                locale.toString(w.lastSession->date, QLocale::ShortFormat),
                                w.lastSession->needle.toString())
                          : tr("none"),
            w.lastSession ? locale.toString(w.earliestSafeDate, QLocale::ShortFormat) : tr("today"),
            w.lastSession ? locale.toString(w.recommendedDate, QLocale::ShortFormat) : tr("today"),
            status,
            planned.isEmpty() ? tr("nothing planned") : planned.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* label = new QLabel(cells[c], m_areas);
            label->setAccessibleName(QStringLiteral("%1: %2").arg(area.name, headers[c]));
            m_grid->addWidget(label, row, c);
        }
        auto* log = new QPushButton(tr("Log %1…").arg(area.name.toLower()), m_areas);
        connect(log, &QPushButton::clicked, this,
                [this, id = area.id] { emit logSessionRequested(id); });
        m_grid->addWidget(log, row, int(cells.size()));
        ++row;
    }
    if (row == 1)
        m_grid->addWidget(
            new QLabel(
                tr("No sessions or regimens yet. Log your first session, or plan a regimen."),
                m_areas),
            1, 0, 1, int(headers.size()));

    QStringList warnings;
    DeviceStore devices(db);
    const auto list = devices.list(false);
    const DeviceWear& wear = m_context.rules().deviceWear();
    if (list) {
        for (const Device& d : *list) {
            const auto state = devices.state(d.id, today.addDays(1));
            if (!state)
                continue;
            if (state->usesSoFar >= wear.refuseAfterUses ||
                (d.firstUse.isValid() && d.firstUse.daysTo(today) >= wear.refuseAfterDays))
                warnings << tr("✖ Replace “%1”: %2 uses, first used %3.")
                                .arg(d.name)
                                .arg(state->usesSoFar)
                                .arg(d.firstUse.isValid()
                                         ? locale.toString(d.firstUse, QLocale::ShortFormat)
                                         : tr("never"));
            else if (state->usesSoFar + 1 >= wear.adviseFromUse)
                warnings << tr("⚠ “%1” is wearing out: %2 of %3 uses.")
                                .arg(d.name)
                                .arg(state->usesSoFar)
                                .arg(wear.refuseAfterUses);
            if (state->usesSoFar > 0 && !state->lastCleaned)
                warnings << tr("⚠ “%1” has no cleaning recorded.").arg(d.name);
        }
    }
    m_devices->setText(warnings.join(u'\n'));
    m_devices->setVisible(!warnings.isEmpty());
}

} // namespace dermaplan::ui
