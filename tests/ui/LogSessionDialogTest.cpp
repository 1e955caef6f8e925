// The log dialog, driven as a user would: typing and clicking, then asserting what the store holds.
#include "AppFixture.h"
#include "TestSupport.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "dialogs/LogSessionDialog.h"
#include "logbook/Logbook.h"
#include "pages/TodayPage.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

using test::findByName;

class LogDialogTest : public test::AppFixture {
protected:
    LogDialogTest()
        : AppFixture(kToday) {}

    // A roller named `name` with a `mm` needle, used on `area` on `date`; its id (0 on failure).
    qint64 rollerUsed(const QString& name, const QString& area, double mm, QDate date) {
        Device roller;
        roller.name = name;
        roller.needle = NeedleLength::fromMillimetres(mm);
        const auto id = m_context->logbook().addDevice(roller);
        EXPECT_TRUE(id);
        Session s = test::session(area, mm, date);
        s.deviceId = id ? *id : 0;
        EXPECT_TRUE(SessionStore(*m_db).add(s));
        return id ? *id : 0;
    }

    QPushButton* saveButton(ui::LogSessionDialog& d) {
        return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    }
};

} // namespace

TEST_F(LogDialogTest, TypingASessionAndSavingStoresIt) {
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    auto* area = findByName<QComboBox>(&dialog, QStringLiteral("Area"));
    area->setCurrentIndex(area->findData(QStringLiteral("scalp")));
    auto* needle = findByName<QComboBox>(&dialog, QStringLiteral("Needle length in millimetres"));
    needle->lineEdit()->selectAll();
    QTest::keyClicks(needle->lineEdit(), QStringLiteral("0.25"));
    auto* zones = findByName<QListWidget>(&dialog, QStringLiteral("Zones"));
    zones->item(0)->setCheckState(Qt::Checked); // hairline
    QTest::keyClicks(findByName<QLineEdit>(&dialog, QStringLiteral("Reaction")),
                     QStringLiteral("mild redness"));

    ASSERT_TRUE(saveButton(dialog)->isEnabled());
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);

    const auto stored = SessionStore(*m_db).list({});
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1);
    EXPECT_EQ(stored->at(0).area, QStringLiteral("scalp"));
    EXPECT_EQ(stored->at(0).zones, QStringList{QStringLiteral("hairline")});
    EXPECT_EQ(stored->at(0).needle, NeedleLength::fromMillimetres(0.25));
    EXPECT_EQ(stored->at(0).reaction, QStringLiteral("mild redness"));
    EXPECT_EQ(stored->at(0).date, kToday);
    EXPECT_EQ(dialog.savedId(), stored->at(0).id);

    // Saved through the undo stack: Ctrl+Z takes the session back.
    ASSERT_EQ(m_context->undoStack().count(), 1);
    m_context->undoStack().undo();
    EXPECT_TRUE(SessionStore(*m_db).list({})->isEmpty());
}

TEST_F(LogDialogTest, RefusalDisablesSaveUntilAnOverrideReasonIsTyped) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-3));
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    dialog.setArea(QStringLiteral("face"));
    auto* needle = findByName<QComboBox>(&dialog, QStringLiteral("Needle length in millimetres"));
    needle->setCurrentText(QStringLiteral("0.5 mm"));

    ASSERT_TRUE(dialog.verdict());
    EXPECT_EQ(dialog.verdict()->severity, Severity::Refuse);
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    auto* verdictLabel = findByName<QLabel>(&dialog, QStringLiteral("Safety verdict"));
    EXPECT_TRUE(verdictLabel->text().contains(QStringLiteral("7 days")))
        << verdictLabel->text().toStdString();

    auto* override = findByName<QLineEdit>(&dialog, QStringLiteral("Override reason"));
    ASSERT_TRUE(override->isVisible());
    QTest::keyClicks(override, QStringLiteral("dermatologist advised"));
    ASSERT_TRUE(saveButton(dialog)->isEnabled());
    QTest::mouseClick(saveButton(dialog), Qt::LeftButton);

    const auto stored = SessionStore(*m_db).list({});
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 2);
    EXPECT_EQ(stored->at(1).overrideReason, QStringLiteral("dermatologist advised"));
}

