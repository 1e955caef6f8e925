#pragma once

#include "Result.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QObject>
#include <QUndoStack>

namespace dermaplan {
class Database;
}

namespace dermaplan::ui {

// What every page and dialog needs: the rules, the database, and today. It also announces
// changes to the data, so that pages refresh after a write — their own, or another program's
// (the CLI on the same file), noticed through SQLite's data_version.
class AppContext final : public QObject {
    Q_OBJECT
public:
    AppContext(const RuleBook& rules, Database& db, QDate today, QObject* parent = nullptr);

    [[nodiscard]] const RuleBook& rules() const { return m_rules; }
    [[nodiscard]] Database& database() const { return m_db; }
    [[nodiscard]] QDate today() const { return m_today; }

    // Call after every write made through the app.
    void notifyChanged();
    // Polls for writes by other programs; emits dataChanged when there were some.
    void checkForOutsideChanges();
    // A failed write or read the user must hear about (the window shows it as a dialog).
    void reportError(const Error& error) { emit errorOccurred(error.toString()); }

    [[nodiscard]] QUndoStack& undoStack() { return m_undo; }

signals:
    void dataChanged();
    void errorOccurred(const QString& message);

private:
    const RuleBook& m_rules;
    Database& m_db;
    QDate m_today;
    qint64 m_dataVersion = -1;
    QUndoStack m_undo;
};

} // namespace dermaplan::ui
