#include "DatabaseInspection.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QtEndian>

namespace dermaplan {

namespace {

Error problem(const QString& text) {
    return Error::plain(text);
}

// SQLite's file format (https://www.sqlite.org/fileformat2.html, "The Database Header"): fields
// with fixed or few allowed values. Random bytes over the header fail here, before the schema
// version (offset 60) could be mistaken for a newer Dermaplan's.
QString headerProblem(const QByteArray& header, qint64 fileSize, bool hasWal) {
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return QStringLiteral("is not a database (it is not an SQLite file)");
    const auto u8 = [&](int at) { return quint8(header.at(at)); };
    const auto u16 = [&](int at) { return qFromBigEndian<quint16>(header.constData() + at); };
    const auto u32 = [&](int at) { return qFromBigEndian<quint32>(header.constData() + at); };
    const quint32 pageSize = u16(16) == 1 ? 65536u : u16(16);
    const bool fixedFieldsOk = pageSize >= 512 && (pageSize & (pageSize - 1)) == 0 &&
                               (u8(18) == 1 || u8(18) == 2) && (u8(19) == 1 || u8(19) == 2) &&
                               u8(21) == 64 && u8(22) == 32 && u8(23) == 32 && u32(44) <= 4 &&
                               u32(56) <= 3 && // 0: no schema written yet

                               pageSize - u8(20) >= 480;
    if (!fixedFieldsOk)
        return QStringLiteral("is damaged (its file header is not valid)");
    // The in-header size is valid when the "version valid for" number matches the change
    // counter; with a write-ahead log beside it the newest pages may still be in the log.
    const quint64 pages = u32(28);
    if (u32(92) == u32(24) && pages > 0 && !hasWal && quint64(fileSize) < pages * pageSize)
        return QStringLiteral("is damaged (truncated: %1 of %2 bytes)")
            .arg(fileSize)
            .arg(pages * pageSize);
    return {};
}

QString uniqueName() {
    static QAtomicInt counter;
    return QStringLiteral("dermaplan-inspect-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Checks over an open read-only connection.
Result<Inspection> inspectConnection(QSqlDatabase& db, int knownVersion, Pages pages) {
    QSqlQuery q(db);
    // Without quick_check, reading the schema still says "not a database" for a foreign file.
    if (!q.exec(pages == Pages::Check ? QStringLiteral("PRAGMA quick_check")
                                      : QStringLiteral("SELECT 'ok'")))
        return problem(q.lastError().databaseText().contains(QStringLiteral("not a database"))
                           ? QStringLiteral("is not a database")
                           : QStringLiteral("is damaged (%1)").arg(q.lastError().databaseText()));
    QStringList damage;
    while (q.next())
        if (q.value(0).toString() != u"ok")
            damage << q.value(0).toString();
    if (!damage.isEmpty())
        return problem(
            QStringLiteral("is damaged (%1)").arg(damage.mid(0, 3).join(QStringLiteral("; "))));
    Inspection found;
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return problem(QStringLiteral("cannot be read (%1)").arg(q.lastError().databaseText()));
    found.userVersion = q.value(0).toInt();
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return problem(QStringLiteral("cannot be read (%1)").arg(q.lastError().databaseText()));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    found.empty = tables.isEmpty();
    bool hasIdentity = false;
    if (tables.contains(QStringLiteral("meta"))) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = ?"));
        q.addBindValue(QStringLiteral("database_uuid"));
        hasIdentity = q.exec() && q.next() && q.value(0).toInt() == 1;
    }
    q.finish();
    const QString foreign =
        QStringLiteral("is not a Dermaplan database (it holds another program's tables)");
    if (found.userVersion == 0)
        return found.empty ? Result<Inspection>(found) : problem(foreign);
    if (found.userVersion > knownVersion)
        return hasIdentity || tables.contains(QStringLiteral("sessions"))
                   ? problem(QStringLiteral("was written by a newer version of Dermaplan "
                                            "(schema %1; this version knows up to %2)")
                                 .arg(found.userVersion)
                                 .arg(knownVersion))
                   : problem(foreign);
    // Schema 1 predates the identity; every later schema has it.
    const bool ours =
        found.userVersion == 1 ? tables.contains(QStringLiteral("sessions")) : hasIdentity;
    return ours ? Result<Inspection>(found) : problem(foreign);
}

Result<Inspection> inspectAt(const QString& databaseName, bool uri, int knownVersion, Pages pages) {
    const QString name = uniqueName();
    Result<Inspection> result = problem(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databaseName);
        db.setConnectOptions(uri ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI")
                                 : QStringLiteral("QSQLITE_OPEN_READONLY"));
        result = db.open()
                     ? inspectConnection(db, knownVersion, pages)
                     : problem(QStringLiteral("cannot be opened (%1)").arg(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

bool ownerMayWrite(const QString& path) {
    const QFileInfo info(path);
    return (info.permissions() & QFileDevice::WriteOwner) && info.isWritable();
}

QString immutableUri(const QString& path) {
    QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    url.setQuery(QStringLiteral("immutable=1"));
    return url.toString(QUrl::FullyEncoded);
}

namespace {

Result<Inspection> inspectOnce(const QString& path, int knownVersion, Pages pages) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return problem(QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    const QString wal = path + QStringLiteral("-wal");
    const bool hasWal = QFileInfo(wal).size() > 0;
    if (const QString p = headerProblem(file.read(100), file.size(), hasWal); !p.isEmpty())
        return problem(p);
    file.close();
    if (!hasWal)
        // Without a log no other connection has the file open in WAL mode, and the file is the
        // whole database: read it as immutable, which takes no lock and creates no -wal or -shm.
        return inspectAt(immutableUri(path), true, knownVersion, pages);
    // A log is beside it (another program has it open, or one crashed): check a private copy of
    // both, so that nothing — not even SQLite's shared-memory index — is written next to the
    // originals.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("inspect.sqlite"));
    if (!dir.isValid() || !QFile::copy(path, copy) ||
        !QFile::copy(wal, copy + QStringLiteral("-wal"))) {
        // The program that had the file open closed it meanwhile, folding the log in: the
        // file is whole again, without a log to copy.
        if (dir.isValid() && !QFileInfo::exists(wal))
            return inspectOnce(path, knownVersion, pages);
        // Without a copy the only way in is a connection on the file itself, and even a
        // read-only one writes SQLite's shared-memory index beside it: say so and touch nothing.
        return problem(
            QStringLiteral("cannot be checked: there is no room in %1 for the private "
                           "copy it is checked on (%2); free some space there and "
                           "try again")
                .arg(QDir::toNativeSeparators(QDir::tempPath()),
                     dir.isValid() ? QStringLiteral("copying failed") : dir.errorString()));
    }
    return inspectAt(copy, false, knownVersion, pages);
}

} // namespace

Result<Inspection> inspectDatabaseFile(const QString& path, int knownVersion, Pages pages) {
    // Another program may start or finish writing while we look (an immutable read or a copy
    // taken mid-checkpoint then looks damaged): a problem must be seen three times running.
    Result<Inspection> result = inspectOnce(path, knownVersion, pages);
    for (int attempt = 1; attempt < 3 && !result; ++attempt) {
        QThread::msleep(50);
        result = inspectOnce(path, knownVersion, pages);
    }
    return result;
}

} // namespace dermaplan
