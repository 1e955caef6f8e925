#include "TodayPage.h"

#include "AppContext.h"
#include "domain/IsoWeek.h"
#include "logbook/Logbook.h"
#include "planning/ScheduleText.h"
#include "planning/WeeklySchedule.h"
#include "rules/ReadinessText.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

// ✔ allowed and past the recommended interval, ⚠ allowed (or allowed for shorter needles only),
// ✖ resting: a mark that reads without colour.
QString statusMark(const Readiness& r, QDate today, const RuleBook& rules,
                   std::optional<NeedleLength> needle) {
    if (needle) {
        const NeedleReadiness& n = r.forNeedle(rules, *needle);
        if (!n.allowedOn(today))
            return QStringLiteral("✖");
        return n.recommendedDate.isValid() && today < n.recommendedDate ? QStringLiteral("⚠")
                                                                        : QStringLiteral("✔");
    }
    if (!r.firstHeldOn(today))
        return QStringLiteral("✔");
    return r.allowedUpTo(today) ? QStringLiteral("⚠") : QStringLiteral("✖");
}

} // namespace

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

    Logbook& logbook = m_context.logbook();
    const QDate weekStart = today.addDays(1 - today.dayOfWeek());
    const QDate weekEnd = weekStart.addDays(6);
    // Far enough ahead to find each area's next planned session.
    const auto plan = logbook.plan(
        weekStart, std::max(weekEnd, today.addDays(longestWindowDays(m_context.rules()))));
    if (!plan) {
        m_grid->addWidget(new QLabel(plan.error().toString(), m_areas), 0, 0);
        return;
    }
    const QStringList headers{tr("Area"), tr("Last session"), tr("Next session"), tr("This week")};
    for (int c = 0; c < headers.size(); ++c) {
        auto* h = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[c].toHtmlEscaped()), m_areas);
        m_grid->addWidget(h, 0, c);
    }
    int row = 1;
    for (const Area& area : m_context.rules().areas()) {
        const auto readiness = logbook.readiness(area.id);
        if (!readiness) {
            m_context.reportError(readiness.error());
            return;
        }
        QStringList planned;
        std::optional<NeedleLength> nextNeedle;
        for (const Occurrence& o : plan->occurrences) {
            if (o.area != area.id || o.status != Occurrence::Status::Planned)
                continue;
            if (!nextNeedle && o.date >= today)
                nextNeedle = o.needle;
            if (o.date <= weekEnd)
                planned << QStringLiteral("%1 %2").arg(
                    locale.dayName(o.date.dayOfWeek(), QLocale::ShortFormat), o.needle.toString());
        }
        if (!readiness->lastSession && planned.isEmpty() && !nextNeedle)
            continue;
        const QString answer =
            describeReadiness(*readiness, today, m_context.rules(), locale, nextNeedle);
        const QString status =
            statusMark(*readiness, today, m_context.rules(), nextNeedle) + u' ' + answer;
        m_status.insert(area.id, status);
        const Session* last = readiness->lastSession ? &*readiness->lastSession : nullptr;
        const QStringList cells{
            area.name,
            last ? QStringLiteral("%1 · %2").arg(locale.toString(last->date, QLocale::ShortFormat),
                                                 countingNeedle(*last).toString())
                 : tr("none"),
            status, planned.isEmpty() ? tr("nothing planned") : planned.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* label = new QLabel(cells[c], m_areas);
            label->setWordWrap(c == 2);
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
    if (const auto devices = logbook.deviceStatuses(false); devices) {
        for (const DeviceStatus& d : *devices)
            if (d.level != DeviceStatus::Level::Fine || d.needsCleaning)
                warnings << QStringLiteral("%1 “%2”: %3")
                                .arg(d.level == DeviceStatus::Level::ReplaceNow ? tr("✖") : tr("⚠"),
                                     d.state.device.name, deviceStatusText(d, locale));
    } else {
        m_context.reportError(devices.error());
    }
    m_devices->setText(warnings.join(u'\n'));
    m_devices->setVisible(!warnings.isEmpty());
}

} // namespace dermaplan::ui
