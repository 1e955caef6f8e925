// A logbook over a real database file in a temporary folder, for the logbook's tests.
#pragma once

#include "TestSupport.h"

#include "logbook/Logbook.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace dermaplan::test {

class LogbookFixture : public ::testing::Test {
public:
    static inline const QDate kToday{2026, 11, 26};

protected:
    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("log.sqlite")), kToday);
        ASSERT_TRUE(db) << db.error().toString().toStdString();
        m_db = std::move(db).value();
        m_logbook = std::make_unique<Logbook>(*m_db, rules(), [this] { return m_today; });
    }

    static Session draft(const QString& area, double mm, QDate date) {
        Session s;
        s.area = area;
        s.zones = area == u"face" ? QStringList{QStringLiteral("cheeks")} : QStringList{};
        s.needle = NeedleLength::fromMillimetres(mm);
        s.date = date;
        return s;
    }

    int stored() const { return *SessionStore(*m_db).count({}); }

    // A fresh history for the next round of a property test.
    void removeAllSessions() {
        const auto previous = SessionStore(*m_db).list({});
        ASSERT_TRUE(previous);
        for (const Session& old : *previous)
            ASSERT_TRUE(SessionStore(*m_db).remove(old.id));
    }

    // A device added through the logbook; its id.
    qint64 addDevice(const QString& name, const QString& kind, double mm, QDate firstUse = {}) {
        Device d;
        d.name = name;
        d.kind = kind;
        d.needle = NeedleLength::fromMillimetres(mm);
        d.firstUse = firstUse;
        const auto id = m_logbook->addDevice(d);
        EXPECT_TRUE(id);
        return id ? *id : 0;
    }

    QTemporaryDir m_dir;
    QDate m_today = kToday;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Logbook> m_logbook;
};

} // namespace dermaplan::test
