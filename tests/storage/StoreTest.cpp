// Round trips of every field, filters, paging, undo re-insertion, concurrent writers.
#include "StorageTestSupport.h"

#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include "storage/RowsById.h"
#include "storage/SessionStore.h"

#include <QThread>

using namespace dermaplan;
using namespace dermaplan::test;

namespace {

class StoreTest : public StorageTest {
protected:
    void SetUp() override {
        StorageTest::SetUp();
        m_db = openOrFail(path());
        ASSERT_TRUE(m_db);
    }
    std::unique_ptr<Database> m_db;
};

Session fullSession(qint64 deviceId) {
    Session s;
    s.date = QDate(2026, 11, 2);
    s.time = QTime(20, 30);
    s.area = QStringLiteral("face");
    s.zones = {QStringLiteral("cheeks"), QStringLiteral("forehead")};
    s.needle = NeedleLength::fromMillimetres(0.25);
    s.performedBy = Performer::Professional;
    s.deviceId = deviceId;
    s.pain = 0;
    s.reaction = QStringLiteral("redness, 1 day");
    s.products = QStringLiteral("hyaluronic acid");
    s.notes = QStringLiteral("\"quoted\", unicode ✓, 'single' % _ \\");
    s.contraindications = {QStringLiteral("darker-skin"), QStringLiteral("pregnancy")};
    s.overrideReason = QStringLiteral("clinic");
    return s;
}

} // namespace

TEST_F(StoreTest, SessionRoundTripKeepsEveryField) {
    Device d;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.25);
    const auto deviceId = DeviceStore(*m_db).add(d);
    ASSERT_TRUE(deviceId);
    Session s = fullSession(*deviceId);
    SessionStore store(*m_db);
    const auto id = store.add(s);
    ASSERT_TRUE(id) << id.error().toString().toStdString();
    const auto back = store.get(*id);
    ASSERT_TRUE(back);
    s.id = *id;
    s.uuid = back->uuid;
    s.deviceNeedle = d.needle; // read with the session, from its device
    EXPECT_FALSE(back->uuid.isEmpty());
    EXPECT_EQ(*back, s);
    const auto byUuid = store.findByUuid(s.uuid);
    ASSERT_TRUE(byUuid && *byUuid);
    EXPECT_EQ(**byUuid, s);
}

TEST_F(StoreTest, FreeTextIsKeptWithoutLeadingByteOrderMarks) {
    Session s = sampleSession();
    const QChar mark(0xFEFF);
    s.notes = QString(mark) + mark + QStringLiteral("pasted") + mark;
    s.reaction = QString(mark) + QStringLiteral("-redness");
    const auto id = SessionStore(*m_db).add(s);
    ASSERT_TRUE(id);
    const auto back = SessionStore(*m_db).get(*id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->notes, QStringLiteral("pasted") + mark) << "only the marks at the start go";
    EXPECT_EQ(back->reaction, QStringLiteral("-redness"));
}

TEST_F(StoreTest, EmptyOptionalFieldsRoundTripAsEmpty) {
    Session s = sampleSession();
    s.notes.clear();
    SessionStore store(*m_db);
    const auto id = store.add(s);
    ASSERT_TRUE(id);
    const auto back = store.get(*id);
    EXPECT_FALSE(back->time);
    EXPECT_FALSE(back->pain);
    EXPECT_FALSE(back->deviceId);
    EXPECT_TRUE(back->zones.isEmpty());
    EXPECT_TRUE(back->notes.isEmpty());
}

TEST_F(StoreTest, UpdateAndRemove) {
    SessionStore store(*m_db);
    const auto id = store.add(sampleSession());
    Session s = *store.get(*id);
    s.notes = QStringLiteral("edited");
    s.contraindications = {QStringLiteral("sunburn")};
    ASSERT_TRUE(store.update(s));
    EXPECT_EQ(store.get(*id)->notes, QStringLiteral("edited"));
    EXPECT_EQ(store.get(*id)->contraindications, QStringList{QStringLiteral("sunburn")});
    ASSERT_TRUE(store.remove(*id));
    EXPECT_FALSE(store.get(*id));
    EXPECT_FALSE(store.remove(*id));
}

TEST_F(StoreTest, ReinsertPutsADeletedSessionBackWithItsIdAndUuid) {
    SessionStore store(*m_db);
    const Session original = *store.get(*store.add(sampleSession()));
    ASSERT_TRUE(store.remove(original.id));
    ASSERT_TRUE(store.reinsert(original));
    EXPECT_EQ(*store.get(original.id), original);
}

