// The rule book reader (RuleBookReader.h): the frame, the shared checks, sources, needles, areas.
#include "RuleBookParser.h"

#include "RuleBookReader.h"

#include <QJsonDocument>

namespace dermaplan {

Result<RuleBook> RuleBookParser::parse(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = 1 + json.left(parseError.offset).count('\n');
        return Error::at(m_file, line, {},
                         QStringLiteral("invalid JSON: %1").arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return fail({}, QStringLiteral("the top level must be an object"));
    const QJsonObject root = doc.object();
    if (root.value(u"format").toString() != u"dermaplan-rules")
        return fail(QStringLiteral("format"), QStringLiteral("must be \"dermaplan-rules\""));

    RuleBook book;
    // Sources first: every other entry's source ids are checked against them.
    if (!parseSources(root, book) || !parseNeedles(root, book) || !parseAreas(root, book) ||
        !checkSourceAreas(book) || !parseIntervals(root, book) || !parseZoneCaps(root, book) ||
        !parseContraindications(root, book) || !parseDeviceWear(root, book) ||
        !parseCleaning(root, book) || !parseAftercare(root, book) || !parseFollowUp(root, book) ||
        !parseAdvice(root, book) || !parseActives(root, book) || !parseTemplates(root, book))
        return *m_error;
    book.m_disclaimer = root.value(u"disclaimer").toString();
    if (book.m_disclaimer.isEmpty())
        return fail(QStringLiteral("disclaimer"), QStringLiteral("is missing"));
    return book;
}

Error RuleBookParser::fail(const QString& path, const QString& message) {
    m_error = Error::at(m_file, 0, path, message);
    return *m_error;
}

bool RuleBookParser::requireArray(const QJsonObject& o, const QString& key, const QString& path,
                                  QJsonArray& out) {
    const QJsonValue v = o.value(key);
    if (!v.isArray()) {
        fail(path,
             v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a list"));
        return false;
    }
    out = v.toArray();
    return true;
}

bool RuleBookParser::requireObject(const QJsonValue& v, const QString& path, QJsonObject& out) {
    if (!v.isObject()) {
        fail(path,
             v.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be an object"));
        return false;
    }
    out = v.toObject();
    return true;
}

// Each object of the list `key` in `parent` (at `path`), handed to `each` with its own path
// ("areas[2]"); false at the first problem, which names that path.
bool RuleBookParser::forEachObject(
    const QJsonObject& parent, const QString& key, const QString& path,
    const std::function<bool(const QJsonObject&, const QString&)>& each) {
    QJsonArray arr;
    if (!requireArray(parent, key, path, arr))
        return false;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        QJsonObject o;
        if (!requireObject(arr.at(i), at, o) || !each(o, at))
            return false;
    }
    return true;
}

bool RuleBookParser::requireString(const QJsonObject& o, const QString& key, const QString& path,
                                   QString& out, bool allowEmpty) {
    const QJsonValue v = o.value(key);
    if (!v.isString() || (!allowEmpty && v.toString().trimmed().isEmpty())) {
        fail(path + u'.' + key, v.isUndefined() ? QStringLiteral("is missing")
                                                : QStringLiteral("must be a non-empty text"));
        return false;
    }
    out = v.toString();
    return true;
}

bool RuleBookParser::requireInt(const QJsonObject& o, const QString& key, const QString& path,
                                int minimum, int maximum, int& out) {
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != static_cast<int>(d) || d < minimum || d > maximum) {
        fail(path + u'.' + key, v.isUndefined()
                                    ? QStringLiteral("is missing")
                                    : QStringLiteral("must be a whole number from %1 to %2, not %3")
                                          .arg(minimum)
                                          .arg(maximum)
                                          .arg(v.toVariant().toString()));
        return false;
    }
    out = static_cast<int>(d);
    return true;
}

bool RuleBookParser::requireMillimetres(const QJsonObject& o, const QString& key,
                                        const QString& path, NeedleLength& out) {
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() <= 0 || v.toDouble() > 10) {
        fail(path + u'.' + key, v.isUndefined()
                                    ? QStringLiteral("is missing")
                                    : QStringLiteral("must be a length in millimetres (0-10)"));
        return false;
    }
    out = NeedleLength::fromMillimetres(v.toDouble());
    return true;
}

bool RuleBookParser::requireSources(const QJsonObject& o, const QString& path, QStringList& out) {
    QJsonArray arr;
    if (!requireArray(o, QStringLiteral("sources"), path + QStringLiteral(".sources"), arr))
        return false;
    if (arr.isEmpty()) {
        fail(path + QStringLiteral(".sources"), QStringLiteral("must name at least one source"));
        return false;
    }
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString id = arr.at(i).toString();
        if (!m_sourceIds.contains(id)) {
            fail(QStringLiteral("%1.sources[%2]").arg(path).arg(i),
                 QStringLiteral("unknown source id \"%1\"").arg(id));
            return false;
        }
        out << id;
    }
    return true;
}

