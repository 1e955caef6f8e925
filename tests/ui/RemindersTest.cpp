// Reminders in the app: off until turned on; once on, each reminder comes once, a planned session
// only on a day the rules allow it, the planned days that went by while the app was closed at the
// next start; a banner where there is no tray; start at login as an XDG autostart entry.
#include "AppFixture.h"
#include "TestSupport.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "dialogs/PreferencesDialog.h"
#include "logbook/Logbook.h"
#include "logbook/LogbookFile.h"
#include "reminders/Autostart.h"
#include "reminders/ReminderCenter.h"
#include "storage/Database.h"
#include "widgets/ReminderBanner.h"

#include <QCheckBox>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

const QDate kStart(2026, 11, 24);

class RemindersTest : public test::AppFixture {
protected:
    RemindersTest()
        : AppFixture(kStart) {}

    void SetUp() override {
        AppFixture::SetUp();
        QSettings().remove(u"reminders"_s);
        // Scalp, 0.25 mm, every 7 days from today.
        ASSERT_TRUE(m_context->logbook().addRegimen(test::regimen(0, u"scalp"_s, 0.25, 7, kStart)));
    }

    static QList<Reminder> received(const QSignalSpy& spy, qsizetype i) {
        return spy.at(i).at(0).value<QList<Reminder>>();
    }
};

QTime noon() {
    return QTime(12, 0);
}

QList<Reminder::Kind> kinds(const QList<Reminder>& reminders) {
    QList<Reminder::Kind> out;
    for (const Reminder& r : reminders)
        out << r.kind;
    return out;
}

} // namespace

TEST_F(RemindersTest, OffUntilTurnedOnAndSilentWhileOff) {
    EXPECT_FALSE(ui::Preferences::load().reminders);
    ui::MainWindow window(*m_context);
    EXPECT_FALSE(window.reminders()->isEnabled());
    EXPECT_TRUE(window.reminders()->current().isEmpty()) << "a session is due today";
    EXPECT_TRUE(window.reminderBanner()->isHidden());
}

TEST_F(RemindersTest, EachReminderComesOnceAndASessionOnlyOnItsAllowedDay) {
    ui::ReminderCenter center(*m_context, noon);
    QSignalSpy spy(&center, &ui::ReminderCenter::remindersDue);
    center.setEnabled(true);
    ASSERT_EQ(spy.count(), 1);
    const QList<Reminder> first = received(spy, 0);
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first[0].kind, Reminder::Kind::Session);
    EXPECT_TRUE(first[0].title.contains(u"Scalp"_s)) << first[0].title.toStdString();
    center.check();
    EXPECT_EQ(spy.count(), 1) << "shown once";

    // Logged today: the next one is a week on; the days between remind of nothing (a follow-up
    // asks 24 and 72 hours after).
    ASSERT_TRUE(m_context->logbook().log(test::session(u"scalp"_s, 0.25, kStart)));
    for (int day = 1; day < 7; ++day) {
        advanceTo(kStart.addDays(day));
        for (qsizetype i = 1; i < spy.count(); ++i)
            EXPECT_FALSE(kinds(received(spy, i)).contains(Reminder::Kind::Session))
                << "day " << day;
    }
    const qsizetype before = spy.count();
    advanceTo(kStart.addDays(7));
    ASSERT_EQ(spy.count(), before + 1);
    EXPECT_TRUE(kinds(received(spy, before)).contains(Reminder::Kind::Session));
    EXPECT_EQ(received(spy, before).constFirst().since, kStart.addDays(7));
}

TEST_F(RemindersTest, PlannedDaysThatWentByWhileClosedComeAtTheNextStart) {
    {
        ui::ReminderCenter yesterdaysApp(*m_context, noon);
        yesterdaysApp.setEnabled(true); // looked on the 24th, then closed
    }
    m_today = kStart.addDays(8); // opened again on 2 Dec: the planned 1 Dec went by unseen
    ui::ReminderCenter center(*m_context, noon);
    QSignalSpy spy(&center, &ui::ReminderCenter::remindersDue);
    center.setEnabled(true);
    ASSERT_EQ(spy.count(), 1);
    const QList<Reminder> shown = received(spy, 0);
    ASSERT_TRUE(kinds(shown).contains(Reminder::Kind::Missed));
    for (const Reminder& r : shown)
        if (r.kind == Reminder::Kind::Missed) {
            EXPECT_EQ(r.since, kStart.addDays(7));
            EXPECT_TRUE(r.title.contains(u"Scalp"_s));
        }
    center.check();
    EXPECT_EQ(spy.count(), 1) << "and once only";
}

TEST_F(RemindersTest, WithoutATrayTheBannerShowsThem) {
    ASSERT_FALSE(QSystemTrayIcon::isSystemTrayAvailable()) << "the offscreen platform has none";
    ui::MainWindow window(*m_context);
    window.show();
    window.setRemindersEnabled(true);
    EXPECT_TRUE(window.reminderBanner()->isVisible());
    EXPECT_TRUE(window.reminderBanner()->text().contains(u"Scalp"_s))
        << window.reminderBanner()->text().toStdString();
    window.setRemindersEnabled(false);
    EXPECT_TRUE(window.reminderBanner()->isHidden());
}

