#include "Database.h"

#include "Backups.h"
#include "DatabaseInspection.h"
#include "VerifiedFiles.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>

namespace dermaplan {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

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
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error::inFile(
                path, QStringLiteral("cannot create the database: %1").arg(file.errorString()));
        file.setPermissions(kOwnerOnly);
    }

    // A folder the user cannot write (a backup disk, a mounted image) has no room for SQLite's
    // -wal and -shm: read it as immutable. A read-only file in a writable folder: read-only.
    const Access access = !ownerMayWrite(info.absolutePath()) ? Access::Immutable
                          : !ownerMayWrite(path)              ? Access::ReadOnly
                                                              : Access::ReadWrite;
    const bool readOnly = access != Access::ReadWrite;
    const QString name = uniqueConnectionName();
    std::unique_ptr<Database> database(new Database(path, name, readOnly, today));
    database->m_identity = verified::identity(path);
    QSqlDatabase db = connect(name, path, access);
    if (!db.isOpen())
        return refuse(QStringLiteral("cannot be opened (%1)").arg(db.lastError().text()));
    database->m_schemaVersion = userVersion;

    QSqlQuery q(db);
    if (!readOnly) {
        // WAL lets the app and the CLI read while the other writes; FULL syncs every commit.
        for (const QString& pragma :
             {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL")})
            if (!q.exec(pragma))
                return database->sqlError(q.lastError(), pragma);
    }
    for (const QString& pragma :
         {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")})
        if (!q.exec(pragma))
            return database->sqlError(q.lastError(), pragma);
    q.finish();

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

Status Database::applyMigrations(const QList<Migration>& steps) {
    QSqlDatabase db = connection();
    bool backedUp = m_schemaVersion == 0; // a new, empty file has nothing to lose
    for (const Migration& step : steps) {
        if (step.version <= m_schemaVersion)
            continue;
        if (!backedUp) {
            if (auto folder = backups::makeFolder(backupDir()); !folder)
                return folder;
            const QString file = backups::unusedName(
                backupDir(),
                QStringLiteral("dermaplan-before-migration-v%1-%2")
                    .arg(m_schemaVersion)
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
            if (auto done = backupTo(file); !done)
                return Error::inFile(
                    m_path,
                    QStringLiteral(
                        "no backup could be taken before upgrading, so nothing was changed: %1")
                        .arg(done.error().message));
            backedUp = true;
        }
        if (!db.transaction())
            return sqlError(db.lastError(),
                            QStringLiteral("starting migration %1").arg(step.version));
        QSqlQuery q(db);
        QString failure;
        for (const QString& sql : step.statements)
            if (!q.exec(sql)) {
                failure = q.lastError().databaseText();
                break;
            }
        // PRAGMA takes no bound parameters; the version is our own integer.
        if (failure.isEmpty() &&
            !q.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            failure = q.lastError().databaseText();
        q.finish();
        if (!failure.isEmpty() || !db.commit()) {
            db.rollback();
            return Error::inFile(
                m_path,
                QStringLiteral(
                    "upgrading the database to schema %1 (%2) failed and was rolled back: %3")
                    .arg(step.version)
                    .arg(step.name, failure.isEmpty() ? db.lastError().text() : failure));
        }
        m_schemaVersion = step.version;
    }
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
        message = QStringLiteral("%1 failed: the disk reported an input/output error; nothing "
                                 "was saved")
                      .arg(doing);
    else if (primary == 11)
        message = QStringLiteral("%1 failed: the database is damaged; restore a backup").arg(doing);
    else if (primary == 13)
        message = QStringLiteral("cannot write: the disk is full; nothing was saved");
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
    return backups::writeCopy(connection(), file);
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
