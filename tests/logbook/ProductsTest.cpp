// Products: the user's list (validated, names unique whatever their case), the guide's warning for
// a session's product not meant for freshly needled skin, and the user's actives named where the
// schedule pauses them.
#include "LogbookFixture.h"

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

class ProductsTest : public test::LogbookFixture {
protected:
    qint64 product(const QString& name, const QString& kind, Product::BrokenSkin broken) {
        const auto id = m_logbook->addProduct(Product{0, name, kind, broken});
        EXPECT_TRUE(id) << id.error().toString().toStdString();
        return id ? *id : 0;
    }
};

QList<Reason> productReasons(const Verdict& v) {
    QList<Reason> out;
    for (const Reason& r : v.reasons)
        if (r.rule == u"product-broken-skin")
            out << r;
    return out;
}

} // namespace

TEST_F(ProductsTest, TheListIsValidatedAndNamesAreUnique) {
    auto bad = m_logbook->addProduct(Product{0, u"  "_s, u"serum"_s, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"name"_s);
    bad = m_logbook->addProduct(Product{0, u"A, B"_s, u"serum"_s, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"name"_s);
    bad = m_logbook->addProduct(Product{0, u"Serum"_s, u"potion"_s, {}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, u"kind"_s);
    const qint64 id = product(u"Hyaluronic serum"_s, u"serum"_s, Product::BrokenSkin::Yes);
    bad = m_logbook->addProduct(Product{0, u"hyaluronic SERUM"_s, u"serum"_s, {}});
    ASSERT_FALSE(bad) << "the same name in another case";
    EXPECT_EQ(bad.error().field, u"name"_s);
    bad = m_logbook->addProduct(Product{0, u"CRÈME"_s, u"moisturiser"_s, {}});
    ASSERT_TRUE(bad);
    bad = m_logbook->addProduct(Product{0, u"crème"_s, u"moisturiser"_s, {}});
    ASSERT_FALSE(bad) << "beyond ASCII too";
    ASSERT_TRUE(m_logbook->removeProduct(m_logbook->products()->constFirst().id));
    ASSERT_EQ(m_logbook->products()->size(), 1);
    const auto removed = m_logbook->removeProduct(id);
    ASSERT_TRUE(removed);
    EXPECT_TRUE(m_logbook->products()->isEmpty());
    ASSERT_TRUE(m_logbook->restoreProduct(*removed));
    EXPECT_EQ(m_logbook->products()->constFirst(), *removed);
}

TEST_F(ProductsTest, AProductNotMeantForBrokenSkinGetsTheGuidesWarning) {
    product(u"Vitamin C serum"_s, u"vitamin-c"_s, Product::BrokenSkin::No);
    product(u"Hyaluronic serum"_s, u"serum"_s, Product::BrokenSkin::Yes);
    product(u"Night cream"_s, u"moisturiser"_s, Product::BrokenSkin::Unknown);
    Session s = draft(u"face"_s, 0.25, m_today);
    s.products = u"vitamin c serum, Hyaluronic serum; Something else"_s;
    const auto verdict = m_logbook->check(s);
    ASSERT_TRUE(verdict);
    QList<Reason> reasons = productReasons(*verdict);
    ASSERT_EQ(reasons.size(), 1) << "one marked no; yes and unlisted ones say nothing";
    EXPECT_TRUE(reasons[0].message.startsWith(u"“Vitamin C serum” is not meant for freshly"))
        << reasons[0].message.toStdString();
    EXPECT_TRUE(reasons[0].message.contains(u"granulomas"_s));
    EXPECT_EQ(reasons[0].severity, Severity::Advise);
    EXPECT_FALSE(reasons[0].sources.isEmpty());

    s.products = u"Night cream"_s;
    const auto unknown = m_logbook->log(s);
    ASSERT_TRUE(unknown);
    EXPECT_TRUE(unknown->id) << "advice, not a refusal";
    reasons = productReasons(unknown->verdict);
    ASSERT_EQ(reasons.size(), 1);
    EXPECT_TRUE(reasons[0].message.contains(u"not known to be meant"_s));
}

// Products typed by hand, not in the list, are known by the guide's actives and their common
// brands, whatever their case: they get the same warning as a listed active.
TEST_F(ProductsTest, ATypedActiveIsRecognisedByItsNameOrBrand) {
    Session s = draft(u"face"_s, 0.25, m_today);
    const auto warned = [&](const QString& typed) {
        s.products = typed;
        const auto verdict = m_logbook->check(s);
        return verdict ? productReasons(*verdict) : QList<Reason>{};
    };
    for (const auto& [typed, kind] :
         {std::pair{u"Vitamin C serum"_s, u"vitamin C"_s},
          std::pair{u"tretinoin"_s, u"a retinoid"_s},
          std::pair{u"RETIN-A micro"_s, u"a retinoid"_s},
          std::pair{u"The Ordinary Glycolic Acid 7%"_s, u"an AHA/BHA acid"_s},
          std::pair{u"Paula's Choice 2% BHA"_s, u"an AHA/BHA acid"_s},
          std::pair{u"panoxyl wash"_s, u"benzoyl peroxide"_s},
          std::pair{u"L-Ascorbic acid 15 %"_s, u"vitamin C"_s},
          std::pair{u"Differin gel"_s, u"a retinoid"_s}}) {
        const QList<Reason> reasons = warned(typed);
        ASSERT_EQ(reasons.size(), 1) << typed.toStdString();
        EXPECT_TRUE(reasons[0].message.startsWith(u"“"_s + typed + u"” looks like "_s + kind))
            << reasons[0].message.toStdString();
        EXPECT_TRUE(reasons[0].message.contains(u"granulomas"_s));
        EXPECT_EQ(reasons[0].severity, Severity::Advise);
        EXPECT_TRUE(reasons[0].sources.contains(u"S-ACTIVES"_s));
    }
    // Whole words only: a name that merely contains the letters is not an active.
    for (const QString& typed :
         {u"Aloe vera gel"_s, u"Shea butter"_s, u"Bhakti cream"_s, u"Cica balm"_s})
        EXPECT_TRUE(warned(typed).isEmpty()) << typed.toStdString();
    // Two typed actives, two warnings.
    EXPECT_EQ(warned(u"retinol, vitamin c"_s).size(), 2);
}

TEST_F(ProductsTest, TheScheduleNamesTheUsersActivesWhereItPausesThem) {
    ASSERT_TRUE(m_logbook->log(draft(u"face"_s, 0.5, m_today)));
    auto week = m_logbook->schedule(m_today, m_today.addDays(6));
    ASSERT_TRUE(week);
    const auto activesLine = [](const WeeklySchedule& w) {
        for (const ScheduleDay& d : w.days)
            for (const AftercareNote& n : d.notes)
                if (n.ruleId == u"actives")
                    return n.text;
        return QString();
    };
    EXPECT_FALSE(activesLine(*week).contains(u"yours"_s));
    product(u"Tretinoin cream"_s, u"retinoid"_s, Product::BrokenSkin::No);
    product(u"Hyaluronic serum"_s, u"serum"_s, Product::BrokenSkin::Yes);
    week = m_logbook->schedule(m_today, m_today.addDays(6));
    ASSERT_TRUE(week);
    EXPECT_TRUE(activesLine(*week).endsWith(u"(yours: Tretinoin cream)"_s))
        << activesLine(*week).toStdString();
    const auto guide = m_logbook->dayGuide();
    ASSERT_TRUE(guide);
    bool named = false;
    for (const AftercareNote& n : guide->aftercare)
        named = named || (n.ruleId == u"actives" && n.text.contains(u"Tretinoin cream"_s));
    EXPECT_TRUE(named) << "Today says it too";
}
