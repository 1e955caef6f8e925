#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace dermaplan::ui {

// Every box the app shows with a message goes through these functions: the safe default of each
// kind is decided once, and a test answers them (MessageAnswers) instead of hunting for a modal
// window.
enum class MessageLevel { Information, Warning, Critical };

// A notice with an OK button.
void showMessage(QWidget* parent, MessageLevel level, const QString& title, const QString& text);

// Asks before an action that takes something out of use ("Retire", "Remove"): the button says
// the action, Cancel is the default (Enter never removes by accident). True when it was chosen.
[[nodiscard]] bool confirm(QWidget* parent, const QString& title, const QString& text,
                           const QString& action);

// Offers `actions` (button texts; `preferred` is the default) and Close: the index of the action
// chosen, or -1 for Close.
[[nodiscard]] int chooseAction(QWidget* parent, MessageLevel level, const QString& title,
                               const QString& text, const QStringList& actions, int preferred);

// For tests: while one exists, no box is shown. Each is recorded, and each question takes the
// next of `answers` (a button's text, without its '&'); with none left, it is cancelled.
class MessageAnswers {
public:
    struct Shown {
        MessageLevel level;
        QString title;
        QString text;
    };

    explicit MessageAnswers(QStringList answers = {});
    ~MessageAnswers();
    MessageAnswers(const MessageAnswers&) = delete;
    MessageAnswers& operator=(const MessageAnswers&) = delete;

    [[nodiscard]] const QList<Shown>& shown() const { return m_shown; }
    // The answers not yet taken.
    [[nodiscard]] const QStringList& unused() const { return m_answers; }
    // The answers that named no button of their box (a test's typo is not taken for Cancel).
    [[nodiscard]] const QStringList& unmatched() const { return m_unmatched; }

    // Called by the functions above.
    static MessageAnswers* active();
    // The next answer to `question`, whose buttons are `buttons` besides `cancel`; "" (cancel)
    // when none is left.
    QString take(const Shown& question, const QStringList& buttons, const QString& cancel);
    void record(const Shown& notice) { m_shown << notice; }

private:
    QStringList m_answers;
    QList<Shown> m_shown;
    QStringList m_unmatched;
    MessageAnswers* m_previous = nullptr;
};

} // namespace dermaplan::ui
