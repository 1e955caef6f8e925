#pragma once

#include "Result.h"
#include "logbook/Logbook.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <optional>

namespace dermaplan {
class LogbookFile;
}

namespace dermaplan::ui {

// What every page and dialog needs: the logbook (every answer and every write), the rules, and
// today from an injected clock, read at each use. It announces changes to the data — the app's
// own writes, another program's (the CLI on the same file) — and the passing of midnight, so an
// app left open overnight moves on with the date.
class AppContext final : public QObject {
    Q_OBJECT
public:
    AppContext(const RuleBook& rules, LogbookFile& file, TodayClock today,
               QObject* parent = nullptr);
    // A clock that stays on `today` (tests, screenshots).
    AppContext(const RuleBook& rules, LogbookFile& file, QDate today, QObject* parent = nullptr);

    [[nodiscard]] const RuleBook& rules() const { return m_rules; }
    [[nodiscard]] Logbook& logbook() { return m_logbook; }
    [[nodiscard]] const Logbook& logbook() const { return m_logbook; }
    // Where the logbook's file is (the window's status line and folder actions): pages ask the
    // logbook.
    [[nodiscard]] const LogbookFile& file() const { return m_file; }
    [[nodiscard]] QDate today() const { return m_logbook.today(); }
    // Refuses an export over the database or its backups (LogbookFile::refuseOwnFiles).
    [[nodiscard]] Status mayExportTo(const QString& path) const;

    // Polls for writes by other programs; emits dataChanged when there were some.
    void checkForOutsideChanges() { m_logbook.checkForOutsideChanges(); }
    // Looks at the clock: when the day has changed since the last look, emits dayChanged and
    // dataChanged (everything that shows a date recomputes). Called by a timer at local midnight.
    void checkDate();
    // A failed write or read the user must hear about (the window shows it as a dialog).
    void reportError(const Error& error) { emit errorOccurred(error.toString()); }
    // What a read gave, or nothing, its error reported: a record the user picked may have been
    // removed by another program since it was shown.
    template <typename T> [[nodiscard]] std::optional<T> reported(Result<T> result) {
        if (!result) {
            reportError(result.error());
            return std::nullopt;
        }
        return std::move(result).value();
    }
    // A short note for the status bar ("Deleted — Ctrl+Z to undo").
    void announce(const QString& message) { emit announced(message); }
    [[nodiscard]] QUndoStack& undoStack() { return m_undo; }

signals:
    void dataChanged();
    void dayChanged(QDate today);
    void errorOccurred(const QString& message);
    void announced(const QString& message);

private:
    void scheduleMidnight();

    const RuleBook& m_rules;
    LogbookFile& m_file;
    Logbook m_logbook;
    QDate m_shownDay;
    QTimer m_midnight;
    QUndoStack m_undo;
};

} // namespace dermaplan::ui
