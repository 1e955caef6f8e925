// The documents that describe the rules must say what the rule data says, and nothing the
// source article claimed.
#include "TestSupport.h"

#include "rules/RuleBookText.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

QString sourceFile(const QString& relative) {
    return QStringLiteral(DERMAPLAN_SOURCE_DIR "/") + relative;
}

} // namespace

TEST(Docs, SafetyRulesDocumentMatchesTheRuleData) {
    const QString onDisk =
        QString::fromUtf8(test::readAll(sourceFile(QStringLiteral("docs/safety-rules.md"))));
    ASSERT_FALSE(onDisk.isEmpty()) << "docs/safety-rules.md is missing";
    EXPECT_EQ(onDisk.toStdString(), rulesMarkdown(test::rules()).toStdString())
        << "docs/safety-rules.md is out of date: regenerate it with\n"
           "  build/bin/dermaplan-cli rules --format markdown > docs/safety-rules.md";
}

// Sources are cited by the names people know them by, and every name cited is a source of the
// rule data; no internal id ("S-HOME") is shown.
TEST(Docs, EverySourceCitedInTheSafetyRulesResolves) {
    const QString md = rulesMarkdown(test::rules());
    QStringList names;
    for (const Source& s : test::rules().sources())
        names << s.name;
    static const QRegularExpression cited(QStringLiteral(R"(\[([^\]]+)\])"));
    int count = 0;
    for (auto it = cited.globalMatch(md); it.hasNext();) {
        for (const QString& name : it.next().captured(1).split(QStringLiteral("; "))) {
            EXPECT_TRUE(names.contains(name)) << name.toStdString();
            ++count;
        }
    }
    EXPECT_GT(count, 20);
    static const QRegularExpression id(QStringLiteral(R"(\bS-[A-Z0-9]+\b)"));
    EXPECT_FALSE(id.match(md).hasMatch()) << id.match(md).captured(0).toStdString();
}

// The article this project started from made four false or misleading claims (domain guide,
// "Claims we must never repeat"). None may appear in the rule data or the documents.
TEST(Docs, NoClaimFromTheSourceArticleIsRepeated) {
    const QList<QRegularExpression> claims{
        QRegularExpression(QStringLiteral("causes? sagging"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("increas\\w* melanin"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("discontinue\\w* after a week"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("once or twice (per|a) week"),
                           QRegularExpression::CaseInsensitiveOption),
    };
    QStringList files{sourceFile(QStringLiteral("resources/rules.json")),
                      sourceFile(QStringLiteral("README.md"))};
    QDirIterator docs(sourceFile(QStringLiteral("docs")), {QStringLiteral("*.md")}, QDir::Files,
                      QDirIterator::Subdirectories);
    while (docs.hasNext())
        files << docs.next();
    ASSERT_GE(files.size(), 4);
    for (const QString& file : files) {
        const QString text = QString::fromUtf8(test::readAll(file));
        ASSERT_FALSE(text.isEmpty()) << file.toStdString();
        for (const QRegularExpression& claim : claims)
            EXPECT_FALSE(claim.match(text).hasMatch())
                << file.toStdString() << " repeats a claim: " << claim.pattern().toStdString();
    }
}
