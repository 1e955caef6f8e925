#pragma once

#include <QGroupBox>

namespace dermaplan {
struct DueFollowUp;
class RuleBook;
} // namespace dermaplan

class QVBoxLayout;

namespace dermaplan::ui {

// "How is your skin?": the follow-up questions due today (Logbook::followUpsDue), each with a
// button per answer it offers, so that answering takes one click. Hidden when nothing is due.
class FollowUpPrompt final : public QGroupBox {
    Q_OBJECT
public:
    explicit FollowUpPrompt(const RuleBook& rules, QWidget* parent = nullptr);

    void setQuestions(const QList<DueFollowUp>& due, QDate today);
    // The questions as shown, one per line (for tests and accessibility).
    [[nodiscard]] QStringList questions() const;

signals:
    void answered(qint64 sessionId, const QString& state);

private:
    const RuleBook& m_rules;
    QVBoxLayout* m_layout = nullptr;
    QWidget* m_rows = nullptr;
    QStringList m_questions;
};

} // namespace dermaplan::ui