TEST_F(LogDialogTest, ProfessionalOnlyNeedleIsRefusedForSelfButRecordedForAProfessional) {
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    dialog.setArea(QStringLiteral("face"));
    findByName<QComboBox>(&dialog, QStringLiteral("Needle length in millimetres"))
        ->setCurrentText(QStringLiteral("1.5"));
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    auto* by = findByName<QComboBox>(&dialog, QStringLiteral("Performed by"));
    by->setCurrentIndex(1);
    EXPECT_TRUE(saveButton(dialog)->isEnabled());
    EXPECT_NE(dialog.verdict()->severity, Severity::Refuse);
}

TEST_F(LogDialogTest, InvalidNeedleTextIsExplainedAndBlocksSaving) {
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    findByName<QComboBox>(&dialog, QStringLiteral("Needle length in millimetres"))
        ->setCurrentText(QStringLiteral("4"));
    EXPECT_FALSE(dialog.verdict());
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    EXPECT_TRUE(findByName<QLabel>(&dialog, QStringLiteral("Safety verdict"))
                    ->text()
                    .contains(QStringLiteral("4")));
}

// Editing the notes of a valid session is not blocked by a later session logged against a rule
// with an override reason; the verdict says the edit changes nothing the rules judge.
TEST_F(LogDialogTest, EditingTheNotesOfAnEarlierSessionIsNotBlockedByALaterOverride) {
    const auto first =
        m_context->logbook().log(test::session(u"face"_qs, 0.5, kToday.addDays(-10)));
    ASSERT_TRUE(first && first->id);
    Session tooSoon = test::session(u"face"_qs, 0.5, kToday.addDays(-7));
    tooSoon.overrideReason = u"my dermatologist said so"_qs;
    const auto second = m_context->logbook().log(tooSoon);
    ASSERT_TRUE(second && second->id);

    ui::LogSessionDialog earlier(*m_context, nullptr, *m_context->logbook().session(*first->id));
    earlier.show();
    findByName<QPlainTextEdit>(&earlier, u"Notes"_qs)->setPlainText(u"stung a little"_qs);
    EXPECT_TRUE(saveButton(earlier)->isEnabled())
        << findByName<QLabel>(&earlier, u"Safety verdict"_qs)->text().toStdString();

    ui::LogSessionDialog later(*m_context, nullptr, *m_context->logbook().session(*second->id));
    later.show();
    findByName<QPlainTextEdit>(&later, u"Notes"_qs)->setPlainText(u"fine after all"_qs);
    EXPECT_TRUE(saveButton(later)->isEnabled());
    EXPECT_TRUE(findByName<QLabel>(&later, u"Safety verdict"_qs)
                    ->text()
                    .contains(u"changes nothing the rules judge"_qs));
}

TEST_F(LogDialogTest, TodayPageSaysWhenEachNeedleIsAllowedAgain) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-2));
    ui::TodayPage page(*m_context);
    const QString face = page.statusOf(QStringLiteral("face"));
    EXPECT_TRUE(face.contains(QStringLiteral("resting: up to 0.5 mm from")) &&
                face.contains(QLocale().toString(kToday.addDays(5), QStringLiteral("d MMM"))))
        << face.toStdString();
    seed(QStringLiteral("scalp"), 0.5, kToday.addDays(-20));
    m_context->logbook().announceChange();
    const QString scalp = page.statusOf(QStringLiteral("scalp"));
    EXPECT_TRUE(scalp.contains(QStringLiteral("allowed now up to 1.5 mm · from 2.0 mm only with a "
                                              "professional")))
        << scalp.toStdString();
    for (const QString& status : {face, scalp})
        EXPECT_FALSE(status.contains(QStringLiteral("safe"), Qt::CaseInsensitive));
}

TEST_F(LogDialogTest, MainWindowIsTitledDermaplanAndHasTheConventionalShortcuts) {
    ui::MainWindow window(*m_context);
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Dermaplan"));
    QStringList shortcuts;
    for (QAction* a : window.findChildren<QAction*>())
        shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+N")));
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("F1")));
}

