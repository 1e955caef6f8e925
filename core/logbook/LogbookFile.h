#pragma once

#include "Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <memory>

namespace dermaplan {

class Database;

// The SQLite file a logbook lives in, as the faces see it: opened (created or upgraded), where
// it is, checked, backed up, restored. The faces hold this, never the Database: every answer and
// every change goes through a Logbook built over database(), whose type they never include.
class LogbookFile {
public:
    // Opens the file at `path`, creating or upgrading it; the error says why it cannot (damaged,
    // not a database, newer, locked...) and never comes after a write to a file not checked.
    [[nodiscard]] static Result<std::unique_ptr<LogbookFile>> open(const QString& path,
                                                                   QDate today);
    // A database already open (tests seed it directly).
    explicit LogbookFile(std::unique_ptr<Database> db);
    ~LogbookFile();
    LogbookFile(const LogbookFile&) = delete;
    LogbookFile& operator=(const LogbookFile&) = delete;

    // What a Logbook is built over.
    [[nodiscard]] Database& database() const { return *m_db; }
    [[nodiscard]] QString path() const;
    [[nodiscard]] QString folder() const;        // the folder the file is in
    [[nodiscard]] QString backupsFolder() const; // where its daily and monthly backups go
    // A random id made with the file; it travels with the file and its backups.
    [[nodiscard]] QString uuid() const;
    [[nodiscard]] int schemaVersion() const;
    // SQLite's integrity check.
    [[nodiscard]] Status checkIntegrity() const;
    // A consistent, checked copy, readable by the user alone; never overwrites a file.
    [[nodiscard]] Status backupTo(const QString& file) const;
    // Refuses an output (an export, a PDF, a calendar) that is this file, its -wal or -shm, or
    // anything in its backups folder: an export must never replace history.
    [[nodiscard]] Status refuseOwnFiles(const QString& output) const;

    // Before a file is opened (recovery, the CLI's restore), by its path:
    [[nodiscard]] static QStringList backupsOf(const QString& path); // newest first
    [[nodiscard]] static QString backupsFolderOf(const QString& path);
    // Replaces the history at `path` with `backup`'s (the file there is kept as a before-restore
    // backup first).
    [[nodiscard]] static Status restore(const QString& path, const QString& backup, QDate today);
    [[nodiscard]] static Status refuseOwnFiles(const QString& output, const QString& path);

    // The default file for both faces (in the user's data folder), the old folder's moved there
    // first if there is one: `notice` says what happened, in words for a person (empty when
    // nothing did); a failed move keeps the old path, and says why.
    struct Default {
        QString path;
        QString notice;
        bool failed = false;
    };
    [[nodiscard]] static Default prepareDefault(QDate today);
    [[nodiscard]] static QString defaultPath();

private:
    std::unique_ptr<Database> m_db;
};

} // namespace dermaplan
