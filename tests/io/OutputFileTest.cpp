// Files written for the user: whole or not at all, owner-only, the cause named.
#include "io/OutputFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(OutputFile, AProducerThatFailsLeavesTheOldFileAndNothingElse) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.json"));
    ASSERT_TRUE(io::writeFileWhole(path, QByteArrayLiteral("old")));
    const auto failed = io::writeFileWhole(path, [](const io::ByteSink& sink) -> Status {
        if (auto written = sink(QByteArrayLiteral("half of the new")); !written)
            return written;
        return Error::plain(QStringLiteral("the database could not be read"));
    });
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().message, QStringLiteral("the database could not be read"));
    EXPECT_EQ(contents(path), QByteArrayLiteral("old"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("export.json")});
}

TEST(OutputFile, ReplacesAFileOthersCouldReadWithAnOwnerOnlyOne) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.csv"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
    ASSERT_TRUE(io::writeFileWhole(path, QByteArrayLiteral("new")));
    EXPECT_EQ(contents(path), QByteArrayLiteral("new"));
    const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    EXPECT_EQ(QFile::permissions(path) & others, QFile::Permissions());
    EXPECT_TRUE(QFile::permissions(path).testFlags(QFile::ReadOwner | QFile::WriteOwner));
}

TEST(OutputFile, ADeviceIsWrittenToAndAFullOneNamesTheCause) {
    const auto failed = io::writeFileWhole(QStringLiteral("/dev/full"), QByteArrayLiteral("x"));
    ASSERT_FALSE(failed);
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("no space left on device")))
        << failed.error().message.toStdString();
    EXPECT_TRUE(io::writeFileWhole(QStringLiteral("/dev/null"), QByteArrayLiteral("x")));
    EXPECT_FALSE(QFile::exists(QStringLiteral("/dev/.full.partial-0")));
}

TEST(OutputFile, AFolderIsRefusedByName) {
    QTemporaryDir dir;
    const auto refused = io::writeFileWhole(dir.path(), QByteArrayLiteral("x"));
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("folder")));
}
