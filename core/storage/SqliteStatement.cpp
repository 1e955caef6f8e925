#include "SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <utility>

namespace dermaplan {

sqlite3* sqliteHandleOf(const QSqlDatabase& db) {
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase& db, const QString& sql)
    : m_db(sqliteHandleOf(db)) {
    if (!m_db) {
        m_failure = SQLITE_MISUSE;
        return;
    }
    m_failure = sqlite3_prepare16_v3(m_db, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                     SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    noteFailure();
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_failure(std::exchange(other.m_failure, SQLITE_MISUSE))
    , m_message(std::move(other.m_message)) {}

void SqliteStatement::noteFailure() {
    // Kept now: the connection's message is the last statement's, which may be another's later.
    m_message = m_failure == SQLITE_OK
                    ? QString()
                    : QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(m_failure));
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, const QString& text) {
    // A null QString is SQL NULL in Qt; the text columns hold "" instead (sql::notNull).
    // Bound as UTF-8, the database's encoding: Qt's converter is much faster than SQLite's,
    // which an import of a large file would otherwise run on every text it stores.
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bind(int index, const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::QString:
        bind(index, value.toString());
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
        bind(index, value.toLongLong());
        return;
    default:
        Q_ASSERT_X(false, "SqliteStatement::bind", value.typeName());
        bindNull(index);
    }
}

bool SqliteStatement::next() {
    if (!m_statement)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    m_failure = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(m_db);
    noteFailure();
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return false;
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const {
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::text(int column) const {
    // The text first, then its length, as SQLite asks.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column)) : QString();
}

bool SqliteStatement::run() {
    if (!m_statement)
        return false;
    const int rc = sqlite3_step(m_statement);
    m_failure = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode(m_db);
    noteFailure();
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return m_failure == SQLITE_OK;
}

qint64 SqliteStatement::lastInsertId() const {
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

QSqlError SqliteStatement::lastError() const {
    if (m_failure == SQLITE_OK)
        return {};
    return QSqlError(m_message, m_message, QSqlError::StatementError, QString::number(m_failure));
}

} // namespace dermaplan
