// The first-run wizard: offered on an empty database only; what it stores.
#include "TestSupport.h"

#include "AppContext.h"
#include "dialogs/FirstRunWizard.h"
#include "dialogs/RegimenDialog.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include <QApplication>
#include <QTimer>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace dermaplan;

TEST(FirstRunWizard, StoresTheRollerAndARegimenFromATemplateForTheChosenArea) {
    QTemporaryDir dir;
    const QDate today(2026, 11, 24);
    auto db = Database::open(dir.filePath(QStringLiteral("w.sqlite")), today);
    ASSERT_TRUE(db);
    ui::AppContext context(test::rules(), **db, today);
    ASSERT_TRUE(ui::FirstRunWizard::isFirstRun(context));

    ui::FirstRunWizard wizard(context);
    wizard.show();
    wizard.next();
    for (QCheckBox* box : wizard.findChildren<QCheckBox*>())
        box->setChecked(box->accessibleName() == QStringLiteral("Scalp"));
    for (QLineEdit* edit : wizard.findChildren<QLineEdit*>())
        if (edit->accessibleName() == QStringLiteral("Roller name"))
            QTest::keyClicks(edit, QStringLiteral("Scalp roller"));
    QComboBox* templates = nullptr;
    for (QComboBox* combo : wizard.findChildren<QComboBox*>())
        if (combo->accessibleName() == QStringLiteral("Regimen template"))
            templates = combo;
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

    const auto devices = DeviceStore(**db).list(true);
    ASSERT_EQ(devices->size(), 1);
    EXPECT_EQ(devices->at(0).name, QStringLiteral("Scalp roller"));
    const auto regimens = RegimenStore(**db).list(true);
    ASSERT_EQ(regimens->size(), 1);
    EXPECT_EQ(regimens->at(0).area, QStringLiteral("scalp"));
    EXPECT_EQ(regimens->at(0).everyDays, 14);
    EXPECT_EQ(regimens->at(0).start, today);
    EXPECT_FALSE(ui::FirstRunWizard::isFirstRun(context)) << "not offered again once there is data";
}

TEST(FirstRunWizard, SkippingEverythingStoresNothing) {
    QTemporaryDir dir;
    const QDate today(2026, 11, 24);
    auto db = Database::open(dir.filePath(QStringLiteral("w.sqlite")), today);
    ASSERT_TRUE(db);
    ui::AppContext context(test::rules(), **db, today);
    ui::FirstRunWizard wizard(context);
    wizard.accept();
    EXPECT_TRUE(DeviceStore(**db).list(true)->isEmpty());
    EXPECT_TRUE(RegimenStore(**db).list(true)->isEmpty());
}

TEST(FirstRunWizard, ACustomRegimenGoesThroughTheCheckedDialog) {
    QTemporaryDir dir;
    const QDate today(2026, 11, 24);
    auto db = Database::open(dir.filePath(QStringLiteral("w.sqlite")), today);
    ASSERT_TRUE(db);
    ui::AppContext context(test::rules(), **db, today);
    ui::FirstRunWizard wizard(context);
    for (QComboBox* combo : wizard.findChildren<QComboBox*>())
        if (combo->accessibleName() == QStringLiteral("Regimen template"))
            combo->setCurrentIndex(combo->findData(QStringLiteral("custom")));
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::RegimenDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->applyTemplate(QStringLiteral("fine-lines-home"));
        dialog->accept();
    });
    wizard.accept();
    const auto regimens = RegimenStore(**db).list(true);
    ASSERT_EQ(regimens->size(), 1);
    EXPECT_EQ(regimens->at(0).area, QStringLiteral("face"));
}

namespace {

struct WizardFixture {
    QTemporaryDir dir;
    QDate today{2026, 11, 24};
    std::unique_ptr<Database> db;
    std::unique_ptr<ui::AppContext> context;

    WizardFixture() {
        auto opened = Database::open(dir.filePath(QStringLiteral("w.sqlite")), today);
        EXPECT_TRUE(opened);
        db = std::move(opened).value();
        context = std::make_unique<ui::AppContext>(test::rules(), *db, today);
    }
};

template <typename T> T* named(QWidget* root, const QString& name) {
    for (T* w : root->findChildren<T*>())
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

void tick(ui::FirstRunWizard& wizard, const QStringList& areas) {
    for (QCheckBox* box : wizard.findChildren<QCheckBox*>())
        box->setChecked(areas.contains(box->accessibleName()));
}

} // namespace

TEST(FirstRunWizard, NextWaitsForAnArea) {
    WizardFixture f;
    ui::FirstRunWizard wizard(*f.context);
    wizard.show();
    wizard.next(); // to "What you treat"
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled()) << "no area ticked";
    tick(wizard, {QStringLiteral("Face")});
    EXPECT_TRUE(wizard.button(QWizard::NextButton)->isEnabled());
    tick(wizard, {});
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled());
}

TEST(FirstRunWizard, TheTemplateThatFitsTheAreaAndTheReasonIsChosen) {
    WizardFixture f;
    ui::FirstRunWizard wizard(*f.context);
    auto* templates = named<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    auto* why = named<QLineEdit>(&wizard, QStringLiteral("Why"));
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

TEST(FirstRunWizard, TheLastPageSaysWhatFinishCreates) {
    WizardFixture f;
    ui::FirstRunWizard wizard(*f.context);
    tick(wizard, {QStringLiteral("Scalp")});
    QTest::keyClicks(named<QLineEdit>(&wizard, QStringLiteral("Roller name")),
                     QStringLiteral("Scalp roller"));
    auto* summary = named<QLabel>(&wizard, QStringLiteral("What Finish creates"));
    ASSERT_NE(summary, nullptr);
    EXPECT_EQ(
        summary->text(),
        QStringLiteral("Finish creates the roller “Scalp roller” (0.25 mm), and the regimen "
                       "“Hair: minoxidil adjunct (home)”: scalp 0.5 mm, every 14 days from ") +
            QLocale().toString(f.today, QLocale::LongFormat) + u'.');
    auto* templates = named<QComboBox>(&wizard, QStringLiteral("Regimen template"));
    templates->setCurrentIndex(0); // none for now
    named<QLineEdit>(&wizard, QStringLiteral("Roller name"))->clear();
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("Finish creates nothing")));
}
