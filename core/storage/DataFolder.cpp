#include "DataFolder.h"

#include "Backups.h"
#include "Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace dermaplan::dataFolder {

namespace {

class DataFolderTr {
    Q_DECLARE_TR_FUNCTIONS(DataFolder)
};

QByteArray sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return hash.result();
}

// The backup files under `dir` (set-aside copies included), relative to it.
QStringList backupFiles(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

// What a move created, removed again when a later step fails.
class Undo {
public:
    void created(const QString& path) { m_paths.prepend(path); }
    void rollBack() const {
        for (const QString& path : m_paths)
            QFileInfo(path).isDir() ? QDir().rmdir(path) : QFile::remove(path);
    }

private:
    QStringList m_paths;
};

// Makes `db` the only connection to its file until it closes: leaving WAL mode succeeds only
// for a lone connection (every open connection holds a lock on the -shm), and exclusive locking
// keeps others out from the next write on. Another program with the file open could otherwise
// go on writing to a file about to be removed.
Status holdAlone(const Database& db) {
    QSqlQuery q(db.connection());
    const auto run = [&](const QString& sql) { return q.exec(sql); };
    if (!run(QStringLiteral("PRAGMA busy_timeout=0")))
        return db.sqlError(q.lastError(), QStringLiteral("preparing the move"));
    const bool alone = run(QStringLiteral("PRAGMA journal_mode=DELETE")) && q.next() &&
                       q.value(0).toString().compare(u"delete", Qt::CaseInsensitive) == 0;
    q.finish();
    if (!alone)
        return Error::inFile(db.path(),
                             DataFolderTr::tr("another program has it open (an older Dermaplan, "
                                              "or dermaplan-cli): close it and start again"));
    if (!run(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")) ||
        !run(QStringLiteral("PRAGMA user_version")) || !q.next())
        return db.sqlError(q.lastError(), QStringLiteral("preparing the move"));
    const int version = q.value(0).toInt();
    q.finish();
    // A write takes the exclusive lock, held until the connection closes.
    if (!run(QStringLiteral("PRAGMA user_version=%1").arg(version)))
        return db.sqlError(q.lastError(), QStringLiteral("locking the database for the move"));
    return success();
}

Status copyBackups(const QString& from, const QStringList& names, const QString& to, Undo& undo,
                   int& count) {
    for (const QString& name : names) {
        const QString source = from + u'/' + name;
        const QString copy = to + u'/' + name;
        const QString folder = QFileInfo(copy).absolutePath();
        if (!QFileInfo::exists(folder)) {
            if (auto made = backups::makeFolder(folder); !made)
                return made;
            undo.created(folder);
        }
        if (QFileInfo::exists(copy))
            return Error::inFile(copy, DataFolderTr::tr("a file of that name is already there"));
        if (!QFile::copy(source, copy))
            return Error::inFile(copy, DataFolderTr::tr("cannot copy the backup %1").arg(source));
        undo.created(copy);
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray copied = sha256Of(copy);
        if (copied.isEmpty() || copied != sha256Of(source))
            return Error::inFile(copy,
                                 DataFolderTr::tr("the copy of %1 differs from it").arg(source));
        ++count;
    }
    return success();
}

} // namespace

QString defaultDatabasePath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                        QStringLiteral("/dermaplan");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/dermaplan.sqlite");
}

QString legacyDatabasePath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/dermaplan/dermaplan/dermaplan.sqlite");
}

Result<Moved> moveLegacyDatabase(const QString& legacy, const QString& target, QDate today) {
    if (!QFileInfo(legacy).isFile() || QFileInfo::exists(target))
        return Moved{};
    Undo undo;
    Moved moved;
    const QString oldBackups = backups::folderFor(legacy);
    QStringList copiedBackups;
    {
        // Opening checks the old file (and brings its schema up to date, with a backup first);
        // the copy is consistent even with a -wal beside it. The old database stays held, by this
        // connection alone, until its copy and its backups' are made and checked.
        auto old = Database::open(legacy, today);
        if (!old)
            return old.error();
        if (auto alone = holdAlone(**old); !alone)
            return alone.error();
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return Error::inFile(target, DataFolderTr::tr("cannot create the folder"));
        if (auto copied = (*old)->backupTo(target); !copied)
            return copied.error();
        undo.created(target);
        copiedBackups = backupFiles(oldBackups);
        if (auto copied = copyBackups(oldBackups, copiedBackups, backups::folderFor(target), undo,
                                      moved.backups);
            !copied) {
            undo.rollBack();
            return copied.error();
        }
    }
    // Only now, with every copy checked, do the old files go: the backups that were copied (one
    // written since stays, and so do its folders), then the database.
    for (const QString& name : std::as_const(copiedBackups))
        QFile::remove(oldBackups + u'/' + name);
    QDir().rmdir(backups::setAsideFolderFor(legacy));
    QDir().rmdir(oldBackups);
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(legacy + suffix);
    QDir().rmdir(QFileInfo(legacy).absolutePath()); // only if empty
    moved.moved = true;
    return moved;
}

DefaultDatabase prepareDefaultDatabase(QDate today) {
    const QString target = defaultDatabasePath();
    const QString legacy = legacyDatabasePath();
    const auto moved = moveLegacyDatabase(legacy, target, today);
    // Another program may have moved it meanwhile: the new folder is then the one to use.
    if (!moved && QFileInfo::exists(target) && !QFileInfo::exists(legacy))
        return {target, {}, false};
    if (!moved)
        return {legacy,
                DataFolderTr::tr("Your history stays in %1 for now: moving it to %2 failed (%3).")
                    .arg(QDir::toNativeSeparators(QFileInfo(legacy).absolutePath()),
                         QDir::toNativeSeparators(QFileInfo(target).absolutePath()),
                         moved.error().toString()),
                true};
    if (!moved->moved)
        return {target, {}, false};
    return {target,
            DataFolderTr::tr("Your history moved to %1, with its backups.")
                .arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath())),
            false};
}

} // namespace dermaplan::dataFolder
