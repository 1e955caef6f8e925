#pragma once

// The one fixture for tests that drive the app's widgets: a database in a temporary folder, an
// AppContext on it whose today stays put until a test moves it, and a way to put sessions in. For
// UI tests only (it needs the ui library's AppContext).
#include "TestSupport.h"

#include "AppContext.h"
#include "logbook/LogbookFile.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QWidget>

#include <gtest/gtest.h>

#include <memory>

namespace dermaplan::test {

// The first widget of type T under `root` whose accessible name is `name` (what a screen reader
// says, and how tests find a control); null when there is none.
template <typename T> T* findByName(QWidget* root, const QString& name) {
    for (T* w : root->findChildren<T*>())
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

class AppFixture : public ::testing::Test {
protected:
    explicit AppFixture(QDate today = QDate(2026, 11, 24))
        : m_today(today) {}

    void SetUp() override {
        ASSERT_TRUE(m_dir.isValid());
        auto file = LogbookFile::open(m_dir.filePath(QStringLiteral("ui.sqlite")), m_today);
        ASSERT_TRUE(file) << file.error().toString().toStdString();
        m_file = std::move(file).value();
        m_db = &m_file->database(); // for seeding the history directly
        // The app's clock reads m_today: advanceTo moves it on.
        m_context = std::make_unique<ui::AppContext>(rules(), *m_file,
                                                     TodayClock([this] { return m_today; }));
        QSettings().remove(QStringLiteral("preferences")); // each test starts from the defaults
    }

    // Moves the app's clock on and lets the app notice, as its timers do (an app left open
    // overnight, or for days).
    void advanceTo(QDate day) {
        m_today = day;
        m_context->checkDate();
    }

    // A session stored directly (no check); its id, or 0 after a failed expectation.
    qint64 seed(const QString& area, double mm, QDate date, const QString& notes = {}) {
        Session s = session(area, mm, date);
        s.notes = notes;
        const auto id = SessionStore(*m_db).add(s);
        EXPECT_TRUE(id);
        return id ? *id : 0;
    }

    QDate m_today;
    QTemporaryDir m_dir;
    std::unique_ptr<LogbookFile> m_file;
    Database* m_db = nullptr;
    std::unique_ptr<ui::AppContext> m_context;
};

} // namespace dermaplan::test
