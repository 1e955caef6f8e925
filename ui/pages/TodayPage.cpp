#include "TodayPage.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"
#include "models/AreaStatusModel.h"
#include "planning/ScheduleText.h"
#include "planning/WeekPoster.h"
#include "rules/ReadinessText.h"
#include "widgets/FollowUpPrompt.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace dermaplan::ui {

namespace {

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

    m_model = new AreaStatusModel(context.rules(), this);
    m_areas = new QTableView(this);
    m_areas->setModel(m_model);
    m_areas->setAccessibleName(tr("Areas"));
    m_areas->setWordWrap(true);
    m_areas->setShowGrid(false);
    m_areas->setAlternatingRowColors(true);
    m_areas->setSelectionMode(QAbstractItemView::NoSelection);
    m_areas->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_areas->setFocusPolicy(Qt::NoFocus);
    m_areas->verticalHeader()->hide();
    // The rows are few: the table is as tall as they are, inside the page's own scrolling.
    m_areas->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_areas->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_areas->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_areas->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_areas->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // The wrapping status column takes what width there is; the others keep their words whole.
    QHeaderView* columns = m_areas->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(AreaStatusModel::NextColumn, QHeaderView::Stretch);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_areas, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit logSessionRequested(m_model->areaIdAt(index.row()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TodayPage::addLogButtons);
    // The areas first, under the Log button: what the day holds (questions, aftercare, devices)
    // comes after, so that however much it holds, the table stays in sight at 800x600.
    layout->addWidget(m_areas);
    m_now = new QLabel(this);
    m_now->setWordWrap(true);
    m_now->setTextFormat(Qt::RichText);
    m_now->setAccessibleName(tr("What now"));
    layout->addWidget(m_now);

    m_followUps = new FollowUpPrompt(context.rules(), this);
    connect(m_followUps, &FollowUpPrompt::answered, this, &TodayPage::answerFollowUp);
    layout->addWidget(m_followUps);

    m_empty = new QLabel(
        tr("No sessions or regimens yet. Log your first session, or plan a regimen."), this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
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
    const int row = m_model->rowOf(areaId);
    return row < 0 ? QString() : m_model->index(row, AreaStatusModel::NextColumn).data().toString();
}

void TodayPage::addLogButtons() {
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex at = m_model->index(row, AreaStatusModel::LogColumn);
        auto* log = new QPushButton(at.data().toString(), m_areas);
        connect(log, &QPushButton::clicked, this,
                [this, id = m_model->areaIdAt(row)] { emit logSessionRequested(id); });
        m_areas->setIndexWidget(at, log);
    }
}

QString TodayPage::whatNow() const {
    QTextDocument doc;
    doc.setHtml(m_now->text());
    return doc.toPlainText();
}

void TodayPage::refresh() {
    const QLocale locale;
    const QDate today = m_context.today();
    m_heading->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));
    const auto guide = m_context.logbook().dayGuide();
    if (!guide) {
        m_now->setText(guide.error().toString().toHtmlEscaped());
        m_model->setAreas({}, today);
        m_areas->hide(); // the error alone: not an empty table, not "no sessions yet"
        m_empty->hide();
        return;
    }
    m_now->setText(whatNowHtml(*guide, locale));
    m_followUps->setQuestions(guide->followUps, today);

    m_model->setAreas(guide->areas, today);
    m_areas->setVisible(!guide->areas.isEmpty());
    m_empty->setVisible(guide->areas.isEmpty());
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
            readinessMark(d.level) + u' ' +
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
            onHold << QStringLiteral("✖ <b>%1:</b> %2").arg(esc(rules.areaName(a.area)), esc(text));
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
