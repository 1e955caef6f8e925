#include "TodayPage.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"
#include "planning/ScheduleText.h"
#include "planning/WeekPoster.h"
#include "rules/ReadinessText.h"
#include "widgets/FollowUpPrompt.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

// ✔ go, ⚠ allowed with advice (or only for shorter needles), ✖ wait: marks that read without
// colour.
QString mark(ReadinessLevel level) {
    switch (level) {
    case ReadinessLevel::Go:
        return QStringLiteral("✔");
    case ReadinessLevel::Advised:
        return QStringLiteral("⚠");
    case ReadinessLevel::Wait:
        break;
    }
    return QStringLiteral("✖");
}

QString listHtml(const QStringList& items) {
    QString html;
    for (const QString& item : items)
        html += QStringLiteral("<br>") + item;
    return html;
}

} // namespace

TodayPage::TodayPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    // What a day holds varies (questions, aftercare, devices): it scrolls rather than being cut
    // off at 800x600.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    content->setAutoFillBackground(false);
    auto* layout = new QVBoxLayout(content);
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

    m_now = new QLabel(this);
    m_now->setWordWrap(true);
    m_now->setTextFormat(Qt::RichText);
    m_now->setAccessibleName(tr("What now"));
    layout->addWidget(m_now);

    m_followUps = new FollowUpPrompt(context.rules(), this);
    connect(m_followUps, &FollowUpPrompt::answered, this, &TodayPage::answerFollowUp);
    layout->addWidget(m_followUps);

    m_areas = new QWidget(this);
    m_grid = new QGridLayout(m_areas);
    m_grid->setHorizontalSpacing(18);
    layout->addWidget(m_areas);
    auto* disclaimer = new QLabel(context.rules().disclaimer(), this);
    disclaimer->setWordWrap(true);
    disclaimer->setEnabled(false);
    layout->addStretch();
    layout->addWidget(disclaimer);
    scroll->setWidget(content);

    connect(&m_context, &AppContext::dataChanged, this, &TodayPage::refresh);
    refresh();
}

QString TodayPage::statusOf(const QString& areaId) const {
    return m_status.value(areaId);
}

QString TodayPage::whatNow() const {
    QTextDocument doc;
    doc.setHtml(m_now->text());
    return doc.toPlainText();
}

void TodayPage::refresh() {
    const QLocale locale;
    const RuleBook& rules = m_context.rules();
    const QDate today = m_context.today();
    m_heading->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_status.clear();

    const auto guide = m_context.logbook().dayGuide();
    if (!guide) {
        m_now->setText(guide.error().toString().toHtmlEscaped());
        return;
    }
    m_now->setText(whatNowHtml(*guide, locale));
    m_followUps->setQuestions(guide->followUps, today);

    const QStringList headers{tr("Area"), tr("Last session"), tr("Next session"), tr("This week")};
    for (int c = 0; c < headers.size(); ++c) {
        auto* h = new QLabel(QStringLiteral("<b>%1</b>").arg(headers[c].toHtmlEscaped()), m_areas);
        m_grid->addWidget(h, 0, c);
    }
    int row = 1;
    for (const AreaDay& a : guide->areas) {
        const Area* area = rules.area(a.area);
        const QString name = area ? area->name : a.area;
        const QString status = mark(a.level) + u' ' +
                               describeReadiness(a.readiness, today, rules, locale, a.nextNeedle);
        m_status.insert(a.area, status);
        QStringList planned;
        for (const Occurrence& o : a.thisWeek)
            planned << QStringLiteral("%1 %2").arg(
                locale.dayName(o.date.dayOfWeek(), QLocale::ShortFormat), o.needle.toString());
        const auto& last = a.readiness.lastSession;
        const QStringList cells{
            name,
            last ? QStringLiteral("%1 · %2").arg(locale.toString(last->date, QLocale::ShortFormat),
                                                 countingNeedle(*last).toString())
                 : tr("none"),
            status, planned.isEmpty() ? tr("nothing planned") : planned.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* label = new QLabel(cells[c], m_areas);
            label->setWordWrap(c == 2);
            label->setAccessibleName(QStringLiteral("%1: %2").arg(name, headers[c]));
            m_grid->addWidget(label, row, c);
        }
        auto* log = new QPushButton(tr("Log %1…").arg(name.toLower()), m_areas);
        connect(log, &QPushButton::clicked, this,
                [this, id = a.area] { emit logSessionRequested(id); });
        m_grid->addWidget(log, row, int(cells.size()));
        ++row;
    }
    // The wrapping status column takes what width there is; the others keep their words whole.
    m_grid->setColumnStretch(2, 1);
    if (row == 1)
        m_grid->addWidget(
            new QLabel(
                tr("No sessions or regimens yet. Log your first session, or plan a regimen."),
                m_areas),
            1, 0, 1, int(headers.size()));
}

