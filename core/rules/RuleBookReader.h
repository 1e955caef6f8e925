#pragma once

// The rule book's reader, internal to core/rules: one class whose sections live in their own
// files (RuleBookParser.cpp: the frame, sources, needles and areas; RuleBookSessionRules.cpp:
// intervals, caps, contraindications, devices, cleaning; RuleBookCareRules.cpp: aftercare,
// follow-ups, advice, actives, templates).

#include "RuleBook.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <functional>
#include <optional>

namespace dermaplan {

// Reads rules.json into a RuleBook, stopping at the first entry that is wrong and naming it by
// its JSON path (e.g. "intervals[3].areas.scalp.minimum_days").
class RuleBookParser {
public:
    explicit RuleBookParser(QString fileName)
        : m_file(std::move(fileName)) {}

    Result<RuleBook> parse(const QByteArray& json);

private:
    Error fail(const QString& path, const QString& message);
    bool requireArray(const QJsonObject& o, const QString& key, const QString& path,
                      QJsonArray& out);
    bool requireObject(const QJsonValue& v, const QString& path, QJsonObject& out);
    // Each object of the list `key` in `parent` (at `path`), handed to `each` with its own path
    // ("areas[2]"); false at the first problem, which names that path.
    bool forEachObject(const QJsonObject& parent, const QString& key, const QString& path,
                       const std::function<bool(const QJsonObject&, const QString&)>& each);
    bool requireString(const QJsonObject& o, const QString& key, const QString& path, QString& out,
                       bool allowEmpty = false);
    bool requireInt(const QJsonObject& o, const QString& key, const QString& path, int minimum,
                    int maximum, int& out);
    bool requireMillimetres(const QJsonObject& o, const QString& key, const QString& path,
                            NeedleLength& out);
    bool requireSources(const QJsonObject& o, const QString& path, QStringList& out);
    bool parseSources(const QJsonObject& root, RuleBook& book);
    // The areas the sources speak of, once the areas are known.
    bool checkSourceAreas(const RuleBook& book);
    // Each source a rule about `area` (and `needle`) cites speaks of them: a figure is cited to
    // a source that states it (domain guide, "Sources, v3").
    bool requireCitedFor(const QStringList& ids, const QString& path, const RuleBook& book,
                         const QString& area, std::optional<NeedleLength> needle = {});
    bool parseNeedles(const QJsonObject& root, RuleBook& book);
    bool parseAreas(const QJsonObject& root, RuleBook& book);
    bool parseReactionEffect(const QString& text, const QString& path, ReactionEffect& out);
    bool parseHomeUse(const QString& text, const QString& path, HomeUse& out);
    bool parseIntervals(const QJsonObject& root, RuleBook& book);
    bool parseZoneCaps(const QJsonObject& root, RuleBook& book);
    bool parseContraindications(const QJsonObject& root, RuleBook& book);
    bool parseDeviceWear(const QJsonObject& root, RuleBook& book);
    bool parseCleaning(const QJsonObject& root, RuleBook& book);
    bool parseAftercare(const QJsonObject& root, RuleBook& book);
    bool parseFollowUp(const QJsonObject& root, RuleBook& book);
    bool parseAdvice(const QJsonObject& root, RuleBook& book);
    bool parseActives(const QJsonObject& root, RuleBook& book);
    bool parseTemplates(const QJsonObject& root, RuleBook& book);

    QString m_file;
    QSet<QString> m_sourceIds;
    std::optional<Error> m_error;
};

} // namespace dermaplan
