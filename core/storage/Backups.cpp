#include "Backups.h"

#include "Database.h"
#include "DatabaseInspection.h"
#include "SqliteStatement.h"
#include "SystemError.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <functional>

namespace dermaplan::backups {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr const char* kRestoreFolderPrefix = ".dermaplan-restore-";

const QRegularExpression& dailyPattern() {
    static const QRegularExpression re(
        QStringLiteral(R"(^dermaplan-(\d{4}-\d{2}-\d{2})\.sqlite$)"));
    return re;
}

// Flushes a file's (or a folder's) data to the disk: a rename is only as durable as this.
bool sync(const QString& path, bool folder = false) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Gives the checked copy `partial` its final name in one step, never over a file that appeared
// meanwhile; 0 or errno. Never by copying (QFile::rename's fallback when rename(2) fails): a
// copy made after a failure is neither flushed nor checked, and a backup name only ever holds a
// whole, checked file.
int publish(const QString& partial, const QString& file) {
    const QByteArray from = QFile::encodeName(partial);
    const QByteArray to = QFile::encodeName(file);
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    // A file system without RENAME_NOREPLACE: a hard link is just as atomic and as refusing.
    if (::link(from.constData(), to.constData()) != 0)
        return errno;
    ::unlink(from.constData());
    return 0;
}

QStringList newestFirst(const QString& dir) {
    QFileInfoList files =
        QDir(dir).entryInfoList({QStringLiteral("dermaplan-*.sqlite")}, QDir::Files);
    std::sort(files.begin(), files.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() != b.lastModified() ? a.lastModified() > b.lastModified()
                                                    : a.fileName() > b.fileName();
    });
    QStringList paths;
    for (const QFileInfo& f : std::as_const(files))
        paths << f.absoluteFilePath();
    return paths;
}

// An flock(2) on the database's folder, held by a restore from before it makes its private folder
// until that folder is gone. The kernel lets go when the process dies: a restore that was killed
// leaves no lock behind, and no lock file to clean up.
class RestoreLock {
public:
    explicit RestoreLock(const QString& dbPath)
        : m_fd(::open(QFile::encodeName(QFileInfo(dbPath).absolutePath()).constData(),
                      O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
    ~RestoreLock() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RestoreLock(const RestoreLock&) = delete;
    RestoreLock& operator=(const RestoreLock&) = delete;
    // Waits up to `ms` for a restore that is running.
    [[nodiscard]] bool take(int ms) {
        for (int waited = 0; m_fd >= 0; waited += 50) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0)
                return true;
            if (errno != EWOULDBLOCK || waited >= ms)
                return false;
            QThread::msleep(50);
        }
        return false;
    }

private:
    int m_fd;
};

QString timestamp() {
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmmss-zzz"));
}

Error failed(const QString& message, const QString& file) {
    return Error::inFile(file, message);
}

// Copies every page of `from` into `to` through SQLite's online backup API: the destination
// changes in one transaction, which other connections see as a commit. `whileLocked` runs once
// the destination's write lock is held and before any page is copied (nothing can commit in
// between: the history set aside is exactly the history replaced); its failure cancels.
Status copyPages(const QString& from, const QString& to,
                 const std::function<Status()>& whileLocked) {
    static QAtomicInt counter;
    const int n = counter.fetchAndAddRelaxed(1);
    const QString source = QStringLiteral("dermaplan-restore-source-%1").arg(n);
    const QString target = QStringLiteral("dermaplan-restore-target-%1").arg(n);
    Status result = success();
    {
        QSqlDatabase src = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), source);
        src.setDatabaseName(from);
        src.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlDatabase dst = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), target);
        dst.setDatabaseName(to);
        dst.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        sqlite3* s = src.open() ? sqliteHandleOf(src) : nullptr;
        sqlite3* d = dst.open() ? sqliteHandleOf(dst) : nullptr;
        sqlite3_backup* backup = s && d ? sqlite3_backup_init(d, "main", s, "main") : nullptr;
        if (!backup) {
            result = failed(QStringLiteral("cannot open the database to restore into; nothing "
                                           "was changed"),
                            to);
        } else {
            // Another program may be writing: wait for it, as a writer would.
            const auto step = [backup](int pages) {
                int rc = SQLITE_OK;
                for (int attempt = 0; attempt < 100; ++attempt) {
                    rc = sqlite3_backup_step(backup, pages);
                    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                        break;
                    QThread::msleep(50);
                }
                return rc;
            };
            const auto stepFailed = [&to](int rc) {
                return failed(QStringLiteral("restoring failed (%1); the history is as it was")
                                  .arg(QString::fromUtf8(sqlite3_errstr(rc))),
                              to);
            };
            int rc = step(0); // takes the destination's write lock, copies nothing
            if (rc != SQLITE_OK && rc != SQLITE_DONE)
                result = stepFailed(rc);
            else if (result = whileLocked(); result)
                if (rc = step(-1); rc != SQLITE_DONE)
                    result = stepFailed(rc);
            sqlite3_backup_finish(backup); // without SQLITE_DONE: rolled back, nothing changed
        }
        src.close();
        dst.close();
    }
    QSqlDatabase::removeDatabase(source);
    QSqlDatabase::removeDatabase(target);
    return result;
}

} // namespace

