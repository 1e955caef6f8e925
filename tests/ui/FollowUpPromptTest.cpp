// Follow-ups in the app: the Today page asks the questions due and stores an answer in one
// click (an undoable change), says which area a reaction holds and what to do, History lists the
// answers, and deleting a session takes its answers with it and brings them back on undo.
#include "AppFixture.h"

#include "MainWindow.h"
#include "commands/Edits.h"
#include "models/SessionTableModel.h"
#include "pages/HistoryPage.h"
#include "pages/TodayPage.h"
#include "storage/FollowUpStore.h"
#include "storage/SessionStore.h"
#include "widgets/FollowUpPrompt.h"

#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 24);

class FollowUpPromptTest : public test::AppFixture {
protected:
    FollowUpPromptTest()
        : AppFixture(kToday) {}

    QList<FollowUp> answers(qint64 session) { return *FollowUpStore(*m_db).forSessions({session}); }
};

QPushButton* answerButton(QWidget* root, const QString& label) {
    for (QPushButton* b : root->findChildren<QPushButton*>())
        if (b->isVisible() && b->text() == label)
            return b;
    return nullptr;
}

} // namespace

// Three questions due at once do not push the table of areas out of sight at 800x600: it
// comes right under the Log button, before what the day holds.
TEST_F(FollowUpPromptTest, ThreeQuestionsLeaveTheAreasInSightAt800x600) {
    for (const char* area : {"face", "neck", "body"})
        ASSERT_TRUE(m_context->logbook().log(
            test::session(QString::fromLatin1(area), 0.25, kToday.addDays(-1))));
    ui::TodayPage page(*m_context);
    page.resize(800, 480); // an 800x600 screen less the menu, toolbar, tabs and status bar
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    ASSERT_GE(page.findChildren<QPushButton*>().size(), 3 * 6) << "three questions are asked";
    QTableView* areas = page.areaTable();
    const QRegion seen = areas->visibleRegion();
    EXPECT_FALSE(seen.isEmpty());
    EXPECT_GE(seen.boundingRect().height(), areas->height() * 9 / 10)
        << "the whole table, not its first pixels";
}

TEST_F(FollowUpPromptTest, TodayAsksWhatIsDueAndOneClickStoresAnAnswerThatCanBeUndone) {
    Device roller;
    roller.name = QStringLiteral("Roller");
    roller.needle = NeedleLength::fromMillimetres(0.25);
    ASSERT_TRUE(ui::Edits(*m_context).addDevice(roller)); // an earlier change, on the stack
    const qint64 id = seed(QStringLiteral("face"), 0.25, kToday.addDays(-1));
    seed(QStringLiteral("scalp"), 0.25, kToday); // nothing asked on its own day
    ui::TodayPage page(*m_context);
    page.resize(800, 600);
    page.show();
    auto* prompt = page.findChild<ui::FollowUpPrompt*>();
    ASSERT_TRUE(prompt);
    EXPECT_TRUE(prompt->isVisible());
    ASSERT_EQ(prompt->questions().size(), 1);
    EXPECT_TRUE(prompt->questions().constFirst().startsWith(u"Face · 0.25 mm"))
        << prompt->questions().constFirst().toStdString();
    EXPECT_TRUE(prompt->questions().constFirst().endsWith(u"24 hours after: how is the skin?"))
        << prompt->questions().constFirst().toStdString();

    QPushButton* infection = answerButton(prompt, QStringLiteral("Signs of infection"));
    ASSERT_TRUE(infection);
    EXPECT_FALSE(infection->toolTip().isEmpty()) << "says what it looks like";
    QTest::mouseClick(infection, Qt::LeftButton);
    QCoreApplication::processEvents(); // the old rows are deleted later
    ASSERT_EQ(answers(id).size(), 1);
    EXPECT_EQ(answers(id).constFirst().state, QStringLiteral("infection"));
    EXPECT_EQ(answers(id).constFirst().date, kToday);
    EXPECT_FALSE(prompt->isVisible()) << "answered for today";
    EXPECT_TRUE(page.whatNow().contains(
        u"On hold\n✖ Face: Signs of infection since Tue 24 Nov: See a doctor now."))
        << page.whatNow().toStdString();
    EXPECT_TRUE(page.whatNow().contains(u"See a doctor now")) << page.whatNow().toStdString();
    EXPECT_TRUE(page.statusOf(QStringLiteral("face")).contains(u"on hold"));

    m_context->undoStack().undo(); // Ctrl+Z takes back the answer, nothing older
    EXPECT_TRUE(answers(id).isEmpty());
    EXPECT_EQ(m_context->logbook().devices(true)->size(), 1) << "the change before it stays";
    EXPECT_TRUE(prompt->isVisible()) << "asked again";
    EXPECT_FALSE(page.whatNow().contains(u"On hold"));
    m_context->undoStack().redo();
    ASSERT_EQ(answers(id).size(), 1);
    EXPECT_TRUE(page.whatNow().contains(u"On hold"));
}

