// The shared input widgets: one needle picker and one zone checklist, the same in every dialog.
#include "AppFixture.h"

#include "dialogs/LogSessionDialog.h"
#include "dialogs/RegimenDialog.h"
#include "settings/Preferences.h"
#include "widgets/EditableList.h"
#include "widgets/Messages.h"
#include "widgets/NeedleComboBox.h"
#include "widgets/ZoneChecklist.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace dermaplan;
using ui::NeedleComboBox;
using namespace Qt::StringLiterals;

TEST(NeedleComboBox, EachModeOffersTheStandardSizesAndReadsBackALength) {
    const RuleBook& rules = test::rules();
    NeedleComboBox choose(rules, NeedleComboBox::Mode::Choose);
    EXPECT_FALSE(choose.isEditable());
    EXPECT_EQ(choose.count(), rules.standardSizes().size());
    EXPECT_EQ(choose.needle(), NeedleComboBox::defaultNeedle());
    choose.setNeedle(NeedleLength::fromMillimetres(1.0));
    EXPECT_EQ(choose.needle(), NeedleLength::fromMillimetres(1.0));

    NeedleComboBox filter(rules, NeedleComboBox::Mode::AnyOrChoose);
    EXPECT_EQ(filter.count(), rules.standardSizes().size() + 1);
    EXPECT_EQ(filter.needle(), std::nullopt) << "\"Any needle\" first";
    filter.setCurrentIndex(1);
    EXPECT_EQ(filter.needle(), rules.standardSizes().first());

    NeedleComboBox typed(rules, NeedleComboBox::Mode::ChooseOrType);
    QSignalSpy changed(&typed, &NeedleComboBox::needleChanged);
    typed.lineEdit()->selectAll();
    QTest::keyClicks(typed.lineEdit(), QStringLiteral("0.3"));
    EXPECT_EQ(typed.needle(), NeedleLength::fromMillimetres(0.3)) << "a length between sizes";
    EXPECT_GT(changed.count(), 0);
    typed.setNeedle(NeedleLength::fromMillimetres(0.6));
    EXPECT_EQ(typed.needle(), NeedleLength::fromMillimetres(0.6));
    typed.lineEdit()->selectAll();
    QTest::keyClicks(typed.lineEdit(), QStringLiteral("lots"));
    EXPECT_EQ(typed.needle(), std::nullopt);
}

TEST(ZoneChecklist, ShowsAnAreasZonesAndReadsBackTheChecked) {
    ui::ZoneChecklist zones;
    QSignalSpy changed(&zones, &ui::ZoneChecklist::zonesChanged);
    const Area* face = test::rules().area(QStringLiteral("face"));
    ASSERT_TRUE(face);
    zones.showZonesOf(face);
    EXPECT_EQ(zones.count(), face->zones.size());
    EXPECT_TRUE(zones.isEnabled());
    EXPECT_TRUE(zones.checkedZones().isEmpty()) << "none checked: the whole area";
    const QStringList two{face->zones.at(0).id, face->zones.at(2).id};
    zones.setCheckedZones(two);
    EXPECT_EQ(zones.checkedZones(), two);
    zones.item(0)->setCheckState(Qt::Unchecked); // a click
    EXPECT_EQ(zones.checkedZones(), QStringList{face->zones.at(2).id});
    EXPECT_GE(changed.count(), 3);
    zones.showZonesOf(nullptr);
    EXPECT_EQ(zones.count(), 0);
    EXPECT_FALSE(zones.isEnabled());
}

// Before, the log dialog started on 0.5 mm, the wizard on 0.25 mm: now every picker starts on
// the same, conservative size.
class NeedleInDialogs : public test::AppFixture {};

TEST_F(NeedleInDialogs, EveryDialogStartsOnTheSameNeedle) {
    ui::LogSessionDialog log(*m_context);
    ui::RegimenDialog regimen(*m_context);
    for (QWidget* dialog : {static_cast<QWidget*>(&log), static_cast<QWidget*>(&regimen)}) {
        const auto pickers = dialog->findChildren<NeedleComboBox*>();
        ASSERT_EQ(pickers.size(), 1);
        EXPECT_EQ(pickers.first()->needle(), NeedleComboBox::defaultNeedle());
    }
}

