#include "ReminderBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace dermaplan::ui {

ReminderBanner::ReminderBanner(QWidget* parent)
    : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    setForegroundRole(QPalette::ToolTipText);
    setAccessibleName(tr("Reminders"));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    auto* today = new QPushButton(tr("Show Today"), this);
    auto* dismiss = new QPushButton(tr("Dismiss"), this);
    connect(today, &QPushButton::clicked, this, [this] {
        emit showTodayRequested();
        m_shown.clear();
        hide();
    });
    connect(dismiss, &QPushButton::clicked, this, [this] {
        m_shown.clear(); // dismissed: the next reminders start a new list
        hide();
    });
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(today, 0, Qt::AlignTop);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    hide();
}

void ReminderBanner::showReminders(const QList<Reminder>& reminders) {
    if (reminders.isEmpty())
        return;
    // Added to what it shows: a reminder not answered yet stays when new ones come.
    for (const Reminder& r : reminders)
        if (!holdsReminder(m_shown, r.key))
            m_shown << r;
    render();
    show();
}

void ReminderBanner::keepOnly(const QList<Reminder>& current) {
    const qsizetype before = m_shown.size();
    keepCurrent(m_shown, current);
    if (m_shown.size() == before)
        return;
    render();
    if (m_shown.isEmpty())
        hide();
}

void ReminderBanner::render() {
    QStringList lines;
    for (const Reminder& r : std::as_const(m_shown))
        lines << QStringLiteral("<b>%1</b> — %2")
                     .arg(r.title.toHtmlEscaped(), r.text.toHtmlEscaped());
    m_text->setText(lines.join(QStringLiteral("<br>")));
}

QString ReminderBanner::text() const {
    return m_text->text();
}

} // namespace dermaplan::ui