bool RuleBookParser::parseSources(const QJsonObject& root, RuleBook& book) {
    const auto item = [&](const QJsonObject& o, const QString& path) {
        Source s;
        if (!requireString(o, QStringLiteral("id"), path, s.id) ||
            !requireString(o, QStringLiteral("name"), path, s.name) ||
            !requireString(o, QStringLiteral("title"), path, s.title) ||
            !requireString(o, QStringLiteral("url"), path, s.url, true) ||
            !requireString(o, QStringLiteral("grade"), path, s.grade))
            return false;
        if (o.contains(u"areas") && !o.value(u"areas").isArray()) {
            fail(path + QStringLiteral(".areas"), QStringLiteral("must be a list"));
            return false;
        }
        for (const QJsonValue& a : o.value(u"areas").toArray())
            s.areas << a.toString(); // checked against the areas once they are read
        if (o.contains(u"up_to_mm")) {
            NeedleLength upTo;
            if (!requireMillimetres(o, QStringLiteral("up_to_mm"), path, upTo))
                return false;
            s.upTo = upTo;
        }
        if (!s.id.startsWith(u"S-")) {
            fail(path + QStringLiteral(".id"),
                 QStringLiteral("\"%1\" must start with S-").arg(s.id));
            return false;
        }
        if (m_sourceIds.contains(s.id)) {
            fail(path + QStringLiteral(".id"), QStringLiteral("\"%1\" is listed twice").arg(s.id));
            return false;
        }
        m_sourceIds.insert(s.id);
        book.m_sources << s;
        return true;
    };
    return forEachObject(root, QStringLiteral("sources"), QStringLiteral("sources"), item);
}

// The areas the sources speak of, once the areas are known.
bool RuleBookParser::checkSourceAreas(const RuleBook& book) {
    for (qsizetype i = 0; i < book.m_sources.size(); ++i)
        for (qsizetype a = 0; a < book.m_sources[i].areas.size(); ++a)
            if (!book.area(book.m_sources[i].areas[a])) {
                fail(QStringLiteral("sources[%1].areas[%2]").arg(i).arg(a),
                     QStringLiteral("unknown area \"%1\"").arg(book.m_sources[i].areas[a]));
                return false;
            }
    return true;
}

// Each source a rule about `area` (and `needle`) cites speaks of them: a figure is cited to
// a source that states it (domain guide, "Sources, v3").
bool RuleBookParser::requireCitedFor(const QStringList& ids, const QString& path,
                                     const RuleBook& book, const QString& area,
                                     std::optional<NeedleLength> needle) {
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const Source* source = book.source(ids[i]);
        const QString at = QStringLiteral("%1.sources[%2]").arg(path).arg(i);
        if (!source->speaksOf(area)) {
            fail(at, QStringLiteral("\"%1\" speaks of %2 only, not of %3")
                         .arg(source->id, source->areas.join(QStringLiteral(", ")), area));
            return false;
        }
        if (needle && !source->speaksOf(*needle)) {
            fail(at, QStringLiteral("\"%1\" speaks of needles up to %2 only, not of %3")
                         .arg(source->id, source->upTo->toString(), needle->toString()));
            return false;
        }
    }
    return true;
}