TEST_F(StoreTest, FiltersByAreaDatesNeedleAndTextAndPagesInOrder) {
    SessionStore store(*m_db);
    for (int i = 0; i < 30; ++i) {
        Session s = sampleSession(i % 2 ? QStringLiteral("face") : QStringLiteral("scalp"),
                                  QDate(2026, 10, 1).addDays(i));
        s.needle = NeedleLength::fromMillimetres(i % 3 ? 0.5 : 0.25);
        s.notes = i == 7 ? QStringLiteral("50% better_than before") : QStringLiteral("ok");
        ASSERT_TRUE(store.add(s));
    }
    SessionFilter face;
    face.area = QStringLiteral("face");
    EXPECT_EQ(*store.count(face), 15);
    SessionFilter range;
    range.from = QDate(2026, 10, 5);
    range.to = QDate(2026, 10, 9);
    EXPECT_EQ(*store.count(range), 5);
    SessionFilter needle;
    needle.needle = NeedleLength::fromMillimetres(0.25);
    EXPECT_EQ(*store.count(needle), 10);
    SessionFilter text;
    text.search = QStringLiteral("50%");
    EXPECT_EQ(*store.count(text), 1) << "% is matched literally, not as a wildcard";
    text.search = QStringLiteral("o_");
    EXPECT_EQ(*store.count(text), 0) << "_ is matched literally";
    SessionFilter page;
    page.newestFirst = true;
    page.offset = 10;
    page.limit = 5;
    const auto rows = store.list(page);
    ASSERT_EQ(rows->size(), 5);
    EXPECT_EQ(rows->at(0).date, QDate(2026, 10, 1).addDays(19));
    EXPECT_EQ(rows->at(4).date, QDate(2026, 10, 1).addDays(15));
}

TEST_F(StoreTest, AddAllIsAllOrNothing) {
    SessionStore store(*m_db);
    QList<Session> batch{sampleSession(), sampleSession(QStringLiteral("scalp"))};
    Session broken = sampleSession();
    broken.pain = 42; // violates the CHECK constraint
    batch << broken;
    EXPECT_FALSE(store.addAll(batch));
    EXPECT_EQ(*store.count({}), 0);
    batch.removeLast();
    ASSERT_TRUE(store.addAll(batch));
    EXPECT_EQ(*store.count({}), 2);
}

TEST_F(StoreTest, RegimenRoundTripEndAndRemove) {
    Regimen r;
    r.name = QStringLiteral("Hair");
    r.area = QStringLiteral("scalp");
    r.zones = {QStringLiteral("crown")};
    r.needle = NeedleLength::fromMillimetres(0.5);
    r.everyDays = 14;
    r.start = QDate(2026, 11, 1);
    r.weeks = 12;
    r.performedBy = Performer::Self;
    r.templateId = QStringLiteral("hair-minoxidil-home");
    r.goal = QStringLiteral("density");
    RegimenStore store(*m_db);
    const auto id = store.add(r);
    ASSERT_TRUE(id);
    r.id = *id;
    EXPECT_EQ(*store.get(*id), r);
    ASSERT_TRUE(store.end(*id, kToday.addDays(-1)));
    EXPECT_EQ(store.list(false)->size(), 0);
    EXPECT_EQ(store.list(true)->size(), 1);
    ASSERT_TRUE(store.remove(*id));
    EXPECT_EQ(store.list(true)->size(), 0);
}

TEST_F(StoreTest, DeviceUsesCleaningsAndRetirement) {
    Device d;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    d.needleCount = 540;
    DeviceStore devices(*m_db);
    const auto id = devices.add(d);
    ASSERT_TRUE(id);
    SessionStore sessions(*m_db);
    for (int i = 0; i < 3; ++i) {
        Session s = sampleSession(QStringLiteral("body"), QDate(2026, 11, 1).addDays(i * 3));
        s.deviceId = *id;
        ASSERT_TRUE(sessions.add(s));
    }
    ASSERT_TRUE(devices.recordCleaning(*id, QDateTime(QDate(2026, 11, 7), QTime(21, 0))));
    const auto state = devices.state(*id, QDate(2026, 11, 8));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->usesSoFar, 3);
    EXPECT_EQ(state->device.firstUse, QDate(2026, 11, 1))
        << "first use falls back to the first session";
    EXPECT_EQ(state->lastCleaned, QDateTime(QDate(2026, 11, 7), QTime(21, 0)));
    EXPECT_EQ(devices.state(*id, QDate(2026, 11, 4))->usesSoFar, 1);
    ASSERT_TRUE(devices.retire(*id, kToday));
    EXPECT_TRUE(devices.list(false)->isEmpty());
    EXPECT_EQ(devices.list(true)->at(0).retiredOn, kToday);
    EXPECT_EQ(devices.cleanings(*id)->size(), 1);
    EXPECT_FALSE(devices.retire(*id + 1, kToday)) << "no device with that id: nothing changed";
}

