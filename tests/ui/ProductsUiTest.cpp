// Products in the app: listed on the Devices page (added and removed as undoable changes),
// ticked in the log dialog, whose live verdict warns about one not meant for freshly needled
// skin; an older session's free text stays as it was.
#include "AppFixture.h"

#include "commands/Edits.h"
#include "dialogs/LogSessionDialog.h"
#include "logbook/Logbook.h"
#include "pages/DevicesPage.h"
#include "widgets/ProductPicker.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

class ProductsUiTest : public test::AppFixture {};

} // namespace

TEST_F(ProductsUiTest, TheDevicesPageListsProductsAndUndoesTheirChanges) {
    ui::DevicesPage page(*m_context);
    page.show();
    EXPECT_TRUE(page.products().isEmpty());
    ASSERT_EQ(page.productList()->count(), 1) << "a sentence says what the list is for";
    ASSERT_TRUE(
        ui::Edits(*m_context)
            .addProduct(Product{0, u"Vitamin C serum"_s, u"vitamin-c"_s, Product::BrokenSkin::No}));
    ASSERT_EQ(page.products().size(), 1);
    EXPECT_EQ(page.productList()->item(0)->text(),
              u"Vitamin C serum · vitamin C · not for freshly needled skin"_s);
    EXPECT_FALSE(
        ui::Edits(*m_context)
            .addProduct(Product{0, u"vitamin c SERUM"_s, u"serum"_s, Product::BrokenSkin::Yes}))
        << "the same name";
    page.productList()->setCurrentRow(0);
    page.removeSelectedProduct();
    EXPECT_TRUE(page.products().isEmpty());
    m_context->undoStack().undo();
    ASSERT_EQ(page.products().size(), 1);
    m_context->undoStack().undo();
    EXPECT_TRUE(page.products().isEmpty()) << "adding it is undone too";
}

TEST_F(ProductsUiTest, TheLogDialogOffersTheListAndWarnsAboutAProductForIntactSkin) {
    ASSERT_TRUE(m_context->logbook().addProduct(
        Product{0, u"Hyaluronic serum"_s, u"serum"_s, Product::BrokenSkin::Yes}));
    ASSERT_TRUE(m_context->logbook().addProduct(
        Product{0, u"Vitamin C serum"_s, u"vitamin-c"_s, Product::BrokenSkin::No}));
    ui::LogSessionDialog dialog(*m_context);
    dialog.show();
    dialog.setArea(u"face"_s);
    auto* picker = dialog.findChild<ui::ProductPicker*>();
    ASSERT_TRUE(picker);
    ASSERT_EQ(picker->list()->count(), 2);
    picker->list()->item(0)->setCheckState(Qt::Checked); // Hyaluronic serum
    EXPECT_EQ(dialog.draft().products, u"Hyaluronic serum"_s);
    ASSERT_TRUE(dialog.verdict());
    for (const Reason& r : dialog.verdict()->reasons)
        EXPECT_NE(r.rule, u"product-broken-skin"_s);
    picker->list()->item(1)->setCheckState(Qt::Checked); // Vitamin C serum
    picker->otherEdit()->setText(u"Aloe gel"_s);
    EXPECT_EQ(dialog.draft().products, u"Hyaluronic serum, Vitamin C serum, Aloe gel"_s);
    ASSERT_TRUE(dialog.verdict());
    bool warned = false;
    for (const Reason& r : dialog.verdict()->reasons)
        warned = warned || (r.rule == u"product-broken-skin" && r.message.contains(u"Vitamin C"));
    EXPECT_TRUE(warned);

    // An older session's text: the listed names ticked, the rest on the "other" line.
    picker->setText(u"vitamin c serum; Rosehip oil"_s);
    EXPECT_EQ(picker->list()->item(0)->checkState(), Qt::Unchecked);
    EXPECT_EQ(picker->list()->item(1)->checkState(), Qt::Checked);
    EXPECT_EQ(picker->otherEdit()->text(), u"Rosehip oil"_s);
}

TEST_F(ProductsUiTest, AnEditThatLeavesTheProductsAloneKeepsTheirText) {
    ASSERT_TRUE(m_context->logbook().addProduct(
        Product{0, u"Vitamin C serum"_s, u"vitamin-c"_s, Product::BrokenSkin::No}));
    ui::ProductPicker picker;
    ASSERT_TRUE(m_context->logbook().products());
    picker.setProducts(*m_context->logbook().products());
    picker.setText(u"Rosehip oil; vitamin c serum"_s);
    EXPECT_EQ(picker.text(), u"Rosehip oil; vitamin c serum"_s) << "as it was stored";
    picker.otherEdit()->setText(u"Rosehip oil, Aloe gel"_s);
    EXPECT_EQ(picker.text(), u"Vitamin C serum, Rosehip oil, Aloe gel"_s);
}