// An answered question, or a logged session, leaves the banner at once: it never asks again what
// was answered.
TEST_F(RemindersTest, TheBannerDropsWhatWasAnsweredOrDone) {
    const auto logged = m_context->logbook().log(test::session(u"face"_s, 0.25, kStart));
    ASSERT_TRUE(logged && logged->id);
    advanceTo(kStart.addDays(1)); // the 24-hour question is due, and nothing was planned today
    ui::MainWindow window(*m_context);
    window.show();
    window.setRemindersEnabled(true);
    ASSERT_TRUE(window.reminderBanner()->isVisible());
    ASSERT_TRUE(window.reminderBanner()->text().contains(u"skin"_s))
        << window.reminderBanner()->text().toStdString();
    ASSERT_TRUE(m_context->logbook().addFollowUp(
        FollowUp{0, *logged->id, kStart.addDays(1), u"fine"_s, {}}));
    EXPECT_FALSE(window.reminderBanner()->text().contains(u"skin"_s))
        << window.reminderBanner()->text().toStdString();
    EXPECT_TRUE(window.reminderBanner()->text().contains(u"Scalp"_s)) << "the missed day stays";
    // Yesterday's planned scalp session, logged after all: nothing is left to remind of.
    ASSERT_TRUE(m_context->logbook().log(test::session(u"scalp"_s, 0.25, kStart)));
    EXPECT_TRUE(window.reminderBanner()->isHidden())
        << window.reminderBanner()->text().toStdString();
}

// New reminders join those the banner shows; one not answered yet does not leave because others
// came.
TEST_F(RemindersTest, TheBannerAddsNewRemindersToThoseNotAnswered) {
    ui::ReminderBanner banner;
    Reminder first{Reminder::Kind::FollowUp, u"a"_s, kStart, u"Face"_s, u"how is the skin?"_s};
    Reminder second{Reminder::Kind::Session, u"b"_s, kStart, u"Scalp"_s, u"due today"_s};
    banner.showReminders({first});
    banner.showReminders({second});
    EXPECT_TRUE(banner.text().contains(u"Face"_s)) << banner.text().toStdString();
    EXPECT_TRUE(banner.text().contains(u"Scalp"_s));
    banner.showReminders({second});
    EXPECT_EQ(banner.text().count(u"Scalp"_s), 1) << "once";
    banner.keepOnly({second});
    EXPECT_FALSE(banner.text().contains(u"Face"_s));
}

TEST_F(RemindersTest, PreferencesOfferStartAtLoginOnlyWithReminders) {
    ui::PreferencesDialog dialog(ui::Preferences::load());
    EXPECT_FALSE(dialog.remindersBox()->isChecked());
    EXPECT_FALSE(dialog.startAtLoginBox()->isEnabled());
    dialog.remindersBox()->setChecked(true);
    ASSERT_TRUE(dialog.startAtLoginBox()->isEnabled());
    dialog.startAtLoginBox()->setChecked(true);
    ui::Preferences chosen = dialog.preferences();
    EXPECT_TRUE(chosen.reminders);
    EXPECT_TRUE(chosen.startAtLogin);
    chosen.save();
    EXPECT_EQ(ui::Preferences::load(), chosen);
    dialog.remindersBox()->setChecked(false);
    EXPECT_FALSE(dialog.startAtLoginBox()->isChecked());
    EXPECT_FALSE(dialog.preferences().startAtLogin);
}

TEST_F(RemindersTest, StartAtLoginIsAnAutostartEntryRemovedWhenTurnedOff) {
    const QString entry = ui::autostart::entryPath();
    EXPECT_TRUE(entry.endsWith(u"/autostart/dermaplan.desktop"_s));
    ASSERT_TRUE(qEnvironmentVariable("XDG_CONFIG_HOME").size() > 0);
    EXPECT_TRUE(entry.startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")))
        << "never the user's own folder in a test";
    ASSERT_TRUE(ui::autostart::set(true, u"/opt/my apps/derma$plan"_s));
    ASSERT_TRUE(ui::autostart::isSet());
    QFile file(entry);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.startsWith(u"[Desktop Entry]\n"_s));
    EXPECT_TRUE(text.contains(u"Exec=\"/opt/my apps/derma\\\\$plan\" --minimized\n"_s))
        << text.toStdString();
    ASSERT_TRUE(ui::autostart::set(false, {}));
    EXPECT_FALSE(QFile::exists(entry));
    EXPECT_TRUE(ui::autostart::set(false, {})) << "nothing to remove is fine";
}

TEST_F(RemindersTest, ANewDaysRemindersWaitForTheMorning) {
    QTime now(0, 0, 1);
    ui::ReminderCenter center(*m_context, [&now] { return now; });
    QSignalSpy spy(&center, &ui::ReminderCenter::remindersDue);
    center.setEnabled(true);
    ASSERT_EQ(spy.count(), 1) << "turned on: at once";
    advanceTo(kStart.addDays(7)); // midnight, and the next planned day
    EXPECT_EQ(spy.count(), 1) << "not at midnight";
    EXPECT_TRUE(center.isWaitingForMorning());
    now = QTime(9, 0);
    advanceTo(kStart.addDays(14)); // a day that starts after 7:00 (the app slept)
    EXPECT_EQ(spy.count(), 2);
}

TEST_F(RemindersTest, EachDatabaseKeepsItsOwnRemindersSeen) {
    {
        ui::ReminderCenter first(*m_context, noon);
        first.setEnabled(true);
    }
    auto other = LogbookFile::open(m_dir.filePath(u"other.sqlite"_s), kStart);
    ASSERT_TRUE(other);
    ui::AppContext context(test::rules(), **other, TodayClock([this] { return m_today; }));
    ASSERT_TRUE(context.logbook().addRegimen(test::regimen(0, u"scalp"_s, 0.25, 7, kStart)));
    ui::ReminderCenter second(context, noon);
    QSignalSpy spy(&second, &ui::ReminderCenter::remindersDue);
    second.setEnabled(true);
    EXPECT_EQ(spy.count(), 1) << "the same kind of reminder, about another database";
}