QString folderFor(const QString& dbPath) {
    return QFileInfo(dbPath).absolutePath() + QStringLiteral("/backups");
}

QString setAsideFolderFor(const QString& dbPath) {
    return folderFor(dbPath) + QStringLiteral("/set-aside");
}

QStringList listFor(const QString& dbPath) {
    return newestFirst(folderFor(dbPath));
}

QStringList setAsideFor(const QString& dbPath) {
    return newestFirst(setAsideFolderFor(dbPath));
}

Status makeFolder(const QString& dir) {
    if (!QDir().mkpath(dir))
        return failed(QStringLiteral("cannot create the backup folder"), dir);
    // The backups hold the whole history several times over: owner-only, like the database.
    if (!QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ExeOwner))
        return failed(QStringLiteral("cannot make the backup folder private"), dir);
    return success();
}

QString dailyName(QDate day) {
    return QStringLiteral("dermaplan-%1.sqlite").arg(day.toString(Qt::ISODate));
}

QString unusedName(const QString& dir, const QString& stem) {
    QString name = dir + u'/' + stem + QStringLiteral(".sqlite");
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = dir + u'/' + stem + QStringLiteral("-%1.sqlite").arg(n);
    return name;
}

Status writeCopy(const QSqlDatabase& db, const QString& file) {
    if (QFileInfo::exists(file))
        return failed(QStringLiteral("already exists; a backup never overwrites a file"), file);
    // Partial copies left by a backup that was cut short (a crash, a power cut) never had the
    // final name; remove them once they are clearly abandoned.
    const QFileInfo target(file);
    for (const QFileInfo& stale :
         QDir(target.absolutePath())
             .entryInfoList({target.fileName() + QStringLiteral(".partial-*")}, QDir::Files))
        if (stale.lastModified().secsTo(QDateTime::currentDateTime()) > 600)
            QFile::remove(stale.absoluteFilePath());
    // A name of our own: two programs may back up on the same day at the same moment.
    static QAtomicInt counter;
    const QString partial = file + QStringLiteral(".partial-%1-%2")
                                       .arg(QCoreApplication::applicationPid())
                                       .arg(counter.fetchAndAddRelaxed(1));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(partial);
    if (!q.exec()) {
        QFile::remove(partial);
        return failed(QStringLiteral("the backup failed: %1").arg(q.lastError().text()), file);
    }
    q.finish();
    QFile::setPermissions(partial, kOwnerOnly);
    if (!sync(partial)) {
        QFile::remove(partial);
        return failed(QStringLiteral("the backup could not be flushed to disk"), file);
    }
    if (const auto check = inspectDatabaseFile(partial, Database::currentSchemaVersion); !check) {
        QFile::remove(partial);
        return failed(
            QStringLiteral("the backup did not check out: it %1").arg(check.error().message), file);
    }
    if (const int error = publish(partial, file); error != 0) {
        QFile::remove(partial);
        return failed(error == EEXIST
                          ? QStringLiteral("already exists; a backup never overwrites a file")
                          : QStringLiteral("the backup could not be given its name: %1")
                                .arg(systemErrorText(error)),
                      file);
    }
    sync(QFileInfo(file).absolutePath(), true);
    return success();
}

void rotate(const QString& dir, QDate today) {
    QList<QDate> dates;
    QHash<QDate, QString> files;
    for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files)) {
        const auto m = dailyPattern().match(f.fileName());
        const QDate d = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
        if (d.isValid() && d <= today) {
            dates << d;
            files.insert(d, f.absoluteFilePath());
        }
    }
    std::sort(dates.begin(), dates.end(), std::greater<>());
    QSet<QDate> keep;
    for (qsizetype i = 0; i < std::min<qsizetype>(7, dates.size()); ++i)
        keep.insert(dates[i]);
    QSet<int> months;
    for (const QDate& d : std::as_const(dates)) {
        const int month = d.year() * 12 + d.month();
        if (!months.contains(month) && months.size() < 12) {
            months.insert(month);
            keep.insert(d);
        }
    }
    for (const QDate& d : std::as_const(dates))
        if (!keep.contains(d))
            QFile::remove(files.value(d));
}