// The app stays open overnight: the injected clock moves past midnight and every date moves
// with it (log dialog default and maximum, the Today page).
TEST_F(LogDialogTest, TheDateMovesOnWhenTheAppStaysOpenPastMidnight) {
    seed(QStringLiteral("face"), 0.25, kToday.addDays(-1));
    ui::TodayPage today(*m_context);
    ui::LogSessionDialog dialog(*m_context);
    auto* date = dialog.findChild<QDateEdit*>();
    ASSERT_NE(date, nullptr);
    const QString before = today.statusOf(QStringLiteral("face"));
    EXPECT_TRUE(before.contains(QStringLiteral("resting: up to 0.3 mm from")))
        << before.toStdString();

    advanceTo(kToday.addDays(6)); // the next week, the app never closed
    EXPECT_EQ(date->date(), m_today) << "the untouched default follows today";
    EXPECT_EQ(m_context->today(), m_today);
    const QString after = today.statusOf(QStringLiteral("face"));
    EXPECT_NE(after, before);
    EXPECT_TRUE(after.contains(QStringLiteral("allowed now up to 0.5 mm"))) << after.toStdString();
}

namespace {

QLabel* labelSaying(QWidget* root, const QString& text) {
    for (QLabel* l : root->findChildren<QLabel*>())
        if (l->text() == text)
            return l;
    return nullptr;
}

} // namespace

TEST_F(LogDialogTest, AFutureDateSaysWhyWhereItIsTyped) {
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    auto* date = dialog.findChild<QDateEdit*>();
    QLabel* why = labelSaying(&dialog, QStringLiteral("Sessions are logged after they happen; plan "
                                                      "future ones on the Plan page."));
    ASSERT_NE(why, nullptr);
    EXPECT_FALSE(why->isVisible());
    date->setDate(kToday.addDays(1));
    EXPECT_TRUE(why->isVisible());
    EXPECT_FALSE(saveButton(dialog)->isEnabled());
    date->setDate(kToday);
    EXPECT_FALSE(why->isVisible());
    EXPECT_TRUE(saveButton(dialog)->isEnabled());
}

TEST_F(LogDialogTest, OpensOnTodaysPlannedAreaWithTheDeviceLastUsedThere) {
    const qint64 rollerId = rollerUsed(QStringLiteral("Scalp roller"), QStringLiteral("scalp"), 0.5,
                                       kToday.addDays(-14));
    seed(QStringLiteral("face"), 0.25, kToday.addDays(-1)); // the latest session is on the face
    Regimen hair;
    hair.name = QStringLiteral("Hair");
    hair.area = QStringLiteral("scalp");
    hair.zones = {QStringLiteral("crown")};
    hair.needle = NeedleLength::fromMillimetres(0.5);
    hair.everyDays = 14;
    hair.start = kToday;
    ASSERT_TRUE(m_context->logbook().addRegimen(hair));

    ui::LogSessionDialog dialog(*m_context);
    EXPECT_EQ(dialog.draft().area, QStringLiteral("scalp")) << "today's planned session";
    EXPECT_EQ(dialog.draft().zones, QStringList{QStringLiteral("crown")});
    EXPECT_EQ(dialog.draft().needle, NeedleLength::fromMillimetres(0.5));
    EXPECT_EQ(dialog.draft().deviceId, rollerId);
    // Another area: what was done there last, without the scalp's roller.
    auto* area = findByName<QComboBox>(&dialog, QStringLiteral("Area"));
    area->setCurrentIndex(area->findData(QStringLiteral("face")));
    EXPECT_EQ(dialog.draft().needle, NeedleLength::fromMillimetres(0.25));
    EXPECT_FALSE(dialog.draft().deviceId.has_value());
}

TEST_F(LogDialogTest, WithoutAPlanItOpensOnTheLatestSessionsArea) {
    seed(QStringLiteral("scalp"), 0.5, kToday.addDays(-20));
    seed(QStringLiteral("neck"), 0.25, kToday.addDays(-3));
    ui::LogSessionDialog dialog(*m_context);
    EXPECT_EQ(dialog.draft().area, QStringLiteral("neck"));
    EXPECT_EQ(dialog.draft().needle, NeedleLength::fromMillimetres(0.25));
}