TEST_F(FollowUpPromptTest, AnOpenReactionIsAskedAboutWithItsAdviceUntilItResolves) {
    const qint64 id = seed(QStringLiteral("face"), 0.5, kToday.addDays(-10));
    FollowUp redness{0, id, kToday.addDays(-6), QStringLiteral("redness"), {}};
    ASSERT_TRUE(FollowUpStore(*m_db).add(redness));
    ui::TodayPage page(*m_context);
    page.show();
    auto* prompt = page.findChild<ui::FollowUpPrompt*>();
    ASSERT_EQ(prompt->questions().size(), 1);
    EXPECT_TRUE(prompt->questions().constFirst().contains(u"Redness since")) << "lasting";
    EXPECT_TRUE(answerButton(prompt, QStringLiteral("Resolved"))) << "offered while open";
    const QString now = page.whatNow();
    EXPECT_TRUE(now.contains(u"see a doctor")) << "ten days on: " << now.toStdString();

    QTest::mouseClick(answerButton(prompt, QStringLiteral("Resolved")), Qt::LeftButton);
    QCoreApplication::processEvents();
    EXPECT_TRUE(prompt->questions().isEmpty());
    EXPECT_FALSE(page.whatNow().contains(u"On hold"));
    // The clock counts again from today: 0.5 mm on the face waits its minimum from here.
    EXPECT_TRUE(page.statusOf(QStringLiteral("face")).startsWith(u"✖"))
        << page.statusOf(QStringLiteral("face")).toStdString();
}

TEST_F(FollowUpPromptTest, HistoryListsTheAnswersAndDeletingASessionTakesThemAlongForUndo) {
    const qint64 id = seed(QStringLiteral("face"), 0.25, kToday.addDays(-5));
    FollowUp first{0, id, kToday.addDays(-4), QStringLiteral("redness"), QStringLiteral("mild")};
    FollowUp second{0, id, kToday.addDays(-2), QStringLiteral("fine"), {}};
    ASSERT_TRUE(FollowUpStore(*m_db).add(first));
    ASSERT_TRUE(FollowUpStore(*m_db).add(second));
    const QList<FollowUp> before = answers(id);
    ASSERT_EQ(before.size(), 2);

    ui::MainWindow window(*m_context);
    window.show();
    ui::HistoryPage* history = window.historyPage();
    window.showPage(history);
    const QModelIndex cell = history->model()->index(0, ui::SessionTableModel::FollowUpsColumn);
    EXPECT_EQ(cell.data().toString(), QStringLiteral("Redness (Fri 20 Nov), Fine (Sun 22 Nov)"));
    EXPECT_FALSE(history->view()->isColumnHidden(ui::SessionTableModel::FollowUpsColumn));
    EXPECT_EQ(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("Redness (Fri 20 Nov): mild"))
        << "the notes of the answers that have some";

    const Session session = history->model()->sessionAt(0);
    ASSERT_TRUE(ui::Edits(*m_context).deleteSession(session));
    EXPECT_TRUE(answers(id).isEmpty()) << "they go with their session";
    m_context->undoStack().undo();
    const auto restored = m_context->logbook().sessions({});
    ASSERT_TRUE(restored);
    ASSERT_EQ(restored->size(), 1);
    EXPECT_EQ(answers(restored->constFirst().id), before) << "same answers, ids and notes";
}

// Another program's change meanwhile: an undo never takes back an answer it did not give, and
// answers given about a logged session go and come back with it.
TEST_F(FollowUpPromptTest, UndoNeverRemovesAnotherProgramsAnswerThatTookTheId) {
    const qint64 mine = seed(QStringLiteral("face"), 0.25, kToday.addDays(-1));
    const qint64 other = seed(QStringLiteral("scalp"), 0.25, kToday.addDays(-1));
    ASSERT_TRUE(ui::Edits(*m_context).answerFollowUp({0, mine, kToday, u"fine"_s, {}}));
    const qint64 answerId = answers(mine).constFirst().id;
    // The command-line tool deletes the session (its answer goes with it), then answers about
    // another session: SQLite gives that answer the freed id.
    ASSERT_TRUE(SessionStore(*m_db).remove(mine));
    const auto theirs = FollowUpStore(*m_db).add({0, other, kToday, u"redness"_s, {}});
    ASSERT_TRUE(theirs);
    ASSERT_EQ(*theirs, answerId) << "the id is reused: the case this test is about";
    QStringList reported;
    QObject::connect(m_context.get(), &ui::AppContext::errorOccurred,
                     [&](const QString& message) { reported << message; });
    m_context->undoStack().undo();
    EXPECT_EQ(answers(other).size(), 1) << "their answer stays";
    EXPECT_EQ(reported.size(), 1);
    EXPECT_EQ(m_context->undoStack().count(), 0) << "the command that could not undo is dropped";
}

TEST_F(FollowUpPromptTest, UndoingALoggedSessionTakesItsAnswersAlongAndRedoBringsThemBack) {
    Session s = test::session(QStringLiteral("face"), 0.25, kToday.addDays(-1));
    s.zones = QStringList{QStringLiteral("cheeks")};
    const auto logged = ui::Edits(*m_context).logSession(s);
    ASSERT_TRUE(logged && logged->id);
    // Answered from the command line meanwhile.
    ASSERT_TRUE(FollowUpStore(*m_db).add({0, *logged->id, kToday, u"redness"_s, u"warm"_s}));
    const QList<FollowUp> given = answers(*logged->id);
    m_context->undoStack().undo();
    EXPECT_EQ(*SessionStore(*m_db).count({}), 0);
    m_context->undoStack().redo();
    const auto back = m_context->logbook().sessions({});
    ASSERT_EQ(back->size(), 1);
    EXPECT_EQ(answers(back->constFirst().id), given);
}
