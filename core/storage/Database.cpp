#include "Database.h"

#include "DatabaseInspection.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>

namespace dermaplan {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString uniqueConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("dermaplan-%1").arg(counter.fetchAndAddRelaxed(1));
}

const QRegularExpression& dailyBackupName() {
    static const QRegularExpression re(
        QStringLiteral(R"(^dermaplan-(\d{4}-\d{2}-\d{2})\.sqlite$)"));
    return re;
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

// The backups folder holds the whole history several times over: owner-only, like the database.
Status makeBackupFolder(const QString& dir) {
    if (!QDir().mkpath(dir))
        return Error{QStringLiteral("cannot create the backup folder"), dir, 0, {}};
    if (!QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ExeOwner))
        return Error{QStringLiteral("cannot make the backup folder private"), dir, 0, {}};
    return success();
}

} // namespace

QString Database::defaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/dermaplan.sqlite");
}

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
        return Error{
            QStringLiteral("the database %1.%2").arg(problem, newestBackupHint(path)), path, 0, {}};
    };
    if (info.exists() && info.isDir())
        return refuse(QStringLiteral("is a directory, not a database file"));
    if (info.exists() && !info.isFile())
        return refuse(QStringLiteral("is not a regular file"));
    // Every check of an existing file happens before a writable connection exists: a refused
    // file, its -wal and its -shm stay byte-identical.
    int userVersion = 0;
    if (info.exists() && info.size() > 0) {
        const auto inspection = inspectDatabaseFile(path, known);
        if (!inspection)
            return refuse(inspection.error().message);
        userVersion = inspection->userVersion;
    }
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath()))
            return Error{QStringLiteral("cannot create the folder %1").arg(info.absolutePath()),
                         path,
                         0,
                         {}};
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return Error{QStringLiteral("cannot create the database: %1").arg(file.errorString()),
                         path,
                         0,
                         {}};
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
            return Error{
                QStringLiteral("the database is read-only and needs upgrading to schema %1 first")
                    .arg(known),
                path,
                0,
                {}};
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
            if (auto folder = makeBackupFolder(backupDir()); !folder)
                return folder;
            const QString file =
                backupDir() +
                QStringLiteral("/dermaplan-before-migration-v%1-%2.sqlite")
                    .arg(m_schemaVersion)
                    .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
            if (auto done = backupTo(file); !done)
                return Error{
                    QStringLiteral(
                        "no backup could be taken before upgrading, so nothing was changed: %1")
                        .arg(done.error().message),
                    m_path,
                    0,
                    {}};
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
            return Error{
                QStringLiteral(
                    "upgrading the database to schema %1 (%2) failed and was rolled back: %3")
                    .arg(step.version)
                    .arg(step.name, failure.isEmpty() ? db.lastError().text() : failure),
                m_path,
                0,
                {}};
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
    if (!problems.isEmpty())
        return Error{
            QStringLiteral("the database is damaged: %1.%2")
                .arg(problems.mid(0, 5).join(QStringLiteral("; ")), newestBackupHint(m_path)),
            m_path,
            0,
            {}};
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q.lastError(), QStringLiteral("reading the schema version"));
    if (q.value(0).toInt() != currentSchemaVersion)
        return Error{QStringLiteral("the schema version is %1, expected %2")
                         .arg(q.value(0).toInt())
                         .arg(currentSchemaVersion),
                     m_path,
                     0,
                     {}};
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
    // SQLite primary result codes: 5 busy, 6 locked, 8 read-only, 13 full, 10 I/O.
    const int primary = code.toInt() & 0xff;
    QString message;
    if (primary == 5 || primary == 6)
        message =
            QStringLiteral("the database is busy: another program is writing to it; try again");
    else if (primary == 8)
        message = QStringLiteral("cannot write: the database file is read-only");
    else if (primary == 13)
        message = QStringLiteral("cannot write: the disk is full");
    else
        message = QStringLiteral("%1 failed: %2").arg(doing, error.text());
    return Error{message, m_path, 0, {}};
}

Status Database::write(const std::function<Status(QSqlDatabase&)>& work) {
    if (m_readOnly)
        return Error{QStringLiteral("cannot write: the database file is read-only"), m_path, 0, {}};
    QSqlDatabase db = connection();
    // A write inside a write joins the outer transaction: an import stores devices, regimens
    // and sessions all or nothing.
    if (m_writeDepth > 0)
        return work(db);
    if (auto backup = ensureDailyBackup(); !backup)
        return backup;
    if (!db.transaction())
        return sqlError(db.lastError(), QStringLiteral("starting a transaction"));
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
    return QFileInfo(dbPath).absolutePath() + QStringLiteral("/backups");
}

QString Database::backupDir() const {
    return backupDirFor(m_path);
}

QStringList Database::backupsFor(const QString& dbPath) {
    const QDir dir(backupDirFor(dbPath));
    QFileInfoList files = dir.entryInfoList({QStringLiteral("dermaplan-*.sqlite")}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() != b.lastModified() ? a.lastModified() > b.lastModified()
                                                    : a.fileName() > b.fileName();
    });
    QStringList paths;
    for (const QFileInfo& f : files)
        paths << f.absoluteFilePath();
    return paths;
}

QStringList Database::backups() const {
    return backupsFor(m_path);
}

Status Database::backupTo(const QString& file) const {
    if (QFileInfo::exists(file))
        return Error{
            QStringLiteral("already exists; a backup never overwrites a file"), file, 0, {}};
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(file);
    if (!q.exec()) {
        QFile::remove(file);
        return Error{
            QStringLiteral("the backup failed: %1").arg(q.lastError().text()), file, 0, {}};
    }
    QFile::setPermissions(file, kOwnerOnly);
    return success();
}