TEST_F(LogDialogTest, ARefusalSaysItsDatesInTheLocalesLongForm) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-1));
    ui::LogSessionDialog dialog(*m_context);
    ASSERT_EQ(dialog.draft().area, QStringLiteral("face"));
    const QString verdict = findByName<QLabel>(&dialog, QStringLiteral("Safety verdict"))->text();
    EXPECT_TRUE(verdict.contains(QLocale().toString(kToday.addDays(-1), QLocale::LongFormat)))
        << verdict.toStdString();
    EXPECT_FALSE(verdict.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"))))
        << verdict.toStdString();
}

TEST_F(LogDialogTest, FitsAn800x600ScreenWithSaveInSight) {
    const QSize screen = QGuiApplication::primaryScreen()->availableSize();
    ASSERT_LE(screen.width(), 1024) << "the offscreen screen is small";
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-1)); // a long refusal to show
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    EXPECT_LE(dialog.width(), screen.width());
    EXPECT_LE(dialog.height(), screen.height());
    const QRect save(saveButton(dialog)->mapTo(&dialog, QPoint(0, 0)), saveButton(dialog)->size());
    EXPECT_TRUE(dialog.rect().contains(save));
}

// On an 800x600 screen (less a panel) the fields scroll, and the live verdict stays in sight
// under them whichever field is in view.
TEST_F(LogDialogTest, OnA800x600ScreenTheVerdictStaysInSightWhileTheFormScrolls) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-1)); // a long refusal to show
    for (const QSize screen : {QSize(800, 570), QSize(640, 450)}) {
        ui::LogSessionDialog dialog(*m_context);
        dialog.fitTo(screen);
        dialog.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
        EXPECT_LE(dialog.height(), screen.height());
        const QRect save(saveButton(dialog)->mapTo(&dialog, QPoint(0, 0)),
                         saveButton(dialog)->size());
        EXPECT_TRUE(dialog.rect().contains(save));
        auto* verdict = findByName<QLabel>(&dialog, QStringLiteral("Safety verdict"));
        for (QWidget* field :
             {static_cast<QWidget*>(dialog.findChild<QDateEdit*>()),
              static_cast<QWidget*>(findByName<QPlainTextEdit>(&dialog, u"Notes"_qs))}) {
            field->setFocus(); // the scroll area brings the focused field into view
            QApplication::processEvents();
            EXPECT_FALSE(verdict->visibleRegion().isEmpty())
                << "with " << field->accessibleName().toStdString() << " in view";
            EXPECT_LT(verdict->mapTo(&dialog, QPoint(0, 0)).y(), save.top());
        }
        // Not inside the scrolling of the fields.
        for (QWidget* w = verdict; w; w = w->parentWidget()) {
            if (auto* scroll = qobject_cast<QScrollArea*>(w)) {
                EXPECT_FALSE(scroll->widget()->isAncestorOf(dialog.findChild<QDateEdit*>()));
            }
        }
    }
}

TEST_F(LogDialogTest, AnEditKeepsItsDateOverMidnightAndAFutureDateIsLookedAtAgain) {
    Session existing;
    existing.id = 1;
    existing.area = QStringLiteral("face");
    existing.needle = NeedleLength::fromMillimetres(0.25);
    existing.date = kToday;
    ui::LogSessionDialog edit(*m_context, nullptr, existing);
    ui::LogSessionDialog fresh(*m_context);
    auto* freshDate = fresh.findChild<QDateEdit*>();
    freshDate->setDate(kToday.addDays(1)); // tomorrow: refused for now
    EXPECT_FALSE(fresh.verdict());

    advanceTo(kToday.addDays(1));
    EXPECT_EQ(edit.findChild<QDateEdit*>()->date(), kToday) << "an edit keeps the session's date";
    EXPECT_TRUE(fresh.verdict()) << "tomorrow is today now: the date is allowed";
}

TEST_F(LogDialogTest, AnotherAreaDoesNotKeepTheFirstAreasDevice) {
    const qint64 rollerId =
        rollerUsed(QStringLiteral("Face roller"), QStringLiteral("face"), 0.25, kToday.addDays(-3));
    ui::LogSessionDialog dialog(*m_context);
    ASSERT_EQ(dialog.draft().deviceId, rollerId);
    auto* area = findByName<QComboBox>(&dialog, QStringLiteral("Area"));
    area->setCurrentIndex(area->findData(QStringLiteral("body"))); // never rolled
    EXPECT_FALSE(dialog.draft().deviceId.has_value());
}