bool RuleBookParser::parseNeedles(const QJsonObject& root, RuleBook& book) {
    const QString path = QStringLiteral("needles");
    QJsonObject o;
    QJsonArray sizes;
    if (!requireObject(root.value(path), path, o) ||
        !requireMillimetres(o, QStringLiteral("min_mm"), path, book.m_minNeedle) ||
        !requireMillimetres(o, QStringLiteral("max_mm"), path, book.m_maxNeedle) ||
        !requireArray(o, QStringLiteral("standard_mm"), path + QStringLiteral(".standard_mm"),
                      sizes))
        return false;
    if (book.m_minNeedle >= book.m_maxNeedle) {
        fail(path + QStringLiteral(".min_mm"), QStringLiteral("must be below max_mm"));
        return false;
    }
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const NeedleLength n = NeedleLength::fromMillimetres(sizes.at(i).toDouble(-1));
        const QString where = QStringLiteral("%1.standard_mm[%2]").arg(path).arg(i);
        if (!sizes.at(i).isDouble() || n < book.m_minNeedle || n > book.m_maxNeedle) {
            fail(where, QStringLiteral("must be a length within min_mm and max_mm"));
            return false;
        }
        if (!book.m_standardSizes.isEmpty() && n <= book.m_standardSizes.constLast()) {
            fail(where, QStringLiteral("sizes must be listed shortest first, each once"));
            return false;
        }
        book.m_standardSizes << n;
    }
    if (book.m_standardSizes.isEmpty()) {
        fail(path + QStringLiteral(".standard_mm"), QStringLiteral("must list at least one size"));
        return false;
    }
    return true;
}

bool RuleBookParser::parseAreas(const QJsonObject& root, RuleBook& book) {
    const auto item = [&](const QJsonObject& o, const QString& path) {
        Area a;
        QJsonArray zones;
        if (!requireString(o, QStringLiteral("id"), path, a.id) ||
            !requireString(o, QStringLiteral("name"), path, a.name) ||
            !requireArray(o, QStringLiteral("zones"), path + QStringLiteral(".zones"), zones))
            return false;
        if (book.area(a.id)) {
            fail(path + QStringLiteral(".id"), QStringLiteral("\"%1\" is listed twice").arg(a.id));
            return false;
        }
        for (qsizetype z = 0; z < zones.size(); ++z) {
            const QString zpath = QStringLiteral("%1.zones[%2]").arg(path).arg(z);
            QJsonObject zo;
            Zone zone;
            if (!requireObject(zones.at(z), zpath, zo) ||
                !requireString(zo, QStringLiteral("id"), zpath, zone.id) ||
                !requireString(zo, QStringLiteral("name"), zpath, zone.name))
                return false;
            if (a.zone(zone.id)) {
                fail(zpath + QStringLiteral(".id"),
                     QStringLiteral("\"%1\" is listed twice").arg(zone.id));
                return false;
            }
            a.zones << zone;
        }
        QJsonArray tips;
        if (!requireArray(o, QStringLiteral("tips"), path + QStringLiteral(".tips"), tips))
            return false;
        for (qsizetype t = 0; t < tips.size(); ++t) {
            const QString tpath = QStringLiteral("%1.tips[%2]").arg(path).arg(t);
            QJsonObject to;
            Advice tip;
            if (!requireObject(tips.at(t), tpath, to) ||
                !requireString(to, QStringLiteral("text"), tpath, tip.text) ||
                !requireSources(to, tpath, tip.sources))
                return false;
            a.tips << tip;
        }
        book.m_areas << a;
        return true;
    };
    if (!forEachObject(root, QStringLiteral("areas"), QStringLiteral("areas"), item))
        return false;
    if (book.m_areas.isEmpty()) {
        fail(QStringLiteral("areas"), QStringLiteral("must list at least one area"));
        return false;
    }
    return true;
}

Result<RuleBook> parseRuleBook(const QByteArray& json, const QString& fileName) {
    return RuleBookParser(fileName).parse(json);
}

} // namespace dermaplan
