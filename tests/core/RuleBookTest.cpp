// Loading and validating the rule data; needle lengths.
#include "TestSupport.h"

#include "rules/RuleBook.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <functional>

using namespace dermaplan;

namespace {

QJsonObject builtinJson() {
    QFile f(QString::fromLatin1(RuleBook::builtinPath));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Changes the built-in data with `mutate` and returns the loader's error.
Error loadMutated(const std::function<void(QJsonObject&)>& mutate) {
    QJsonObject root = builtinJson();
    mutate(root);
    const auto book =
        RuleBook::fromJson(QJsonDocument(root).toJson(), QStringLiteral("rules.json"));
    EXPECT_FALSE(book) << "the mutated rules loaded";
    return book ? Error{} : book.error();
}

// Edits root[key][index] (an object) with `edit`.
void editEntry(QJsonObject& root, const char* key, int index,
               const std::function<void(QJsonObject&)>& edit) {
    QJsonArray arr = root.value(QString::fromLatin1(key)).toArray();
    QJsonObject entry = arr.at(index).toObject();
    edit(entry);
    arr.replace(index, entry);
    root.insert(QString::fromLatin1(key), arr);
}

} // namespace

TEST(NeedleLength, ParsesMillimetresWithOrWithoutUnit) {
    EXPECT_EQ(*NeedleLength::parse(QStringLiteral("0.5")), NeedleLength::fromMicrometres(500));
    EXPECT_EQ(*NeedleLength::parse(QStringLiteral("0.5mm")), NeedleLength::fromMicrometres(500));
    EXPECT_EQ(*NeedleLength::parse(QStringLiteral(" 0.25 mm ")),
              NeedleLength::fromMicrometres(250));
    EXPECT_EQ(*NeedleLength::parse(QStringLiteral("1")), NeedleLength::fromMicrometres(1000));
    for (const char* bad : {"", "abc", "0,5", "-0.5", "0.5 cm", "1e3"}) {
        const auto n = NeedleLength::parse(QString::fromLatin1(bad));
        EXPECT_FALSE(n) << bad;
        if (!n) {
            EXPECT_EQ(n.error().field, QStringLiteral("needle"));
        }
    }
}

TEST(NeedleLength, FormatsWithOneDecimalAtLeast) {
    EXPECT_EQ(NeedleLength::fromMillimetres(0.5).toString(), QStringLiteral("0.5 mm"));
    EXPECT_EQ(NeedleLength::fromMillimetres(0.25).toString(), QStringLiteral("0.25 mm"));
    EXPECT_EQ(NeedleLength::fromMillimetres(1.0).toString(), QStringLiteral("1.0 mm"));
    EXPECT_LT(NeedleLength::fromMillimetres(0.25), NeedleLength::fromMillimetres(0.3));
}

TEST(RuleBook, RangeIsValidatedFromTheData) {
    const RuleBook& r = test::rules();
    EXPECT_TRUE(r.needle(NeedleLength::fromMillimetres(0.1)));
    EXPECT_TRUE(r.needle(NeedleLength::fromMillimetres(3.0)));
    EXPECT_FALSE(r.needle(NeedleLength::fromMillimetres(0.09)));
    const auto tooLong = r.needle(NeedleLength::fromMillimetres(3.01));
    ASSERT_FALSE(tooLong);
    EXPECT_EQ(tooLong.error().field, QStringLiteral("needle"));
}

TEST(RuleBook, BuiltinRulesHaveTheGuidesAreasAndZones) {
    const RuleBook& r = test::rules();
    for (const char* area : {"face", "neck", "scalp", "body"})
        EXPECT_NE(r.area(QString::fromLatin1(area)), nullptr) << area;
    for (const char* zone : {"under-eye", "cheeks", "forehead"})
        EXPECT_NE(r.area(QStringLiteral("face"))->zone(QString::fromLatin1(zone)), nullptr) << zone;
    for (const char* zone : {"hairline", "crown"})
        EXPECT_NE(r.area(QStringLiteral("scalp"))->zone(QString::fromLatin1(zone)), nullptr)
            << zone;
}

TEST(RuleBook, EverySourceIdResolves) {
    const RuleBook& r = test::rules();
    QStringList cited;
    for (const IntervalRule& x : r.intervals())
        cited << x.sources;
    for (const ZoneCap& x : r.zoneCaps())
        cited << x.sources;
    for (const Contraindication& x : r.contraindications())
        cited << x.sources;
    for (const AftercareRule& x : r.aftercare())
        cited << x.sources;
    for (const RegimenTemplate& x : r.templates())
        cited << x.sources;
    cited << r.deviceWear().sources << r.cleaningSources();
    ASSERT_GT(cited.size(), 50);
    for (const QString& id : cited)
        EXPECT_NE(r.source(id), nullptr) << id.toStdString();
}

TEST(RuleBook, UnknownSourceIdIsNamedWithItsPath) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "contraindications", 2, [](QJsonObject& c) {
            c.insert(QStringLiteral("sources"), QJsonArray{QStringLiteral("S-NOWHERE")});
        });
    });
    EXPECT_EQ(e.file, QStringLiteral("rules.json"));
    EXPECT_EQ(e.field, QStringLiteral("contraindications[2].sources[0]"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("S-NOWHERE")));
}

