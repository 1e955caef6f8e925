#include "Messages.h"

#include <QMessageBox>
#include <QPushButton>

namespace dermaplan::ui {

namespace {

MessageAnswers* s_answers = nullptr;

QMessageBox::Icon iconOf(MessageLevel level) {
    switch (level) {
    case MessageLevel::Information:
        return QMessageBox::Information;
    case MessageLevel::Warning:
        return QMessageBox::Warning;
    case MessageLevel::Critical:
        return QMessageBox::Critical;
    }
    return QMessageBox::NoIcon;
}

} // namespace

MessageAnswers::MessageAnswers(QStringList answers)
    : m_answers(std::move(answers))
    , m_previous(s_answers) {
    s_answers = this;
}

MessageAnswers::~MessageAnswers() {
    s_answers = m_previous;
}

MessageAnswers* MessageAnswers::active() {
    return s_answers;
}

QString MessageAnswers::take(const Shown& question, const QStringList& buttons,
                             const QString& cancel) {
    m_shown << question;
    if (m_answers.isEmpty())
        return {};
    const QString answer = m_answers.takeFirst();
    bool known = answer == cancel;
    for (const QString& b : buttons)
        known = known || QString(b).remove(u'&') == answer;
    if (!known)
        m_unmatched << answer;
    return answer;
}

void showMessage(QWidget* parent, MessageLevel level, const QString& title, const QString& text) {
    if (MessageAnswers* answers = MessageAnswers::active()) {
        answers->record({level, title, text});
        return;
    }
    QMessageBox box(iconOf(level), title, text, QMessageBox::Ok, parent);
    box.exec();
}

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& action) {
    if (MessageAnswers* answers = MessageAnswers::active())
        return answers->take({MessageLevel::Warning, title, text}, {action},
                             QStringLiteral("Cancel")) == QString(action).remove(u'&');
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton* yes = box.addButton(action, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == yes;
}

int chooseAction(QWidget* parent, MessageLevel level, const QString& title, const QString& text,
                 const QStringList& actions, int preferred) {
    if (MessageAnswers* answers = MessageAnswers::active()) {
        const QString answer =
            answers->take({level, title, text}, actions, QStringLiteral("Close"));
        for (qsizetype i = 0; i < actions.size(); ++i)
            if (QString(actions[i]).remove(u'&') == answer)
                return int(i);
        return -1;
    }
    QMessageBox box(iconOf(level), title, text, QMessageBox::NoButton, parent);
    QList<QPushButton*> buttons;
    for (qsizetype i = 0; i < actions.size(); ++i)
        buttons << box.addButton(actions[i], i == preferred ? QMessageBox::AcceptRole
                                                            : QMessageBox::ActionRole);
    box.addButton(QMessageBox::Close);
    if (preferred >= 0 && preferred < buttons.size())
        box.setDefaultButton(buttons[preferred]);
    box.exec();
    return int(buttons.indexOf(static_cast<QPushButton*>(box.clickedButton())));
}

} // namespace dermaplan::ui
