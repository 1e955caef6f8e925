#include "VerifiedFiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <sys/stat.h>

namespace dermaplan::verified {

namespace {

// The fingerprint as one line of text; empty when the file cannot be looked at.
QByteArray fingerprint(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    return QByteArray::number(qulonglong(st.st_dev)) + ' ' +
           QByteArray::number(qulonglong(st.st_ino)) + ' ' +
           QByteArray::number(qlonglong(st.st_size)) + ' ' +
           QByteArray::number(qlonglong(st.st_ctim.tv_sec)) + '.' +
           QByteArray::number(qlonglong(st.st_ctim.tv_nsec)) + ' ' +
           QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.' +
           QByteArray::number(qlonglong(st.st_mtim.tv_nsec));
}

// One record per database, named after a hash of its absolute path.
QString recordFor(const QString& path) {
    const QByteArray key = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/dermaplan/verified/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
}

} // namespace

namespace {

bool recorded(const QString& file, const QByteArray& now) {
    QFile record(file);
    return !now.isEmpty() && record.open(QIODevice::ReadOnly) && record.readAll() == now;
}

} // namespace

bool isUnchanged(const QString& path) {
    return recorded(recordFor(path), fingerprint(path));
}

void remember(const QString& path) {
    const QByteArray now = fingerprint(path);
    const QString file = recordFor(path);
    // A session that only read leaves the record as it was: no write, no sync.
    if (now.isEmpty() || recorded(file, now) || !QDir().mkpath(QFileInfo(file).absolutePath()))
        return;
    QSaveFile record(file);
    if (record.open(QIODevice::WriteOnly) && record.write(now) == now.size())
        (void)record.commit();
}

QByteArray identity(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return QByteArray::number(qulonglong(st.st_dev)) + ' ' +
           QByteArray::number(qulonglong(st.st_ino));
}

void forget(const QString& path) {
    QFile::remove(recordFor(path));
}

} // namespace dermaplan::verified