TEST(RuleBook, MissingAreaInAnIntervalRowIsNamed) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "intervals", 3, [](QJsonObject& row) {
            QJsonObject areas = row.value(QStringLiteral("areas")).toObject();
            areas.remove(QStringLiteral("neck"));
            row.insert(QStringLiteral("areas"), areas);
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("intervals[3].areas.neck"));
}

TEST(RuleBook, MinimumLongerThanDefaultIsRefused) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "intervals", 3, [](QJsonObject& row) {
            QJsonObject areas = row.value(QStringLiteral("areas")).toObject();
            QJsonObject face = areas.value(QStringLiteral("face")).toObject();
            face.insert(QStringLiteral("minimum_days"), 30);
            areas.insert(QStringLiteral("face"), face);
            row.insert(QStringLiteral("areas"), areas);
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("intervals[3].areas.face.minimum_days"));
}

TEST(RuleBook, UnknownHomeUseIsRefused) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "intervals", 0, [](QJsonObject& row) {
            QJsonObject areas = row.value(QStringLiteral("areas")).toObject();
            QJsonObject scalp = areas.value(QStringLiteral("scalp")).toObject();
            scalp.insert(QStringLiteral("home_use"), QStringLiteral("sometimes"));
            areas.insert(QStringLiteral("scalp"), scalp);
            row.insert(QStringLiteral("areas"), areas);
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("intervals[0].areas.scalp.home_use"));
}

TEST(RuleBook, ALongerNeedleMayNotGetAShorterInterval) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "intervals", 6, [](QJsonObject& row) { // 1.5 mm
            QJsonObject areas = row.value(QStringLiteral("areas")).toObject();
            areas.insert(QStringLiteral("body"),
                         QJsonObject{{QStringLiteral("default_days"), 3},
                                     {QStringLiteral("minimum_days"), 2},
                                     {QStringLiteral("home_use"), QStringLiteral("yes")},
                                     {QStringLiteral("sources"),
                                      QJsonArray{QStringLiteral("S-DERMAPLAN")}}});
            row.insert(QStringLiteral("areas"), areas);
        });
    });
    EXPECT_TRUE(e.message.contains(QStringLiteral("shorter interval"))) << e.message.toStdString();
}

// Each figure cites a source that states it (domain guide, "Sources, v3"): a rule may cite a
// source only about the areas and needles it speaks of.
TEST(RuleBook, EveryCitedSourceExistsAndSpeaksOfTheRulesAreaAndNeedle) {
    const RuleBook& book = test::rules();
    const auto speaks = [&](const QStringList& ids, const QString& area,
                            std::optional<NeedleLength> needle) {
        for (const QString& id : ids) {
            const Source* source = book.source(id);
            if (!source || !source->speaksOf(area) || (needle && !source->speaksOf(*needle)))
                return false;
        }
        return !ids.isEmpty();
    };
    for (const IntervalRule& r : book.intervals())
        EXPECT_TRUE(speaks(r.sources, r.area, r.needle))
            << r.area.toStdString() << " " << r.needle.toString().toStdString();
    for (const ZoneCap& cap : book.zoneCaps())
        EXPECT_TRUE(speaks(cap.sources, cap.area, std::nullopt));
    for (const AftercareRule& a : book.aftercare())
        for (const QString& area : a.areas)
            EXPECT_TRUE(speaks(a.sources, area, std::nullopt)) << a.id.toStdString();
    for (const RegimenTemplate& t : book.templates())
        EXPECT_TRUE(speaks(t.sources, t.area, t.needle)) << t.id.toStdString();
    // The corrections of v3, one by one.
    const auto cites = [&](const QStringList& ids, const char* id) {
        return ids.contains(QString::fromLatin1(id));
    };
    for (const char* area : {"face", "neck", "body"})
        for (double mm : {0.75, 1.0}) {
            const IntervalRule& r =
                book.interval(QString::fromLatin1(area), NeedleLength::fromMillimetres(mm));
            EXPECT_FALSE(cites(r.sources, "S-HOME")) << area << " " << mm;
            EXPECT_TRUE(cites(r.sources, "S-DERMACOSM") && cites(r.sources, "S-SPACLINIC"));
        }
    EXPECT_TRUE(book.source(QStringLiteral("S-FDA"))->url.startsWith(u"https://www.fda.gov/"));
    EXPECT_TRUE(cites(book.contraindication(QStringLiteral("under-18"))->sources, "S-DERMAPLAN"));
    EXPECT_TRUE(cites(book.deviceWear().sources, "S-CLEANBLOG"));
    EXPECT_TRUE(cites(book.contraindication(QStringLiteral("cold-sore"))->sources, "S-CLEANBLOG"));
    QHash<QString, QStringList> aftercare;
    for (const AftercareRule& a : book.aftercare())
        aftercare.insert(a.id, a.sources);
    EXPECT_EQ(aftercare.value(QStringLiteral("makeup")), QStringList{QStringLiteral("S-YAZBEK")});
    EXPECT_EQ(aftercare.value(QStringLiteral("sun")), QStringList{QStringLiteral("S-DERMACOSM")});
    EXPECT_TRUE(cites(aftercare.value(QStringLiteral("actives")), "S-GOLDENCOAST"));
    EXPECT_TRUE(cites(book.zoneCaps().constFirst().sources, "S-UNDEREYE-SKIN"));
}

