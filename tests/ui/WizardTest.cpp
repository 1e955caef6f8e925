// The first-run wizard: offered on an empty database only; what it stores.
#include "AppFixture.h"

#include "dialogs/FirstRunWizard.h"
#include "dialogs/RegimenDialog.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

#include "widgets/NeedleComboBox.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using test::findByName;

namespace {

class FirstRunWizardTest : public test::AppFixture {};

void tick(ui::FirstRunWizard& wizard, const QStringList& areas) {
    for (QCheckBox* box : wizard.findChildren<QCheckBox*>())
        box->setChecked(areas.contains(box->accessibleName()));
}

} // namespace

TEST_F(FirstRunWizardTest, StoresTheRollerAndARegimenFromATemplateForTheChosenArea) {
    ASSERT_TRUE(ui::FirstRunWizard::isFirstRun(*m_context));

    ui::FirstRunWizard wizard(*m_context);
    wizard.show();
    wizard.next();
    tick(wizard, {QStringLiteral("Scalp")});
    auto* rollerName = findByName<QLineEdit>(&wizard, QStringLiteral("Roller name"));
    ASSERT_NE(rollerName, nullptr);
    QTest::keyClicks(rollerName, QStringLiteral("Scalp roller"));
    auto* templates = findByName<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    ASSERT_NE(templates, nullptr);
    // Only scalp templates are offered once the scalp alone is chosen.
    ASSERT_EQ(templates->itemData(templates->count() - 1).toString(), QStringLiteral("custom"));
    for (int i = 1; i < templates->count() - 1; ++i) {
        const RegimenTemplate* t = test::rules().regimenTemplate(templates->itemData(i).toString());
        ASSERT_NE(t, nullptr);
        EXPECT_EQ(t->area, QStringLiteral("scalp"));
    }
    templates->setCurrentIndex(templates->findData(QStringLiteral("hair-minoxidil-home")));
    wizard.accept();

    const auto devices = DeviceStore(*m_db).list(true);
    ASSERT_EQ(devices->size(), 1);
    EXPECT_EQ(devices->at(0).name, QStringLiteral("Scalp roller"));
    const auto regimens = RegimenStore(*m_db).list(true);
    ASSERT_EQ(regimens->size(), 1);
    EXPECT_EQ(regimens->at(0).area, QStringLiteral("scalp"));
    EXPECT_EQ(regimens->at(0).everyDays, 14);
    EXPECT_EQ(regimens->at(0).start, m_today);
    EXPECT_FALSE(ui::FirstRunWizard::isFirstRun(*m_context))
        << "not offered again once there is data";
}

TEST_F(FirstRunWizardTest, SkippingEverythingStoresNothing) {
    ui::FirstRunWizard wizard(*m_context);
    wizard.accept();
    EXPECT_TRUE(DeviceStore(*m_db).list(true)->isEmpty());
    EXPECT_TRUE(RegimenStore(*m_db).list(true)->isEmpty());
}

TEST_F(FirstRunWizardTest, ACustomRegimenGoesThroughTheCheckedDialog) {
    ui::FirstRunWizard wizard(*m_context);
    auto* templates = findByName<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    ASSERT_NE(templates, nullptr);
    templates->setCurrentIndex(templates->findData(QStringLiteral("custom")));
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::RegimenDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->applyTemplate(QStringLiteral("fine-lines-home"));
        dialog->accept();
    });
    wizard.accept();
    const auto regimens = RegimenStore(*m_db).list(true);
    ASSERT_EQ(regimens->size(), 1);
    EXPECT_EQ(regimens->at(0).area, QStringLiteral("face"));
}

TEST_F(FirstRunWizardTest, NextWaitsForAnArea) {
    ui::FirstRunWizard wizard(*m_context);
    wizard.show();
    wizard.next(); // to "What you treat"
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled()) << "no area ticked";
    tick(wizard, {QStringLiteral("Face")});
    EXPECT_TRUE(wizard.button(QWizard::NextButton)->isEnabled());
    tick(wizard, {});
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled());
}

TEST_F(FirstRunWizardTest, TheTemplateThatFitsTheAreaAndTheReasonIsChosen) {
    ui::FirstRunWizard wizard(*m_context);
    auto* templates = findByName<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    auto* why = findByName<QLineEdit>(&wizard, QStringLiteral("Why"));
    ASSERT_TRUE(templates && why);
    EXPECT_EQ(templates->currentData().toString(), QString()) << "nothing before an area";
    tick(wizard, {QStringLiteral("Scalp")});
    EXPECT_EQ(templates->currentData().toString(), QStringLiteral("hair-minoxidil-home"))
        << "of the scalp templates, the one for home use";
    tick(wizard, {QStringLiteral("Face")});
    why->setText(QStringLiteral("fine lines around the eyes"));
    EXPECT_EQ(templates->currentData().toString(), QStringLiteral("fine-lines-home"));
    why->setText(QStringLiteral("acne scars"));
    EXPECT_EQ(templates->currentData().toString(), QStringLiteral("acne-scars-professional"));
}

// A roller's needle decides which template fits: a 0.5 mm roller on the face is not paired with
// the 0.25 mm template without a word.
TEST_F(FirstRunWizardTest, TheTemplateFitsTheRollersNeedleOrSaysWhyNot) {
    ui::FirstRunWizard wizard(*m_context);
    auto* templates = findByName<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    tick(wizard, {QStringLiteral("Face")});
    EXPECT_EQ(templates->currentData().toString(), QStringLiteral("product-absorption"))
        << "without a roller, the first home template";
    findByName<QLineEdit>(&wizard, QStringLiteral("Roller name"))->setText(u"My roller"_qs);
    findByName<ui::NeedleComboBox>(&wizard, QStringLiteral("Roller needle length"))
        ->setNeedle(NeedleLength::fromMillimetres(0.5));
    EXPECT_EQ(templates->currentData().toString(), QStringLiteral("fine-lines-home"))
        << "the home template for the roller's 0.5 mm";
    // Chosen anyway, the 0.25 mm template says what will happen.
    templates->setCurrentIndex(templates->findData(QStringLiteral("product-absorption")));
    const QString info = findByName<QLabel>(&wizard, QStringLiteral("About the template"))->text();
    EXPECT_TRUE(info.contains(u"Your roller has 0.5 mm needles"_qs)) << info.toStdString();
    EXPECT_TRUE(info.contains(u"left out"_qs)) << info.toStdString();
}

TEST_F(FirstRunWizardTest, TheLastPageSaysWhatFinishCreates) {
    ui::FirstRunWizard wizard(*m_context);
    tick(wizard, {QStringLiteral("Scalp")});
    auto* rollerName = findByName<QLineEdit>(&wizard, QStringLiteral("Roller name"));
    ASSERT_NE(rollerName, nullptr);
    QTest::keyClicks(rollerName, QStringLiteral("Scalp roller"));
    auto* summary = findByName<QLabel>(&wizard, QStringLiteral("What Finish creates"));
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(
        summary->text(),
        QStringLiteral("Finish creates the roller “Scalp roller” (0.25 mm), and the regimen "
                       "“Hair: minoxidil adjunct (home)”: scalp 0.5 mm, every 14 days from ") +
            QLocale().toString(m_today, QLocale::LongFormat) + u'.');
    auto* templates = findByName<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    ASSERT_NE(templates, nullptr);
    templates->setCurrentIndex(0); // none for now
    rollerName->clear();
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("Finish creates nothing")));
}
