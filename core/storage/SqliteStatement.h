#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace dermaplan {

// The SQLite connection under a Qt one (Qt's documented QSqlDriver::handle()), or null.
[[nodiscard]] sqlite3* sqliteHandleOf(const QSqlDatabase& db);

// One statement prepared on a Qt connection's SQLite handle, for the few loops that run it
// 100,000 times (an import): bound straight from QString's UTF-16, without the QVariant and
// name lookups Qt's SQL layer adds to every execution. Everything else uses QSqlQuery.
class SqliteStatement {
public:
    SqliteStatement(const QSqlDatabase& db, const QString& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    // 1-based, as SQLite counts; the text is copied.
    void bind(int index, const QString& text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    template <typename T> void bind(int index, const std::optional<T>& value) {
        value ? bind(index, qint64(*value)) : bindNull(index);
    }

    // Runs it once and makes it ready for the next bindings.
    [[nodiscard]] bool run();
    [[nodiscard]] qint64 lastInsertId() const;
    // The last failure as Qt reports SQLite's (its code in nativeErrorCode()).
    [[nodiscard]] QSqlError lastError() const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    int m_failure = 0;
};

} // namespace dermaplan
