#pragma once

#include "Result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QSqlError;
class QTemporaryDir;

namespace dermaplan {

// One numbered schema step. An upgrade applies every step it needs, each with its version bump,
// in one transaction that holds the write lock from the moment the version is read.
struct Migration {
    int version = 0; // the user_version after this step
    QString name;
    QStringList statements;
    // A query that returns 1 when the step's work is already in the file (an earlier version of
    // Dermaplan could leave the version behind its tables when two programs upgraded at once):
    // the step then only bumps the version. Empty for steps that may simply run again.
    QString alreadyDone = {};
};

// The SQLite file that holds the history. Opening never writes to a file it has not checked:
// a directory, a file that is not a database, a damaged one or one with a newer schema is
// refused with a message that names the file and points to the newest backup.
class Database {
public:
    static constexpr int currentSchemaVersion = 7;

    [[nodiscard]] static const QList<Migration>& migrations();

    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path, QDate today);
    // With another list of migrations (tests); the schema version is that of the last step.
    [[nodiscard]] static Result<std::unique_ptr<Database>> open(const QString& path, QDate today,
                                                                const QList<Migration>& migrations);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] const QString& path() const { return m_path; }
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    // The day backups are named after: the clock given to useClock, else the day it was opened.
    [[nodiscard]] QDate today() const { return m_clock ? m_clock() : m_today; }
    // Reads "today" from `clock` at each write from now on (an app left open for days takes its
    // daily backup each day).
    void useClock(std::function<QDate()> clock) { m_clock = std::move(clock); }

    // SQLite's integrity check and the schema version.
    [[nodiscard]] Status checkIntegrity() const;
    // A random id made when the database was created (or upgraded to schema 2); it travels with
    // the file and its backups.
    [[nodiscard]] QString databaseUuid() const;
    // Changes whenever another connection commits (PRAGMA data_version).
    [[nodiscard]] qint64 dataVersion() const;

    // Runs `work` in one transaction, after the daily backup; rolls back on any failure. Called
    // from inside `work`, it joins the running transaction.
    [[nodiscard]] Status write(const std::function<Status(QSqlDatabase&)>& work);

    // A consistent, checked copy (backups::writeCopy), mode 0600; never overwrites a file.
    [[nodiscard]] Status backupTo(const QString& file) const;
    [[nodiscard]] QString backupDir() const;
    // Backups beside this database, newest first.
    [[nodiscard]] QStringList backups() const;
    [[nodiscard]] static QString backupDirFor(const QString& dbPath);
    [[nodiscard]] static QStringList backupsFor(const QString& dbPath);

    // Replaces the history at `dbPath` with `backupFile`'s (see backups::restore).
    [[nodiscard]] static Status restore(const QString& dbPath, const QString& backupFile,
                                        QDate today);

    // Refuses an output file (an export, a PDF, a calendar) that is the database at `dbPath`, its
    // -wal or -shm, or anything in its backups folder: an export must never replace history.
    [[nodiscard]] static Status refuseOwnFiles(const QString& output, const QString& dbPath);

    // An SQL failure as a readable Error naming the file.
    [[nodiscard]] Error sqlError(const QSqlError& error, const QString& doing) const;

private:
    Database(QString path, QString connectionName, bool readOnly, QDate today);
    [[nodiscard]] Status ensureDailyBackup();
    [[nodiscard]] Status applyMigrations(const QList<Migration>& migrations);
    [[nodiscard]] Status backUpBeforeMigration(int fromVersion) const;
    [[nodiscard]] Status backupTo(const QSqlDatabase& from, const QString& file) const;

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    QDate m_today;
    std::function<QDate()> m_clock;
    int m_schemaVersion = 0;
    QDate m_backupCheckedFor;
    int m_writeDepth = 0;
    // SQLite said "damaged" while reading or writing: the file is not remembered as checked.
    mutable bool m_damageSeen = false;
    // The file opened (device and inode; VerifiedFiles): only it is remembered as checked.
    QByteArray m_identity;
    // On read-only media with a log: the private copy read instead of the file.
    std::unique_ptr<QTemporaryDir> m_privateCopy;
};

} // namespace dermaplan
