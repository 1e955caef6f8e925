#pragma once

#include "TestSupport.h"
#include "domain/Session.h"
#include "storage/Database.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace dermaplan::test {

inline const QDate kToday(2026, 11, 24);

// A fresh temporary folder per test, with helpers to open databases in it.
class StorageTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString path(const QString& name = QStringLiteral("test.sqlite")) const {
        return m_dir.filePath(name);
    }

    std::unique_ptr<Database> openOrFail(const QString& file, QDate today = kToday) {
        auto db = Database::open(file, today);
        EXPECT_TRUE(db) << (db ? std::string() : db.error().toString().toStdString());
        return db ? std::move(db).value() : nullptr;
    }

    static QByteArray bytes(const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
};

// More rounds on demand (scripts/reliability.sh sets DERMAPLAN_RELIABILITY_ROUNDS), a quick run
// by default.
inline int reliabilityRounds(int quick) {
    const int asked = qEnvironmentVariableIntValue("DERMAPLAN_RELIABILITY_ROUNDS");
    return asked > 0 ? asked : quick;
}

Session sampleSession(const QString& area = QStringLiteral("face"),
                      QDate date = kToday.addDays(-10));

} // namespace dermaplan::test
