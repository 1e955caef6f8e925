// The raw statement under imports, exports and windows of sessions: what it binds is what it
// reads back, and a failure is reported as its own.
#include "StorageTestSupport.h"

#include "storage/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

class SqliteStatementTest : public StorageTest {
protected:
    void SetUp() override {
        StorageTest::SetUp();
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        m_db.setDatabaseName(path());
        ASSERT_TRUE(m_db.open());
        ASSERT_TRUE(QSqlQuery(m_db).exec(QStringLiteral("CREATE TABLE t (n INTEGER, s TEXT)")));
    }
    void TearDown() override {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    QSqlDatabase m_db;
};

} // namespace

TEST_F(SqliteStatementTest, ReadsBackWhatItBindsWithNullsAndTextBeyondAscii) {
    SqliteStatement insert(m_db, QStringLiteral("INSERT INTO t (n, s) VALUES (?, ?)"));
    ASSERT_TRUE(insert.isValid());
    const QString text = QStringLiteral("Crème, 日本, \U0001F600");
    insert.bind(1, qint64(1) << 40);
    insert.bind(2, text);
    ASSERT_TRUE(insert.run());
    insert.bindNull(1);
    insert.bind(2, QVariant(QString()));
    ASSERT_TRUE(insert.run());

    SqliteStatement select(m_db, QStringLiteral("SELECT n, s FROM t WHERE n IS ? OR n > ? ORDER BY "
                                                "rowid"));
    select.bindNull(1);
    select.bind(2, QVariant(0));
    ASSERT_TRUE(select.next());
    EXPECT_EQ(select.integer(0), qint64(1) << 40);
    EXPECT_EQ(select.text(1), text);
    ASSERT_TRUE(select.next());
    EXPECT_TRUE(select.isNull(0));
    EXPECT_FALSE(select.isNull(1)) << "an empty string is stored as text, not NULL";
    EXPECT_EQ(select.text(1), QString());
    EXPECT_FALSE(select.next());
    EXPECT_FALSE(select.lastError().isValid());
}

TEST_F(SqliteStatementTest, AFailureIsReportedAsItsOwnAfterAnotherStatementFails) {
    SqliteStatement broken(m_db, QStringLiteral("SELECT n FROM nowhere"));
    EXPECT_FALSE(broken.isValid());
    EXPECT_FALSE(broken.next());
    ASSERT_TRUE(broken.lastError().isValid());
    EXPECT_TRUE(broken.lastError().text().contains(u"nowhere"))
        << broken.lastError().text().toStdString();

    SqliteStatement other(m_db, QStringLiteral("INSERT INTO elsewhere VALUES (1)"));
    EXPECT_FALSE(other.isValid());
    EXPECT_TRUE(broken.lastError().text().contains(u"nowhere"))
        << "still its own failure, not the connection's latest: "
        << broken.lastError().text().toStdString();
}