TEST(RuleBook, ACitationOutsideWhatItsSourceSpeaksOfIsRefused) {
    // Conventions for home rollers up to 0.5 mm cannot carry a 1.0 mm interval...
    Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "intervals", 5, [](QJsonObject& row) { // 1.0 mm
            QJsonObject areas = row.value(QStringLiteral("areas")).toObject();
            QJsonObject face = areas.value(QStringLiteral("face")).toObject();
            face.insert(QStringLiteral("sources"), QJsonArray{QStringLiteral("S-HOME")});
            areas.insert(QStringLiteral("face"), face);
            row.insert(QStringLiteral("areas"), areas);
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("intervals[5].areas.face.sources[0]"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("up to 0.5 mm"))) << e.message.toStdString();
    // ...nor a scalp trial a face template.
    e = loadMutated([](QJsonObject& root) {
        editEntry(root, "templates", 0, [](QJsonObject& t) {
            t.insert(QStringLiteral("sources"), QJsonArray{QStringLiteral("S-FAGHIHI")});
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("templates[0].sources[0]"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("scalp only"))) << e.message.toStdString();
    // A source's areas must be areas of the rule book.
    e = loadMutated([](QJsonObject& root) {
        editEntry(root, "sources", 0, [](QJsonObject& s) {
            s.insert(QStringLiteral("areas"), QJsonArray{QStringLiteral("elbow")});
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("sources[0].areas[0]"));
    // A single area not in a list would speak of every area: refused.
    e = loadMutated([](QJsonObject& root) {
        editEntry(root, "sources", 0, [](QJsonObject& s) {
            s.insert(QStringLiteral("areas"), QStringLiteral("scalp"));
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("sources[0].areas"));
}

TEST(RuleBook, TemplateBelowItsMinimumIsRefused) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "templates", 1,
                  [](QJsonObject& t) { t.insert(QStringLiteral("every_days"), 2); });
    });
    EXPECT_EQ(e.field, QStringLiteral("templates[1].every_days"));
}

TEST(RuleBook, DuplicateAreaIsRefused) {
    const Error e = loadMutated([](QJsonObject& root) {
        QJsonArray areas = root.value(QStringLiteral("areas")).toArray();
        areas.append(areas.at(0));
        root.insert(QStringLiteral("areas"), areas);
    });
    EXPECT_EQ(e.field, QStringLiteral("areas[4].id"));
}

TEST(RuleBook, SyntaxErrorNamesTheLine) {
    const QByteArray json =
        "{\n  \"format\": \"dermaplan-rules\",\n  \"version\": 1,\n  \"oops\" 3\n}\n";
    const auto book = RuleBook::fromJson(json, QStringLiteral("broken.json"));
    ASSERT_FALSE(book);
    EXPECT_EQ(book.error().line, 4);
    EXPECT_TRUE(book.error().toString().startsWith(QStringLiteral("broken.json:4: ")));
}

TEST(RuleBook, MissingFileIsNamed) {
    const auto book = RuleBook::load(QStringLiteral("/nonexistent/rules.json"));
    ASSERT_FALSE(book);
    EXPECT_EQ(book.error().file, QStringLiteral("/nonexistent/rules.json"));
}

namespace {

// Edits the follow_up object with `edit` and returns the loader's error.
Error loadWithFollowUp(const std::function<void(QJsonObject&)>& edit) {
    return loadMutated([&](QJsonObject& root) {
        QJsonObject f = root.value(QStringLiteral("follow_up")).toObject();
        edit(f);
        root.insert(QStringLiteral("follow_up"), f);
    });
}

void editState(QJsonObject& followUp, int index, const std::function<void(QJsonObject&)>& edit) {
    QJsonArray states = followUp.value(QStringLiteral("states")).toArray();
    QJsonObject state = states.at(index).toObject();
    edit(state);
    states.replace(index, state);
    followUp.insert(QStringLiteral("states"), states);
}

} // namespace

TEST(RuleBook, FollowUpRulesFollowTheGuide) {
    const FollowUpRules& f = test::rules().followUp();
    ASSERT_EQ(f.checks.size(), 2);
    EXPECT_EQ(f.checks.at(0).afterHours, 24);
    EXPECT_EQ(f.checks.at(1).afterHours, 72);
    EXPECT_EQ(f.lastingAfterHours, 72);
    EXPECT_EQ(f.seeDoctorAfterDays, 7);
    const auto effect = [&](const char* id) {
        const ReactionState* s = f.state(QString::fromLatin1(id));
        EXPECT_NE(s, nullptr) << id;
        return s ? s->effect : ReactionEffect::None;
    };
    EXPECT_EQ(effect("redness"), ReactionEffect::RestartIfLasting);
    EXPECT_EQ(effect("swelling"), ReactionEffect::RestartIfLasting);
    EXPECT_EQ(effect("infection"), ReactionEffect::Hold);
    EXPECT_EQ(effect("darkening"), ReactionEffect::Hold);
    EXPECT_EQ(effect("resolved"), ReactionEffect::Ends);
    EXPECT_EQ(effect("cleared"), ReactionEffect::Ends);
    EXPECT_TRUE(f.state(QStringLiteral("infection"))->advice.contains(u"doctor now"));
    EXPECT_FALSE(f.state(QStringLiteral("resolved"))->atChecks) << "offered only later";
}

TEST(RuleBook, AnUnknownReactionEffectIsNamed) {
    const Error e = loadWithFollowUp([](QJsonObject& f) {
        editState(f, 1, [](QJsonObject& s) {
            s.insert(QStringLiteral("effect"), QStringLiteral("sometimes"));
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("follow_up.states[1].effect"));
}

TEST(RuleBook, FollowUpStatesMustBeAbleToEndAReaction) {
    const Error e = loadWithFollowUp([](QJsonObject& f) {
        const QJsonArray states = f.value(QStringLiteral("states")).toArray();
        for (int i = 0; i < states.size(); ++i)
            if (states.at(i)[QStringLiteral("effect")] == QStringLiteral("ends"))
                editState(f, i, [](QJsonObject& s) {
                    s.insert(QStringLiteral("effect"), QStringLiteral("none"));
                });
    });
    EXPECT_EQ(e.field, QStringLiteral("follow_up.states"));
}

TEST(RuleBook, FollowUpChecksMustBeListedEarliestFirst) {
    const Error e = loadWithFollowUp([](QJsonObject& f) {
        QJsonArray checks = f.value(QStringLiteral("checks")).toArray();
        const QJsonValue first = checks.at(0);
        checks.removeAt(0);
        checks.append(first);
        f.insert(QStringLiteral("checks"), checks);
    });
    EXPECT_EQ(e.field, QStringLiteral("follow_up.checks[1].after_hours"));
}

TEST(RuleBook, AFollowUpStateOfferedNowhereKnownIsNamed) {
    const Error e = loadWithFollowUp([](QJsonObject& f) {
        editState(f, 0, [](QJsonObject& s) {
            s.insert(QStringLiteral("offered"), QJsonArray{QStringLiteral("sometimes")});
        });
    });
    EXPECT_EQ(e.field, QStringLiteral("follow_up.states[0].offered[0]"));
}

TEST(RuleBook, AftercareRulesSayWhichAreAboutActives) {
    const auto book = RuleBook::loadBuiltin();
    ASSERT_TRUE(book);
    QStringList about;
    for (const AftercareRule& r : book->aftercare())
        if (r.aboutActives)
            about << r.id;
    EXPECT_EQ(about, (QStringList{QStringLiteral("actives"), QStringLiteral("actives-before")}));
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "aftercare", 0,
                  [](QJsonObject& o) { o.insert(QStringLiteral("about_actives"), 1); });
    });
    EXPECT_EQ(e.field, QStringLiteral("aftercare[0].about_actives"));
}

TEST(RuleBook, AnActiveOfAnUnknownProductKindIsRefused) {
    const Error e = loadMutated([](QJsonObject& root) {
        editEntry(root, "actives", 0,
                  [](QJsonObject& a) { a.insert(QStringLiteral("kind"), QStringLiteral("acne")); });
    });
    EXPECT_EQ(e.field, QStringLiteral("actives[0].kind"));
    EXPECT_TRUE(test::rules().activeNamed(QStringLiteral("Tretinoin 0.05 %")));
    EXPECT_FALSE(test::rules().activeNamed(QStringLiteral("Retinolike")));
}
