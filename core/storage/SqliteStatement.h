#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace dermaplan {

// The SQLite connection under a Qt one (Qt's documented QSqlDriver::handle()), or null.
[[nodiscard]] sqlite3* sqliteHandleOf(const QSqlDatabase& db);

// One statement prepared on a Qt connection's SQLite handle, for the loops that run it or read
// its rows 100,000 times (an import, an export, a window of sessions): bound straight from
// QString's UTF-16 and read straight from SQLite's UTF-8, without the QVariant per value and the
// UTF-16 copy of every row Qt's SQL layer adds. Everything else uses QSqlQuery.
class SqliteStatement {
public:
    SqliteStatement(const QSqlDatabase& db, const QString& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&&) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    // 1-based, as SQLite counts; the text is copied.
    void bind(int index, const QString& text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    template <typename T> void bind(int index, const std::optional<T>& value) {
        value ? bind(index, qint64(*value)) : bindNull(index);
    }
    // Text, or a whole number; anything else is a bug in the caller.
    void bind(int index, const QVariant& value);

    // Runs it once and makes it ready for the next bindings.
    [[nodiscard]] bool run();
    // Steps a query: true with a row to read; false at its end or on a failure (lastError()
    // says which), after which it is ready for the next bindings.
    [[nodiscard]] bool next();
    // The current row's columns, counted from 0 as SQLite counts them.
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 lastInsertId() const;
    // The last failure as Qt reports SQLite's (its code in nativeErrorCode()).
    [[nodiscard]] QSqlError lastError() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    void noteFailure();

    int m_failure = 0;
    QString m_message;
};

} // namespace dermaplan
