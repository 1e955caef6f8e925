// The loaded rules held to the domain guide (../shared/docs/domain-guide.md), typed here by hand
// from the guide's tables, so that a wrong value in rules.json fails even though every other
// test reads its limits from rules.json itself.
#include "TestSupport.h"

#include "rules/SafetyCheck.h"

#include <gtest/gtest.h>

using namespace dermaplan;
using test::rules;

namespace {

struct Cell {
    double needleMm;
    const char* area;
    int defaultDays;
    int minimumDays;
    HomeUse homeUse;
};

constexpr HomeUse Yes = HomeUse::Yes;
constexpr HomeUse Caution = HomeUse::Caution;
constexpr HomeUse AdvisePro = HomeUse::AdviseProfessional;
constexpr HomeUse ProOnly = HomeUse::ProfessionalOnly;

// "Recovery intervals (days)": needle | face / neck | scalp | body | home use.
const Cell kGuide[] = {
    {0.2, "face", 3, 2, Yes},          {0.2, "neck", 3, 2, Yes},
    {0.2, "scalp", 3, 2, Yes},         {0.2, "body", 3, 2, Yes},
    {0.25, "face", 3, 2, Yes},         {0.25, "neck", 3, 2, Yes},
    {0.25, "scalp", 3, 2, Yes},        {0.25, "body", 3, 2, Yes},
    {0.3, "face", 3, 2, Yes},          {0.3, "neck", 3, 2, Yes},
    {0.3, "scalp", 3, 2, Yes},         {0.3, "body", 3, 2, Yes},
    {0.5, "face", 14, 7, Yes},         {0.5, "neck", 14, 7, Yes},
    {0.5, "scalp", 14, 7, Yes},        {0.5, "body", 14, 7, Yes},
    {0.75, "face", 28, 21, AdvisePro}, {0.75, "neck", 28, 21, AdvisePro},
    {0.75, "scalp", 14, 7, Caution},   {0.75, "body", 28, 21, AdvisePro},
    {1.0, "face", 28, 21, AdvisePro},  {1.0, "neck", 28, 21, AdvisePro},
    {1.0, "scalp", 14, 7, AdvisePro},  {1.0, "body", 28, 21, AdvisePro},
    {1.5, "face", 42, 28, ProOnly},    {1.5, "neck", 42, 28, ProOnly},
    {1.5, "scalp", 14, 7, AdvisePro},  {1.5, "body", 42, 28, ProOnly},
    {2.0, "face", 56, 28, ProOnly},    {2.0, "neck", 56, 28, ProOnly},
    {2.0, "scalp", 56, 28, ProOnly},   {2.0, "body", 56, 28, ProOnly},
    {2.5, "face", 56, 28, ProOnly},    {2.5, "neck", 56, 28, ProOnly},
    {2.5, "scalp", 56, 28, ProOnly},   {2.5, "body", 56, 28, ProOnly},
};

} // namespace

TEST(DomainGuide, EveryIntervalCellAndHomeUseFlag) {
    EXPECT_EQ(rules().intervals().size(), std::size(kGuide));
    for (const Cell& c : kGuide) {
        const QString area = QString::fromLatin1(c.area);
        SCOPED_TRACE(QStringLiteral("%1 %2 mm").arg(area).arg(c.needleMm).toStdString());
        const IntervalRule& r = rules().interval(area, NeedleLength::fromMillimetres(c.needleMm));
        EXPECT_EQ(r.needle, NeedleLength::fromMillimetres(c.needleMm)) << "a standard size";
        EXPECT_EQ(r.defaultDays, c.defaultDays);
        EXPECT_EQ(r.minimumDays, c.minimumDays);
        EXPECT_EQ(r.homeUse, c.homeUse);
    }
}

TEST(DomainGuide, NeedleCatalogue) {
    QList<NeedleLength> standard;
    for (double mm : {0.2, 0.25, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5})
        standard << NeedleLength::fromMillimetres(mm);
    EXPECT_EQ(rules().standardSizes(), standard);
    EXPECT_EQ(rules().minimumNeedle(), NeedleLength::fromMillimetres(0.1));
    EXPECT_EQ(rules().maximumNeedle(), NeedleLength::fromMillimetres(3.0));
    EXPECT_EQ(rules().standardSize(NeedleLength::fromMillimetres(0.6)),
              NeedleLength::fromMillimetres(0.75));
}

TEST(DomainGuide, UnderEyeCap) {
    const ZoneCap* cap = rules().zoneCap(QStringLiteral("face"), QStringLiteral("under-eye"));
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(cap->allowUpTo, NeedleLength::fromMillimetres(0.3));
    EXPECT_EQ(cap->adviseUpTo, NeedleLength::fromMillimetres(0.5));
}

TEST(DomainGuide, EachChecklistItemsEffect) {
    const QStringList refuse{QStringLiteral("active-acne"), QStringLiteral("infection-or-wound"),
                             QStringLiteral("cold-sore"),   QStringLiteral("sunburn"),
                             QStringLiteral("skin-flare"),  QStringLiteral("raised-mole"),
                             QStringLiteral("keloid")};
    const QStringList advise{QStringLiteral("isotretinoin"),
                             QStringLiteral("blood-thinners"),
                             QStringLiteral("cold-sore-history"),
                             QStringLiteral("recent-peel-or-laser"),
                             QStringLiteral("diabetes-or-immunosuppression"),
                             QStringLiteral("pregnancy"),
                             QStringLiteral("under-18"),
                             QStringLiteral("metal-allergy"),
                             QStringLiteral("darker-skin")};
    EXPECT_EQ(rules().contraindications().size(), refuse.size() + advise.size());
    for (const QString& id : refuse) {
        const Contraindication* c = rules().contraindication(id);
        ASSERT_NE(c, nullptr) << id.toStdString();
        EXPECT_EQ(c->effect, Severity::Refuse) << id.toStdString();
    }
    for (const QString& id : advise) {
        const Contraindication* c = rules().contraindication(id);
        ASSERT_NE(c, nullptr) << id.toStdString();
        EXPECT_EQ(c->effect, Severity::Advise) << id.toStdString();
        // Blood thinners: and refuse > 0.5 mm.
        EXPECT_EQ(c->refuseAbove.has_value(), id == u"blood-thinners") << id.toStdString();
    }
    EXPECT_EQ(*rules().contraindication(QStringLiteral("blood-thinners"))->refuseAbove,
              NeedleLength::fromMillimetres(0.5));
}

TEST(DomainGuide, DeviceWearEightTenFortyTwo) {
    EXPECT_EQ(rules().deviceWear().adviseFromUse, 8);
    EXPECT_EQ(rules().deviceWear().refuseAfterUses, 10);
    EXPECT_EQ(rules().deviceWear().refuseAfterDays, 42);
}