// The boxes themselves, as a person meets them: Enter never takes the action a question asks
// about, and a choice says which button was pressed.
// In the dark theme a list's check box stands out from the list, ticked or not: the box's edge
// is drawn darker than the window, so the list behind it must be lighter than that edge.
TEST(DarkTheme, ListCheckBoxesStandOutFromTheList) {
    ui::applyTheme(ui::Preferences::Theme::Dark);
    QListWidget list;
    for (const Qt::CheckState state : {Qt::Unchecked, Qt::Checked}) {
        auto* item = new QListWidgetItem(u"Crown"_s, &list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(state);
    }
    list.resize(200, 80);
    list.show();
    QApplication::processEvents();
    const QImage image = list.viewport()->grab().toImage();
    for (int row = 0; row < 2; ++row) {
        // The box is at the row's start: the range of lightness over it is its edge on the list.
        const QRect box = list.visualItemRect(list.item(row)).adjusted(0, 0, 0, 0);
        int lightest = 0, darkest = 255;
        for (int x = box.left(); x < box.left() + box.height() + 4; ++x)
            for (int y = box.top(); y <= box.bottom(); ++y) {
                const int l = QColor(image.pixel(x, y)).lightness();
                lightest = std::max(lightest, l);
                darkest = std::min(darkest, l);
            }
        EXPECT_GE(lightest - darkest, 20) << "row " << row;
    }
    ui::applyTheme(ui::Preferences::Theme::Light);
}

TEST(Messages, EnterCancelsAQuestionAndAChoiceNamesTheButtonPressed) {
    QTimer::singleShot(0, [] {
        QWidget* box = QApplication::activeModalWidget();
        ASSERT_NE(box, nullptr);
        QTest::keyClick(box, Qt::Key_Return);
    });
    EXPECT_FALSE(ui::confirm(nullptr, QStringLiteral("Remove"), QStringLiteral("Remove it?"),
                             QStringLiteral("&Remove")));

    QTimer::singleShot(0, [] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        for (QAbstractButton* b : box->buttons())
            if (b->text() == QStringLiteral("Second"))
                b->click();
    });
    EXPECT_EQ(ui::chooseAction(nullptr, ui::MessageLevel::Critical, QStringLiteral("Pick"),
                               QStringLiteral("Which?"), {u"First"_s, u"Second"_s}, 0),
              1);

    QTimer::singleShot(0, [] {
        QWidget* box = QApplication::activeModalWidget();
        ASSERT_NE(box, nullptr);
        QTest::keyClick(box, Qt::Key_Escape);
    });
    EXPECT_EQ(ui::chooseAction(nullptr, ui::MessageLevel::Critical, QStringLiteral("Pick"),
                               QStringLiteral("Which?"), {u"First"_s}, 0),
              -1)
        << "Escape closes";
}

TEST(Messages, WhileATestAnswersNoBoxIsShownAndEachIsRecorded) {
    ui::MessageAnswers answers({QStringLiteral("Remove"), QStringLiteral("Second")});
    EXPECT_TRUE(ui::confirm(nullptr, QStringLiteral("Remove"), QStringLiteral("Remove it?"),
                            QStringLiteral("&Remove")));
    EXPECT_EQ(ui::chooseAction(nullptr, ui::MessageLevel::Critical, QStringLiteral("Pick"),
                               QStringLiteral("Which?"), {u"First"_s, u"Second"_s}, 0),
              1);
    ui::showMessage(nullptr, ui::MessageLevel::Warning, QStringLiteral("Note"),
                    QStringLiteral("Said."));
    EXPECT_FALSE(ui::confirm(nullptr, QStringLiteral("Again"), QStringLiteral("Sure?"),
                             QStringLiteral("Yes")))
        << "no answer left: cancelled";
    ASSERT_EQ(answers.shown().size(), 4);
    EXPECT_TRUE(answers.unmatched().isEmpty());
    EXPECT_EQ(answers.shown().at(2).level, ui::MessageLevel::Warning);
    EXPECT_EQ(answers.shown().at(2).text, QStringLiteral("Said."));
}

TEST(EditableList, TheSentenceOfAnEmptyListIsNeverAnItemAndTheButtonsAsk) {
    ui::EditableList list(u"Things"_s, u"&Add thing…"_s, u"&Remove thing"_s);
    list.setLines({}, u"Nothing yet: add one."_s);
    ASSERT_EQ(list.list()->count(), 1);
    list.list()->setCurrentRow(0);
    EXPECT_EQ(list.currentRow(), -1) << "the sentence is not something to remove";
    list.setLines({u"one"_s, u"two"_s}, u"Nothing yet: add one."_s);
    ASSERT_EQ(list.list()->count(), 2);
    list.list()->setCurrentRow(1);
    EXPECT_EQ(list.currentRow(), 1);

    QSignalSpy adds(&list, &ui::EditableList::addRequested);
    QSignalSpy removes(&list, &ui::EditableList::removeRequested);
    for (QPushButton* b : list.findChildren<QPushButton*>())
        b->click();
    EXPECT_EQ(adds.count(), 1);
    EXPECT_EQ(removes.count(), 1);
}

TEST(Messages, AnAnswerThatNamesNoButtonIsReportedNotTakenForCancel) {
    ui::MessageAnswers answers({QStringLiteral("Remvoe")});
    EXPECT_FALSE(ui::confirm(nullptr, QStringLiteral("Remove"), QStringLiteral("Remove it?"),
                             QStringLiteral("&Remove")));
    EXPECT_EQ(answers.unmatched(), QStringList{QStringLiteral("Remvoe")});
}