void TodayPage::answerFollowUp(qint64 sessionId, const QString& state) {
    FollowUp answer;
    answer.sessionId = sessionId;
    answer.state = state;
    answer.date = m_context.today();
    if (!Edits(m_context).answerFollowUp(answer))
        return;
    m_context.announce(
        tr("Recorded: %1 — Ctrl+Z to undo").arg(reactionStateLabel(state, m_context.rules())));
}

QString TodayPage::whatNowHtml(const DayGuide& guide, const QLocale& locale) const {
    const RuleBook& rules = m_context.rules();
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QStringList due;
    for (const DueSession& d : guide.due) {
        const QString answer =
            mark(d.level) + u' ' +
            describeReadiness(d.readiness, guide.date, rules, locale, d.occurrence.needle);
        due << QStringLiteral("<b>%1</b> — %2")
                   .arg(esc(occurrenceTitle(d.occurrence, rules)), esc(answer));
    }
    QString html;
    if (!due.isEmpty()) {
        html += QStringLiteral("<b>%1</b>").arg(esc(tr("Due today"))) + listHtml(due);
    } else {
        html += esc(tr("Nothing planned today."));
        if (guide.next)
            html += u' ' + esc(tr("Next: %1 on %2.")
                                   .arg(occurrenceTitle(*guide.next, rules),
                                        readinessDate(guide.next->date, guide.date, locale)));
    }
    // An area a reaction holds says so first, with what to do (see a doctor).
    QStringList onHold;
    for (const AreaDay& a : guide.areas)
        if (const QString text = reactionHoldText(a.readiness, guide.date, rules, locale);
            !text.isEmpty()) {
            const Area* area = rules.area(a.area);
            onHold << QStringLiteral("✖ <b>%1:</b> %2")
                          .arg(esc(area ? area->name : a.area), esc(text));
        }
    if (!onHold.isEmpty())
        html += QStringLiteral("<p style=\"margin-top:6px\"><b>%1</b>%2</p>")
                    .arg(esc(tr("On hold")), listHtml(onHold));
    QStringList aftercare;
    for (const AreaLine& line : aftercareLines(guide.aftercare, guide.date, rules, locale))
        aftercare << QStringLiteral("<b>%1:</b> %2").arg(esc(line.area), esc(line.text));
    if (!aftercare.isEmpty())
        html += QStringLiteral("<p style=\"margin-top:6px\"><b>%1</b>%2</p>")
                    .arg(esc(tr("Aftercare today")), listHtml(aftercare));
    QStringList devices;
    for (const DeviceStatus& d : guide.devices)
        devices << esc(QStringLiteral("%1 “%2”: %3")
                           .arg(d.level == DeviceStatus::Level::ReplaceNow ? QStringLiteral("✖")
                                                                           : QStringLiteral("⚠"),
                                d.state.device.name, deviceStatusText(d, locale)));
    if (!devices.isEmpty())
        html += QStringLiteral("<p style=\"margin-top:6px\"><b>%1</b>%2</p>")
                    .arg(esc(tr("Devices")), listHtml(devices));
    return html;
}

} // namespace dermaplan::ui
