#include "Database.h"

#include "Backups.h"
#include "DatabaseInspection.h"
#include "SqliteStatement.h"
#include "SystemError.h"
#include "VerifiedFiles.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace dermaplan {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// Every permission bit of the owner, the group and others (QFile::permissions adds the user's
// own, ReadUser and so on, which a comparison must leave out).
constexpr QFileDevice::Permissions kAnyone =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

QString uniqueConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("dermaplan-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString newestBackupHint(const QString& dbPath) {
    const QStringList list = Database::backupsFor(dbPath);
    return list.isEmpty()
               ? QStringLiteral(" No backup was found in %1.").arg(Database::backupDirFor(dbPath))
               : QStringLiteral(" The newest backup is %1.").arg(list.constFirst());
}

enum class Access { ReadWrite, ReadOnly, Immutable };

// Opens a connection. The caller removes it. Immutable: read-only media, where SQLite may not
// even create its -wal and -shm files.
QSqlDatabase connect(const QString& name, const QString& path, Access access) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(access == Access::Immutable ? immutableUri(path) : path);
    switch (access) {
    case Access::ReadWrite:
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        break;
    case Access::ReadOnly:
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        break;
    case Access::Immutable:
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
        break;
    }
    db.open();
    return db;
}

// Runs a statement that takes a lock SQLite does not wait for by itself, retrying while the
// database is busy, for up to the busy timeout.
bool execPatiently(QSqlQuery& q, const QString& sql) {
    QDeadlineTimer deadline(5000);
    while (!q.exec(sql)) {
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || deadline.hasExpired())
            return false;
        QThread::msleep(10);
    }
    return true;
}

} // namespace

Database::Database(QString path, QString connectionName, bool readOnly, QDate today)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_readOnly(readOnly)
    , m_today(today) {}

