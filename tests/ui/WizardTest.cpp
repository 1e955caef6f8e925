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

#include <QCheckBox>
#include <QComboBox>
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