void removeAbandonedRestores(const QString& dbPath) {
    const QDir folder(QFileInfo(dbPath).absolutePath());
    const QFileInfoList leftovers =
        folder.entryInfoList({QLatin1String(kRestoreFolderPrefix) + u'*'},
                             QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    if (leftovers.isEmpty())
        return;
    // Taken only when no restore is running.
    RestoreLock lock(dbPath);
    if (!lock.take(0))
        return;
    for (const QFileInfo& leftover : leftovers)
        if (!leftover.isSymLink())
            QDir(leftover.absoluteFilePath()).removeRecursively();
}

Status restore(const QString& dbPath, const QString& backupFile, QDate today) {
    const QFileInfo backupInfo(backupFile);
    if (!backupInfo.isFile())
        return failed(QStringLiteral("no such backup file"), backupFile);
    if (QFileInfo(dbPath).absoluteFilePath() == backupInfo.absoluteFilePath())
        return failed(QStringLiteral("is the database itself"), backupFile);
    if (const auto inspection = inspectDatabaseFile(backupFile, Database::currentSchemaVersion);
        !inspection || inspection->empty)
        return failed(
            QStringLiteral("the backup %1; nothing was changed")
                .arg(inspection ? QStringLiteral("is empty") : inspection.error().message),
            backupFile);

    // The backup, with its log if it has one (a set-aside copy may), upgraded to the current
    // schema in a private folder beside the database: the backup itself is never changed.
    // Held while the restore runs, before its folder exists: with the lock free, any such
    // folder was left by a restore that was cut short, and the next open removes it.
    RestoreLock busy(dbPath);
    if (!busy.take(30000))
        return failed(QStringLiteral("another restore of this history is running; nothing was "
                                     "changed"),
                      dbPath);
    QTemporaryDir work(QFileInfo(dbPath).absolutePath() + QStringLiteral("/") +
                       QLatin1String(kRestoreFolderPrefix));
    if (!work.isValid())
        return failed(QStringLiteral("no room to prepare the restore; nothing was changed"),
                      dbPath);
    const QString prepared = work.filePath(QStringLiteral("restore.sqlite"));
    if (!QFile::copy(backupFile, prepared) ||
        (QFileInfo::exists(backupFile + QStringLiteral("-wal")) &&
         !QFile::copy(backupFile + QStringLiteral("-wal"), prepared + QStringLiteral("-wal"))))
        return failed(QStringLiteral("cannot copy the backup; nothing was changed"), backupFile);
    QFile::setPermissions(prepared, kOwnerOnly);
    {
        auto upgraded = Database::open(prepared, today);
        if (!upgraded)
            return failed(QStringLiteral("the backup cannot be used: %1; nothing was changed")
                              .arg(upgraded.error().message),
                          backupFile);
    } // closing it folds its log into the file

    if (auto folder = makeFolder(folderFor(dbPath)); !folder)
        return folder;
    if (auto folder = makeFolder(setAsideFolderFor(dbPath)); !folder)
        return folder;
    const QString aside = unusedName(
        setAsideFolderFor(dbPath), QStringLiteral("dermaplan-before-restore-%1").arg(timestamp()));

    const bool exists = QFileInfo::exists(dbPath);
    if (exists && inspectDatabaseFile(dbPath, Database::currentSchemaVersion)) {
        // A healthy database, perhaps open in another program: with its write lock held, a
        // self-contained copy of it is set aside, then the backup's pages go in, in one
        // transaction.
        return copyPages(prepared, dbPath, [&]() -> Status {
            auto current = Database::open(dbPath, today);
            if (!current)
                return failed(current.error().message, dbPath);
            if (auto saved = writeCopy((*current)->connection(), aside); !saved)
                return failed(QStringLiteral("the current history could not be set aside, so "
                                             "nothing was changed: %1")
                                  .arg(saved.error().message),
                              aside);
            return success();
        });
    }

    // A refused file (or none): keep it exactly as it is, log included, then put the restored
    // file in its place. The log moves aside before the swap, so it can never be replayed onto
    // the restored file, and is never lost.
    if (exists) {
        if (!QFile::copy(dbPath, aside) || !sync(aside))
            return failed(QStringLiteral("cannot set the current file aside, so nothing was "
                                         "changed"),
                          aside);
        QFile::setPermissions(aside, kOwnerOnly);
        for (const char* suffix : {"-wal", "-shm"}) {
            const QString log = dbPath + QString::fromLatin1(suffix);
            if (QFileInfo::exists(log) && !QFile::rename(log, aside + QString::fromLatin1(suffix)))
                return failed(QStringLiteral("cannot set the current log aside, so nothing was "
                                             "changed"),
                              log);
        }
        sync(setAsideFolderFor(dbPath), true);
    }
    if (!sync(prepared))
        return failed(QStringLiteral("the restored file could not be flushed to disk"), dbPath);
    if (::rename(QFile::encodeName(prepared).constData(), QFile::encodeName(dbPath).constData()) !=
        0)
        return failed(QStringLiteral("replacing the database failed; the old file is set aside "
                                     "as %1")
                          .arg(aside),
                      dbPath);
    sync(QFileInfo(dbPath).absolutePath(), true);
    QFile::setPermissions(dbPath, kOwnerOnly);
    return success();
}

} // namespace dermaplan::backups