// A record put back by an undo takes its old id when no row has it, else a new one; every store
// decides it the same way (sql::reusesId).
TEST_F(StoreTest, APutBackRecordKeepsItsIdOnlyWhenItIsFree) {
    Device d;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    DeviceStore devices(*m_db);
    const auto first = devices.add(d);
    ASSERT_TRUE(first);
    d.id = *first;
    ASSERT_TRUE(devices.remove(*first));
    EXPECT_EQ(*devices.reinsert(d), *first) << "free again: the same id";
    const auto taken = devices.reinsert(d);
    ASSERT_TRUE(taken);
    EXPECT_NE(*taken, *first) << "taken: a new id";
    EXPECT_EQ(*sql::reusesId(*m_db, QStringLiteral("devices"), *first, false), false);
    EXPECT_EQ(*sql::reusesId(*m_db, QStringLiteral("devices"), 0, true), false);
    EXPECT_EQ(*sql::reusesId(*m_db, QStringLiteral("devices"), *taken + 1, true), true);
    EXPECT_FALSE(sql::reusesId(*m_db, QStringLiteral("no_such_table"), 1, true))
        << "a read that fails is an error, never a free id";
}

TEST_F(StoreTest, TwoConnectionsWritingAtOnceBothSucceed) {
    constexpr int perWriter = 150;
    auto writer = [this](const QString& area, bool* ok) {
        auto db = Database::open(path(), kToday);
        *ok = bool(db);
        if (!db)
            return;
        SessionStore store(**db);
        for (int i = 0; i < perWriter && *ok; ++i)
            *ok = bool(store.add(sampleSession(area, kToday.addDays(-i))));
    };
    bool okA = false;
    bool okB = false;
    std::unique_ptr<QThread> a(QThread::create(writer, QStringLiteral("face"), &okA));
    std::unique_ptr<QThread> b(QThread::create(writer, QStringLiteral("scalp"), &okB));
    a->start();
    b->start();
    ASSERT_TRUE(a->wait(60000));
    ASSERT_TRUE(b->wait(60000));
    EXPECT_TRUE(okA);
    EXPECT_TRUE(okB);
    EXPECT_EQ(*SessionStore(*m_db).count({}), 2 * perWriter);
    EXPECT_TRUE(m_db->checkIntegrity());
}

// An edit carries the version it started from: a change another program made meanwhile is
// reported, not silently overwritten.
TEST_F(StoreTest, AnEditNeverOverwritesAChangeMadeMeanwhile) {
    SessionStore store(*m_db);
    const auto id = store.add(sampleSession());
    ASSERT_TRUE(id);
    Session mine = *store.get(*id); // the app opens the edit dialog
    ASSERT_FALSE(mine.updatedAt.isEmpty());
    {
        auto cli = Database::open(path(), kToday); // the CLI, meanwhile
        ASSERT_TRUE(cli);
        Session theirs = *SessionStore(**cli).get(*id);
        theirs.notes = QStringLiteral("changed from the command line");
        ASSERT_TRUE(SessionStore(**cli).update(theirs));
    }
    mine.notes = QStringLiteral("changed in the app");
    const auto done = store.update(mine);
    ASSERT_FALSE(done) << "the app's stale edit must not win silently";
    EXPECT_TRUE(done.error().message.contains(QStringLiteral("changed by another program")))
        << done.error().toString().toStdString();
    EXPECT_EQ(store.get(*id)->notes, QStringLiteral("changed from the command line"));
    // Read again, the edit goes through.
    Session fresh = *store.get(*id);
    fresh.notes = QStringLiteral("changed in the app");
    ASSERT_TRUE(store.update(fresh));
    EXPECT_EQ(store.get(*id)->notes, QStringLiteral("changed in the app"));
}

TEST_F(StoreTest, ListedSessionsCarryTheirOwnChecklistAnswers) {
    SessionStore store(*m_db);
    Session face = sampleSession(QStringLiteral("face"));
    face.contraindications = {QStringLiteral("pregnancy")};
    Session scalp = sampleSession(QStringLiteral("scalp"));
    scalp.contraindications = {QStringLiteral("darker-skin"), QStringLiteral("under-18")};
    ASSERT_TRUE(store.add(face));
    ASSERT_TRUE(store.add(scalp));
    SessionFilter onlyScalp;
    onlyScalp.area = QStringLiteral("scalp");
    const auto listed = store.list(onlyScalp);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1);
    EXPECT_EQ(listed->at(0).contraindications, scalp.contraindications);
    const auto all = store.list({});
    ASSERT_EQ(all->size(), 2);
    EXPECT_EQ(all->at(0).contraindications.size() + all->at(1).contraindications.size(), 3);
}