// Once a day, before the first write: a copy in backups/, keeping the newest 7 daily copies and
// the newest of each of the last 12 months. Only files with the daily naming pattern are ever
// deleted; before-restore and before-migration copies are never rotated away.
Status Database::ensureDailyBackup() {
    const QDate day = today();
    if (m_backupCheckedFor == day)
        return success();
    const QString dirPath = backupDir();
    const QString todays =
        dirPath + QStringLiteral("/dermaplan-%1.sqlite").arg(day.toString(Qt::ISODate));
    if (!QFileInfo::exists(todays)) {
        QSqlQuery q(connection());
        const bool hasData =
            q.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM sessions) OR EXISTS(SELECT 1 FROM "
                                  "regimens) OR EXISTS(SELECT 1 FROM devices)")) &&
            q.next() && q.value(0).toBool();
        q.finish();
        if (hasData) {
            if (auto folder = makeBackupFolder(dirPath); !folder)
                return folder;
            if (auto done = backupTo(todays); !done)
                return Error{QStringLiteral("the daily backup failed, so nothing was written: %1")
                                 .arg(done.error().message),
                             m_path,
                             0,
                             {}};
        }
    }
    // Rotation.
    QList<QDate> dates;
    QHash<QDate, QString> files;
    for (const QFileInfo& f : QDir(dirPath).entryInfoList(QDir::Files)) {
        const auto m = dailyBackupName().match(f.fileName());
        const QDate d = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
        if (d.isValid()) {
            dates << d;
            files.insert(d, f.absoluteFilePath());
        }
    }
    std::sort(dates.begin(), dates.end(), std::greater<>());
    QSet<QDate> keep;
    for (int i = 0; i < std::min<qsizetype>(7, dates.size()); ++i)
        keep.insert(dates[i]);
    QSet<int> monthsSeen;
    const QDate oldestMonth = QDate(day.year(), day.month(), 1).addMonths(-11);
    for (const QDate& d : std::as_const(dates)) {
        const int month = d.year() * 12 + d.month();
        if (d >= oldestMonth && !monthsSeen.contains(month)) {
            monthsSeen.insert(month);
            keep.insert(d);
        }
    }
    for (const QDate& d : std::as_const(dates))
        if (!keep.contains(d))
            QFile::remove(files.value(d));
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
            return Error{
                QStringLiteral("would overwrite the database; choose another file"), output, 0, {}};
    if (target.startsWith(backups + u'/'))
        return Error{
            QStringLiteral("is in the backups folder; choose another place"), output, 0, {}};
    return success();
}

Status Database::restore(const QString& dbPath, const QString& backupFile, QDate today) {
    Q_UNUSED(today);
    const QFileInfo backupInfo(backupFile);
    if (!backupInfo.isFile())
        return Error{QStringLiteral("no such backup file"), backupFile, 0, {}};
    if (QFileInfo(dbPath).absoluteFilePath() == backupInfo.absoluteFilePath())
        return Error{QStringLiteral("is the database itself"), backupFile, 0, {}};
    if (const auto inspection = inspectDatabaseFile(backupFile, currentSchemaVersion);
        !inspection || inspection->empty)
        return Error{QStringLiteral("the backup %1; nothing was changed")
                         .arg(inspection ? QStringLiteral("is empty") : inspection.error().message),
                     backupFile,
                     0,
                     {}};

    const QString dir = backupDirFor(dbPath);
    if (auto folder = makeBackupFolder(dir); !folder)
        return folder;
    // Keep the current file (damaged or not) and its write-ahead log as they are.
    if (QFileInfo::exists(dbPath)) {
        const QString saved = dir + QStringLiteral("/dermaplan-before-restore-%1.sqlite")
                                        .arg(QDateTime::currentDateTime().toString(
                                            QStringLiteral("yyyy-MM-dd-HHmmss-zzz")));
        if (!QFile::copy(dbPath, saved))
            return Error{
                QStringLiteral("cannot back up the current database first, so nothing was changed"),
                saved,
                0,
                {}};
        QFile::setPermissions(saved, kOwnerOnly);
        if (QFileInfo::exists(dbPath + QStringLiteral("-wal")) &&
            !QFile::copy(dbPath + QStringLiteral("-wal"), saved + QStringLiteral("-wal")))
            return Error{QStringLiteral(
                             "cannot back up the current write-ahead log, so nothing was changed"),
                         saved,
                         0,
                         {}};
    }

    QFile source(backupFile);
    if (!source.open(QIODevice::ReadOnly))
        return Error{source.errorString(), backupFile, 0, {}};
    // QSaveFile writes a temporary file in the same folder, syncs it and renames it over the
    // database: a power cut leaves either the old file or the new one, never half of each.
    QSaveFile target(dbPath);
    if (!target.open(QIODevice::WriteOnly))
        return Error{target.errorString(), dbPath, 0, {}};
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size()) {
            target.cancelWriting();
            return Error{
                QStringLiteral("copying the backup failed; nothing was changed"), dbPath, 0, {}};
        }
    }
    // A log left from the old file would be replayed onto the restored one: remove it (it was
    // saved above) just before the rename.
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    if (!target.commit())
        return Error{QStringLiteral("replacing the database failed: %1").arg(target.errorString()),
                     dbPath,
                     0,
                     {}};
    QFile::setPermissions(dbPath, kOwnerOnly);
    return success();
}

} // namespace dermaplan
