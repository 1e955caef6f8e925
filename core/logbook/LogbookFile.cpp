#include "LogbookFile.h"

#include "storage/DataFolder.h"
#include "storage/Database.h"

#include <QFileInfo>

namespace dermaplan {

Result<std::unique_ptr<LogbookFile>> LogbookFile::open(const QString& path, QDate today) {
    auto db = Database::open(path, today);
    if (!db)
        return db.error();
    return std::make_unique<LogbookFile>(std::move(db).value());
}

LogbookFile::LogbookFile(std::unique_ptr<Database> db)
    : m_db(std::move(db)) {}

LogbookFile::~LogbookFile() = default;

QString LogbookFile::path() const {
    return m_db->path();
}

QString LogbookFile::folder() const {
    return QFileInfo(m_db->path()).absolutePath();
}

QString LogbookFile::backupsFolder() const {
    return m_db->backupDir();
}

QString LogbookFile::uuid() const {
    return m_db->databaseUuid();
}

int LogbookFile::schemaVersion() const {
    return m_db->schemaVersion();
}

Status LogbookFile::checkIntegrity() const {
    return m_db->checkIntegrity();
}

Status LogbookFile::backupTo(const QString& file) const {
    return m_db->backupTo(file);
}

Status LogbookFile::refuseOwnFiles(const QString& output) const {
    return Database::refuseOwnFiles(output, m_db->path());
}

QStringList LogbookFile::backupsOf(const QString& path) {
    return Database::backupsFor(path);
}

QString LogbookFile::backupsFolderOf(const QString& path) {
    return Database::backupDirFor(path);
}

Status LogbookFile::restore(const QString& path, const QString& backup, QDate today) {
    return Database::restore(path, backup, today);
}

Status LogbookFile::refuseOwnFiles(const QString& output, const QString& path) {
    return Database::refuseOwnFiles(output, path);
}

LogbookFile::Default LogbookFile::prepareDefault(QDate today) {
    const dataFolder::DefaultDatabase prepared = dataFolder::prepareDefaultDatabase(today);
    return {prepared.path, prepared.notice, prepared.failed};
}

QString LogbookFile::defaultPath() {
    return dataFolder::defaultDatabasePath();
}

} // namespace dermaplan
