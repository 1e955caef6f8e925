#include "FollowUpPrompt.h"

#include "logbook/DayGuide.h"
#include "logbook/FollowUpText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace dermaplan::ui {

FollowUpPrompt::FollowUpPrompt(const RuleBook& rules, QWidget* parent)
    : QGroupBox(tr("How is your skin?"), parent)
    , m_rules(rules) {
    m_layout = new QVBoxLayout(this);
    setAccessibleName(tr("Follow-up questions"));
    hide();
}

QStringList FollowUpPrompt::questions() const {
    return m_questions;
}

void FollowUpPrompt::setQuestions(const QList<DueFollowUp>& due, QDate today) {
    // The old rows go later: this may run inside one of their buttons' clicked().
    if (m_rows) {
        m_rows->hide();
        m_rows->deleteLater();
    }
    m_rows = new QWidget(this);
    m_layout->addWidget(m_rows);
    m_questions.clear();
    auto* rows = new QVBoxLayout(m_rows);
    rows->setContentsMargins(0, 0, 0, 0);
    const QLocale locale;
    for (const DueFollowUp& d : due) {
        const QString question = tr("%1 — %2", "a follow-up's session, then its question")
                                     .arg(followUpSubject(d, today, m_rules, locale),
                                          followUpQuestion(d, today, m_rules, locale));
        m_questions << question;
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(question.toHtmlEscaped()), m_rows);
        label->setWordWrap(true);
        rows->addWidget(label);
        if (const QString advice = followUpAdvice(d, today, m_rules); !advice.isEmpty()) {
            auto* note = new QLabel(advice, m_rows);
            note->setWordWrap(true);
            rows->addWidget(note);
        }
        auto* buttons = new QHBoxLayout;
        for (const QString& id : d.states) {
            const ReactionState* state = m_rules.followUp().state(id);
            auto* button = new QPushButton(state ? state->label : id, m_rows);
            if (state && !state->hint.isEmpty())
                button->setToolTip(state->hint);
            button->setAccessibleDescription(question);
            connect(button, &QPushButton::clicked, this,
                    [this, session = d.session.id, id] { emit answered(session, id); });
            buttons->addWidget(button);
        }
        buttons->addStretch(); // buttons keep their size, on the left
        rows->addLayout(buttons);
    }
    setVisible(!due.isEmpty());
}

} // namespace dermaplan::ui
