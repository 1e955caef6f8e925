// Reminders: a planned session is reminded of on its day only when its needle is allowed there
// (never before), devices and follow-ups as the day's guide has them, and the planned days that
// went by while the app was closed once, up to a week back.
#include "LogbookFixture.h"

#include "storage/SessionStore.h"

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

class RemindersTest : public test::LogbookFixture {
protected:
    QList<Reminder> remindersOn(QDate day, QDate lastSeen = {}) {
        m_today = day;
        const auto r = m_logbook->reminders(lastSeen, QLocale::c());
        EXPECT_TRUE(r) << r.error().toString().toStdString();
        return r ? *r : QList<Reminder>();
    }
};

QList<Reminder> ofKind(const QList<Reminder>& all, Reminder::Kind kind) {
    QList<Reminder> out;
    for (const Reminder& r : all)
        if (r.kind == kind)
            out << r;
    return out;
}

} // namespace

TEST_F(RemindersTest, APlannedSessionIsRemindedOfOnlyOnDaysItsNeedleIsAllowed) {
    const QDate start = m_today;
    // A 1.0 mm session on the face yesterday (stored as it was, outside the app) holds the face
    // for longer than the regimen's cadence: the planned 0.25 mm days wait for it.
    ASSERT_TRUE(SessionStore(*m_db).add(draft(u"face"_s, 1.0, start.addDays(-1))));
    ASSERT_TRUE(m_logbook->addRegimen(test::regimen(0, u"face"_s, 0.25, 3, start.addDays(-1))));
    int reminded = 0;
    for (QDate day = start; day <= start.addDays(60); day = day.addDays(1)) {
        const QList<Reminder> sessions =
            ofKind(remindersOn(day, day.addDays(-1)), Reminder::Kind::Session);
        m_today = day;
        const auto readiness = m_logbook->readiness(u"face"_s);
        ASSERT_TRUE(readiness);
        const auto level =
            readinessLevel(*readiness, day, test::rules(), NeedleLength::fromMillimetres(0.25));
        if (level == ReadinessLevel::Wait) {
            EXPECT_TRUE(sessions.isEmpty()) << day.toString(Qt::ISODate).toStdString();
        }
        for (const Reminder& r : sessions) {
            EXPECT_EQ(r.since, day);
            EXPECT_TRUE(r.key.contains(day.toString(Qt::ISODate)));
            EXPECT_TRUE(r.title.contains(u"Face"_s)) << r.title.toStdString();
            ++reminded;
            // Logged as planned: the next one moves on from it.
            ASSERT_TRUE(m_logbook->log(draft(u"face"_s, 0.25, day)));
        }
    }
    EXPECT_GE(reminded, 5) << "the regimen's days were reminded of once allowed";
}

TEST_F(RemindersTest, DevicesAndFollowUpsDueAreReminders) {
    Device roller;
    roller.name = u"Face roller"_s;
    roller.needle = NeedleLength::fromMillimetres(0.25);
    roller.firstUse = m_today.addDays(-10);
    ASSERT_TRUE(m_logbook->addDevice(roller));
    ASSERT_TRUE(m_logbook->log(draft(u"face"_s, 0.25, m_today.addDays(-1))));
    const QList<Reminder> all = remindersOn(m_today);
    const QList<Reminder> devices = ofKind(all, Reminder::Kind::Device);
    ASSERT_EQ(devices.size(), 1);
    EXPECT_TRUE(devices[0].title.contains(u"Face roller"_s));
    EXPECT_TRUE(devices[0].text.contains(u"clean"_s)) << devices[0].text.toStdString();
    const QList<Reminder> followUps = ofKind(all, Reminder::Kind::FollowUp);
    ASSERT_EQ(followUps.size(), 1) << "24 hours after yesterday's session";
    EXPECT_EQ(followUps[0].since, m_today);
    // Asked again, the same reminders have the same keys (so they are shown once).
    const QList<Reminder> again = remindersOn(m_today);
    ASSERT_EQ(again.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i)
        EXPECT_EQ(again[i].key, all[i].key);
}

TEST_F(RemindersTest, PlannedDaysThatWentByWhileClosedAreRemindedOfOnceUpToAWeekBack) {
    const QDate today = m_today;
    ASSERT_TRUE(m_logbook->addRegimen(test::regimen(0, u"scalp"_s, 0.25, 7, today.addDays(-14))));
    // Last looked 10 days ago: the planned day 7 days ago went by since.
    QList<Reminder> missed = ofKind(remindersOn(today, today.addDays(-10)), Reminder::Kind::Missed);
    ASSERT_EQ(missed.size(), 1);
    EXPECT_EQ(missed[0].since, today.addDays(-7));
    EXPECT_TRUE(missed[0].title.contains(u"Scalp"_s)) << missed[0].title.toStdString();
    // Looked at yesterday: nothing went by unseen.
    EXPECT_TRUE(ofKind(remindersOn(today, today.addDays(-1)), Reminder::Kind::Missed).isEmpty());
    // Last looked a month ago: only the last week is news.
    missed = ofKind(remindersOn(today, today.addDays(-30)), Reminder::Kind::Missed);
    ASSERT_EQ(missed.size(), 1);
    EXPECT_EQ(missed[0].since, today.addDays(-7));
    // Today's planned session is still due today, not missed.
    EXPECT_EQ(ofKind(remindersOn(today, today.addDays(-30)), Reminder::Kind::Session).size(), 1);
}
