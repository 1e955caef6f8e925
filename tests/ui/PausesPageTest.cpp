// Pauses in the app: the dialog refuses days out of order, the Plan page lists the pauses ahead,
// marks their days on the calendar, and the plan moves past them; adding and removing a pause
// are undone with Ctrl+Z.
#include "AppFixture.h"

#include "commands/Edits.h"
#include "dialogs/PauseDialog.h"
#include "logbook/Logbook.h"
#include "pages/PlanPage.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 24);

class PausesPageTest : public test::AppFixture {
protected:
    PausesPageTest()
        : AppFixture(kToday) {}
};

} // namespace

TEST_F(PausesPageTest, TheDialogRefusesALastDayBeforeTheFirst) {
    ui::PauseDialog dialog(test::rules(), kToday);
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled());
    dialog.toEdit()->setDate(kToday.addDays(-1));
    EXPECT_FALSE(ok->isEnabled());
    dialog.toEdit()->setDate(kToday.addDays(10));
    dialog.areaBox()->setCurrentIndex(dialog.areaBox()->findData(u"scalp"_s));
    dialog.reasonEdit()->setText(u"  Holiday "_s);
    EXPECT_TRUE(ok->isEnabled());
    const Pause p = dialog.pause();
    EXPECT_EQ(p.from, kToday);
    EXPECT_EQ(p.to, kToday.addDays(10));
    EXPECT_EQ(p.area, u"scalp"_s);
    EXPECT_EQ(p.reason, u"Holiday"_s);
}

TEST_F(PausesPageTest, ThePlanPageShowsPausesMovesThePlanAndUndoesBoth) {
    // Scalp every 14 days from 30 Nov; a holiday 10–20 Dec moves 14 Dec to 21 Dec.
    ASSERT_TRUE(m_context->logbook().addRegimen(
        test::regimen(0, u"scalp"_s, 0.5, 14, QDate(2026, 11, 30))));
    ui::PlanPage page(*m_context);
    page.resize(1100, 720);
    page.show();
    EXPECT_TRUE(page.pauses().isEmpty());
    ASSERT_EQ(page.pauseList()->count(), 1) << "a sentence says what a pause is for";

    ASSERT_TRUE(ui::Edits(*m_context)
                    .addPause(Pause{0, QDate(2026, 12, 10), QDate(2026, 12, 20), u"scalp"_s,
                                    u"Holiday"_s}));
    ASSERT_EQ(page.pauses().size(), 1);
    EXPECT_TRUE(page.pauseList()->item(0)->text().contains(u"Holiday"_s));
    page.calendar()->setSelectedDate(QDate(2026, 12, 14));
    page.calendar()->setCurrentPage(2026, 12);
    EXPECT_TRUE(page.dayDescription(QDate(2026, 12, 14)).contains(u"paused (Scalp): Holiday"_s))
        << page.dayDescription(QDate(2026, 12, 14)).toStdString();
    EXPECT_FALSE(page.dayDescription(QDate(2026, 12, 14)).contains(u"planned"_s));
    EXPECT_TRUE(page.dayDescription(QDate(2026, 12, 21)).contains(u"planned"_s))
        << "the day after the pause";

    m_context->undoStack().undo();
    EXPECT_TRUE(page.pauses().isEmpty());
    EXPECT_TRUE(page.dayDescription(QDate(2026, 12, 14)).contains(u"planned"_s));
    m_context->undoStack().redo();
    ASSERT_EQ(page.pauses().size(), 1);

    page.pauseList()->setCurrentRow(0);
    const Pause before = page.pauses().constFirst();
    page.removeSelectedPause();
    EXPECT_TRUE(page.pauses().isEmpty());
    EXPECT_TRUE(m_context->logbook().pauses()->isEmpty());
    m_context->undoStack().undo();
    ASSERT_EQ(page.pauses().size(), 1);
    EXPECT_EQ(page.pauses().constFirst(), before) << "back as it was, with its id";
}
