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
        hide();
    });
    connect(dismiss, &QPushButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(today, 0, Qt::AlignTop);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    hide();
}

void ReminderBanner::showReminders(const QList<Reminder>& reminders) {
    if (reminders.isEmpty())
        return;
    QStringList lines;
    for (const Reminder& r : reminders)
        lines << QStringLiteral("<b>%1</b> — %2")
                     .arg(r.title.toHtmlEscaped(), r.text.toHtmlEscaped());
    m_text->setText(lines.join(QStringLiteral("<br>")));
    show();
}

QString ReminderBanner::text() const {
    return m_text->text();
}

} // namespace dermaplan::ui
