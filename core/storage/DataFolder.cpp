#include "DataFolder.h"

#include "Backups.h"
#include "Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

Status copyBackups(const QString& from, const QString& to, Undo& undo, int& count) {
    for (const QString& name : backupFiles(from)) {
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
        if (sha256Of(copy).isEmpty() || sha256Of(copy) != sha256Of(source))
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
    {
        // Opening checks the old file (and brings its schema up to date, with a backup first);
        // the copy is consistent even with a -wal beside it.
        auto old = Database::open(legacy, today);
        if (!old)
            return old.error();
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return Error::inFile(target, DataFolderTr::tr("cannot create the folder"));
        if (auto copied = (*old)->backupTo(target); !copied)
            return copied.error();
    }
    undo.created(target);
    if (auto copied = copyBackups(backups::folderFor(legacy), backups::folderFor(target), undo,
                                  moved.backups);
        !copied) {
        undo.rollBack();
        return copied.error();
    }
    // Only now, with every copy checked, do the old files go.
    // File by file, what was copied: a file that appeared since stays, and so do its folders.
    for (const QString& name : backupFiles(backups::folderFor(legacy)))
        QFile::remove(backups::folderFor(legacy) + u'/' + name);
    QDir().rmdir(backups::setAsideFolderFor(legacy));
    QDir().rmdir(backups::folderFor(legacy));
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