Database::~Database() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    // The last connection to close folds the log in and removes it: the file is then whole and
    // every page of it was checked or written by SQLite since, so the next open need not read
    // them all. With a log left (another program still has it open), that program remembers it.
    // Only the file this object opened: one put in its place meanwhile (a sync tool renaming a
    // copy over it) was never checked.
    if (!m_damageSeen && !QFileInfo::exists(m_path + QStringLiteral("-wal")) &&
        verified::identity(m_path) == m_identity)
        verified::remember(m_path);
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, QDate today) {
    return open(path, today, migrations());
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, QDate today,
                                                 const QList<Migration>& steps) {
    const int known = steps.isEmpty() ? 0 : steps.constLast().version;
    const QFileInfo info(path);
    const auto refuse = [&](const QString& problem) {
        return Error::inFile(
            path, QStringLiteral("the database %1.%2").arg(problem, newestBackupHint(path)));
    };
    if (info.exists() && info.isDir())
        return refuse(QStringLiteral("is a directory, not a database file"));
    if (info.exists() && !info.isFile())
        return refuse(QStringLiteral("is not a regular file"));
    // Every check of an existing file happens before a writable connection exists: a refused
    // file, its -wal and its -shm stay byte-identical.
    int userVersion = 0;
    // An empty file is new, unless a log beside it says otherwise (SQLite would fold the log
    // in, or drop it): that one is inspected too.
    if (info.exists() && (info.size() > 0 || QFileInfo(path + QStringLiteral("-wal")).size() > 0)) {
        // Reading every page costs what the history weighs: done only when the file may have
        // changed since the last check (VerifiedFiles), and whenever a log is beside it.
        const bool unchanged =
            !QFileInfo::exists(path + QStringLiteral("-wal")) && verified::isUnchanged(path);
        const auto inspection =
            inspectDatabaseFile(path, known, unchanged ? Pages::Skip : Pages::Check);
        if (!inspection) {
            verified::forget(path);
            return refuse(inspection.error().message);
        }
        userVersion = inspection->userVersion;
    }
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error::inFile(
                path, QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        // Owner-only from its first byte. Another program starting at the same moment may have
        // created it first: that file is as new as ours would be.
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
        else if (errno != EEXIST)
            return Error::inFile(
                path, QStringLiteral("cannot create the database: %1").arg(systemErrorText(errno)));
    }

    // A folder the user cannot write (a backup disk, a mounted image) has no room for SQLite's
    // -wal and -shm: read it as immutable. A read-only file in a writable folder: read-only.
    const Access access = !ownerMayWrite(info.absolutePath()) ? Access::Immutable
                          : !ownerMayWrite(path)              ? Access::ReadOnly
                                                              : Access::ReadWrite;
    const bool readOnly = access != Access::ReadWrite;
    // A file adopted as the database (an empty one the user made, a copy from elsewhere) holds
    // the history from now on: owner-only, like every file Dermaplan writes. SQLite gives its
    // -wal and -shm the database's mode.
    if (!readOnly && (QFile::permissions(path) & kAnyone) != kOwnerOnly &&
        !QFile::setPermissions(path, kOwnerOnly))
        return refuse(QStringLiteral("cannot be made private (owner-only)"));
    if (!readOnly)
        backups::removeAbandonedRestores(path);
    const QString name = uniqueConnectionName();
    std::unique_ptr<Database> database(new Database(path, name, readOnly, today));
    database->m_identity = verified::identity(path);
    // Read-only media with a log beside the file: an immutable read would skip the sessions
    // committed only in the log, and a read-only one needs an index file SQLite cannot create
    // there. A private copy of both is read instead, whole.
    QString connectTo = path;
    Access connectAs = access;
    if (access == Access::Immutable && QFileInfo(path + QStringLiteral("-wal")).size() > 0) {
        auto copy = std::make_unique<QTemporaryDir>();
        const QString file = copy->filePath(QStringLiteral("history.sqlite"));
        if (!copy->isValid() || !QFile::copy(path, file) ||
            !QFile::copy(path + QStringLiteral("-wal"), file + QStringLiteral("-wal")))
            return refuse(
                QStringLiteral("cannot be read whole here: part of the history is in its log "
                               "(%1-wal), which on read-only media can only be read from a copy, "
                               "and there is no room for one in %2; free some space there, or "
                               "open the file where it can be written")
                    .arg(info.fileName(), QDir::toNativeSeparators(QDir::tempPath())));
        database->m_privateCopy = std::move(copy);
        connectTo = file;
        connectAs = Access::ReadOnly;
    }
    QSqlDatabase db = connect(name, connectTo, connectAs);
    if (!db.isOpen())
        return refuse(QStringLiteral("cannot be opened (%1)").arg(db.lastError().text()));
    database->m_schemaVersion = userVersion;

    QSqlQuery q(db);
    if (!readOnly) {
        // WAL lets the app and the CLI read while the other writes; FULL syncs every commit.
        // Switching to WAL needs the file to itself for a moment, and SQLite does not wait for
        // that (no busy handler on that lock): several programs opening a new file together
        // each retry for up to the busy timeout.
        if (!execPatiently(q, QStringLiteral("PRAGMA journal_mode=WAL")))
            return database->sqlError(q.lastError(), QStringLiteral("switching to WAL"));
        if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")))
            return database->sqlError(q.lastError(), QStringLiteral("PRAGMA synchronous=FULL"));
    }
    for (const QString& pragma :
         {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")})
        if (!q.exec(pragma))
            return database->sqlError(q.lastError(), pragma);
    q.finish();

    // The version read before a connection existed only says whether to try: another program
    // may be upgrading at this moment. applyMigrations reads it again under the write lock.
    if (userVersion < known) {
        if (readOnly)
            return Error::inFile(
                path,
                QStringLiteral("the database is read-only and needs upgrading to schema %1 first")
                    .arg(known));
        if (auto migrated = database->applyMigrations(steps); !migrated)
            return migrated.error();
    }
    return database;
}

Status Database::backUpBeforeMigration(int fromVersion) const {
    if (auto folder = backups::makeFolder(backupDir()); !folder)
        return folder;
    const QString file = backups::unusedName(
        backupDir(),
        QStringLiteral("dermaplan-before-migration-v%1-%2")
            .arg(fromVersion)
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    // A connection of its own: this one holds the write lock in an open transaction, where
    // SQLite runs no VACUUM INTO. It reads the last commit, which the lock keeps as it is.
    const QString name = uniqueConnectionName();
    Status copied = success();
    {
        QSqlDatabase reader = connect(name, m_path, Access::ReadOnly);
        copied = reader.isOpen() ? backupTo(reader, file)
                                 : Error::inFile(m_path, reader.lastError().text());
        reader.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!copied)
        return Error::inFile(
            m_path,
            QStringLiteral("no backup could be taken before upgrading, so nothing was changed: %1")
                .arg(copied.error().message));
    return success();
}

// Every step the file needs, with its version bump, in one transaction that took the write lock
// before reading the version: any number of programs opening the file at once upgrade it once,
// and the others find it done. A copy is taken first (one per upgrade, by the program that does
// it), and a failed step leaves the file as it was.
Status Database::applyMigrations(const QList<Migration>& steps) {
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!execPatiently(q, QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(q.lastError(), QStringLiteral("starting the upgrade"));
    const auto rollBack = [&](const Error& error) {
        q.finish();
        db.rollback();
        return error;
    };
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return rollBack(sqlError(q.lastError(), QStringLiteral("reading the schema version")));
    const int found = q.value(0).toInt();
    q.finish();
    const int known = steps.isEmpty() ? 0 : steps.constLast().version;
    if (found > known)
        return rollBack(Error::inFile(
            m_path, QStringLiteral("the database was written by a newer version of Dermaplan "
                                   "(schema %1; this version knows up to %2)")
                        .arg(found)
                        .arg(known)));
    if (found < known && found > 0) // a new, empty file has nothing to lose
        if (auto copied = backUpBeforeMigration(found); !copied)
            return rollBack(copied.error());
    for (const Migration& step : steps) {
        if (step.version <= found)
            continue;
        QString failure;
        bool done = false;
        if (!step.alreadyDone.isEmpty()) {
            if (q.exec(step.alreadyDone) && q.next())
                done = q.value(0).toInt() > 0;
            else
                failure = q.lastError().databaseText();
            q.finish();
        }
        if (!done && failure.isEmpty())
            for (const QString& sql : step.statements)
                if (!q.exec(sql)) {
                    failure = q.lastError().databaseText();
                    break;
                }
        // PRAGMA takes no bound parameters; the version is our own integer.
        if (failure.isEmpty() &&
            !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            failure = q.lastError().databaseText();
        if (!failure.isEmpty())
            return rollBack(Error::inFile(
                m_path, QStringLiteral("upgrading the database to schema %1 (%2) failed, so "
                                       "nothing was changed: %3")
                            .arg(step.version)
                            .arg(step.name, failure)));
    }
    q.finish();
    if (!db.commit()) {
        const Error e = sqlError(db.lastError(), QStringLiteral("saving the upgrade"));
        db.rollback();
        return e;
    }
    m_schemaVersion = std::max(found, known);
    return success();
}

Status Database::checkIntegrity() const {
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(q.lastError(), QStringLiteral("checking integrity"));
    QStringList problems;
    while (q.next())
        if (q.value(0).toString() != u"ok")
            problems << q.value(0).toString();
    if (!problems.isEmpty()) {
        // Found damaged: the next open checks every page again.
        m_damageSeen = true;
        verified::forget(m_path);
        return Error::inFile(m_path, QStringLiteral("the database is damaged: %1.%2")
                                         .arg(problems.mid(0, 5).join(QStringLiteral("; ")),
                                              newestBackupHint(m_path)));
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("reading the schema version"));
    if (q.value(0).toInt() != currentSchemaVersion)
        return Error::inFile(m_path, QStringLiteral("the schema version is %1, expected %2")
                                         .arg(q.value(0).toInt())
                                         .arg(currentSchemaVersion));
    return success();
}

QString Database::databaseUuid() const {
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QStringLiteral("database_uuid"));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

qint64 Database::dataVersion() const {
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("PRAGMA data_version")) && q.next() ? q.value(0).toLongLong() : -1;
}

Error Database::sqlError(const QSqlError& error, const QString& doing) const {
    const QString code = error.nativeErrorCode();
    // SQLite primary result codes (the low byte of extended ones): 5 busy, 6 locked,
    // 8 read-only, 10 I/O error, 11 damaged, 13 full.
    int primary = code.toInt() & 0xff;
    // Qt reports a failed COMMIT without SQLite's code: read SQLite's fixed wording instead.
    if (code.isEmpty()) {
        const QString text = error.databaseText() + u' ' + error.driverText();
        if (text.contains(QStringLiteral("database or disk is full")))
            primary = 13;
        else if (text.contains(QStringLiteral("disk I/O error")))
            primary = 10;
        else if (text.contains(QStringLiteral("database is locked")))
            primary = 5;
        else if (text.contains(QStringLiteral("readonly database")))
            primary = 8;
    }
    // SQLite says "I/O error" for many a failed write whose real cause the system gave: a full
    // disk shows as an I/O error while switching to WAL or growing the index file.
    int systemError = 0;
    if (primary == 10 || primary == 13)
        if (sqlite3* handle = sqliteHandleOf(connection()))
            systemError = sqlite3_system_errno(handle);
    if (systemError == ENOSPC || systemError == EDQUOT)
        primary = 13;
    if (primary == 10 || primary == 11 || primary == 26) {
        // I/O error, damaged, not a database: the next open reads every page again.
        m_damageSeen = true;
        verified::forget(m_path);
    }
    QString message;
    if (primary == 5)
        message =
            QStringLiteral("the database is busy: another program is writing to it; try again");
    else if (primary == 6)
        message = QStringLiteral("the database is locked by another connection; try again");
    else if (primary == 8)
        message = QStringLiteral("cannot write: the database file is read-only");
    else if (primary == 10)
        message = QStringLiteral("%1 failed: the disk reported an input/output error%2; nothing "
                                 "was saved")
                      .arg(doing, systemError && systemError != EIO
                                      ? QStringLiteral(" (%1)").arg(systemErrorText(systemError))
                                      : QString());
    else if (primary == 11)
        message = QStringLiteral("%1 failed: the database is damaged; restore a backup").arg(doing);
    else if (primary == 13)
        message = QStringLiteral("cannot write: the disk is full (no space left on device); "
                                 "nothing was saved");
    else
        message = QStringLiteral("%1 failed: %2").arg(doing, error.text());
    return Error::inFile(m_path, message);
}

Status Database::write(const std::function<Status(QSqlDatabase&)>& work) {
    if (m_readOnly)
        return Error::inFile(m_path,
                             QStringLiteral("cannot write: the database file is read-only"));
    QSqlDatabase db = connection();
    // A write inside a write joins the outer transaction: an import stores devices, regimens
    // and sessions all or nothing.
    if (m_writeDepth > 0)
        return work(db);
    if (auto backup = ensureDailyBackup(); !backup)
        return backup;
    // IMMEDIATE: the write lock is taken before `work` reads, so a check and the write it
    // allows see the same history; a second program waits (busy timeout) instead of both
    // passing the same check.
    {
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return sqlError(begin.lastError(), QStringLiteral("starting a transaction"));
    }
    ++m_writeDepth;
    Status result = work(db);
    --m_writeDepth;
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const Error e = sqlError(db.lastError(), QStringLiteral("saving"));
        db.rollback();
        return e;
    }
    return success();
}

QString Database::backupDirFor(const QString& dbPath) {
    return backups::folderFor(dbPath);
}

QString Database::backupDir() const {
    return backupDirFor(m_path);
}

QStringList Database::backupsFor(const QString& dbPath) {
    return backups::listFor(dbPath);
}

QStringList Database::backups() const {
    return backupsFor(m_path);
}

Status Database::backupTo(const QString& file) const {
    return backupTo(connection(), file);
}

Status Database::backupTo(const QSqlDatabase& from, const QString& file) const {
    return backups::writeCopy(from, file);
}

// Once a day, before the first write: a copy in backups/, keeping the newest 7 daily copies and
// the newest of each of the last 12 months. Only files with the daily naming pattern are ever
// deleted; before-restore and before-migration copies are never rotated away.
Status Database::ensureDailyBackup() {
    const QDate day = today();
    if (m_backupCheckedFor == day)
        return success();
    const QString dirPath = backupDir();
    const QString todays = dirPath + u'/' + backups::dailyName(day);
    if (!QFileInfo::exists(todays)) {
        QSqlQuery q(connection());
        const bool hasData =
            q.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM sessions) OR EXISTS(SELECT 1 FROM "
                                  "regimens) OR EXISTS(SELECT 1 FROM devices)")) &&
            q.next() && q.value(0).toBool();
        q.finish();
        if (hasData) {
            if (auto folder = backups::makeFolder(dirPath); !folder)
                return folder;
            // Another program may have taken today's backup at the same moment: that will do.
            if (auto done = backupTo(todays); !done && !QFileInfo::exists(todays))
                return Error::inFile(
                    m_path, QStringLiteral("the daily backup failed, so nothing was written: %1")
                                .arg(done.error().message));
            // Only once a new backup is safely in place may an old one go.
            backups::rotate(dirPath, day);
        }
    }
    m_backupCheckedFor = day;
    return success();
}

namespace {

// The path as the file system resolves it (symbolic links followed), for a file that may not
// exist yet.
QString resolved(const QString& path) {
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : folder + u'/' + info.fileName();
}

} // namespace

Status Database::refuseOwnFiles(const QString& output, const QString& dbPath) {
    const QString target = resolved(output);
    const QString db = resolved(dbPath);
    const QString backups = resolved(backupDirFor(dbPath));
    for (const QString& own : {db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"),
                               db + QStringLiteral("-journal")})
        if (target == own)
            return Error::inFile(
                output, QStringLiteral("would overwrite the database; choose another file"));
    if (target.startsWith(backups + u'/'))
        return Error::inFile(output,
                             QStringLiteral("is in the backups folder; choose another place"));
    return success();
}

Status Database::restore(const QString& dbPath, const QString& backupFile, QDate today) {
    return backups::restore(dbPath, backupFile, today);
}

} // namespace dermaplan
