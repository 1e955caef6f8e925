#include "RuleBookParser.h"

#include "domain/Product.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>

namespace dermaplan {

// Reads rules.json into a RuleBook, stopping at the first entry that is wrong and naming it by
// its JSON path (e.g. "intervals[3].areas.scalp.minimum_days").
class RuleBookParser {
public:
    explicit RuleBookParser(QString fileName)
        : m_file(std::move(fileName)) {}

    Result<RuleBook> parse(const QByteArray& json) {
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
            !parseCleaning(root, book) || !parseAftercare(root, book) ||
            !parseFollowUp(root, book) || !parseAdvice(root, book) || !parseActives(root, book) ||
            !parseTemplates(root, book))
            return *m_error;
        book.m_disclaimer = root.value(u"disclaimer").toString();
        if (book.m_disclaimer.isEmpty())
            return fail(QStringLiteral("disclaimer"), QStringLiteral("is missing"));
        return book;
    }

private:
    Error fail(const QString& path, const QString& message) {
        m_error = Error::at(m_file, 0, path, message);
        return *m_error;
    }

    bool requireArray(const QJsonObject& o, const QString& key, const QString& path,
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

    bool requireObject(const QJsonValue& v, const QString& path, QJsonObject& out) {
        if (!v.isObject()) {
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be an object"));
            return false;
        }
        out = v.toObject();
        return true;
    }

    // Each object of the list `key` in `parent` (at `path`), handed to `each` with its own path
    // ("areas[2]"); false at the first problem, which names that path.
    bool forEachObject(const QJsonObject& parent, const QString& key, const QString& path,
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

    bool requireString(const QJsonObject& o, const QString& key, const QString& path, QString& out,
                       bool allowEmpty = false) {
        const QJsonValue v = o.value(key);
        if (!v.isString() || (!allowEmpty && v.toString().trimmed().isEmpty())) {
            fail(path + u'.' + key, v.isUndefined() ? QStringLiteral("is missing")
                                                    : QStringLiteral("must be a non-empty text"));
            return false;
        }
        out = v.toString();
        return true;
    }

    bool requireInt(const QJsonObject& o, const QString& key, const QString& path, int minimum,
                    int maximum, int& out) {
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != static_cast<int>(d) || d < minimum || d > maximum) {
            fail(path + u'.' + key,
                 v.isUndefined() ? QStringLiteral("is missing")
                                 : QStringLiteral("must be a whole number from %1 to %2, not %3")
                                       .arg(minimum)
                                       .arg(maximum)
                                       .arg(v.toVariant().toString()));
            return false;
        }
        out = static_cast<int>(d);
        return true;
    }

    bool requireMillimetres(const QJsonObject& o, const QString& key, const QString& path,
                            NeedleLength& out) {
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

    bool requireSources(const QJsonObject& o, const QString& path, QStringList& out) {
        QJsonArray arr;
        if (!requireArray(o, QStringLiteral("sources"), path + QStringLiteral(".sources"), arr))
            return false;
        if (arr.isEmpty()) {
            fail(path + QStringLiteral(".sources"),
                 QStringLiteral("must name at least one source"));
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

    bool parseSources(const QJsonObject& root, RuleBook& book) {
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
                fail(path + QStringLiteral(".id"),
                     QStringLiteral("\"%1\" is listed twice").arg(s.id));
                return false;
            }
            m_sourceIds.insert(s.id);
            book.m_sources << s;
            return true;
        };
        return forEachObject(root, QStringLiteral("sources"), QStringLiteral("sources"), item);
    }

    // The areas the sources speak of, once the areas are known.
    bool checkSourceAreas(const RuleBook& book) {
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
    bool requireCitedFor(const QStringList& ids, const QString& path, const RuleBook& book,
                         const QString& area, std::optional<NeedleLength> needle = {}) {
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

    bool parseNeedles(const QJsonObject& root, RuleBook& book) {
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
            fail(path + QStringLiteral(".standard_mm"),
                 QStringLiteral("must list at least one size"));
            return false;
        }
        return true;
    }

    bool parseAreas(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            Area a;
            QJsonArray zones;
            if (!requireString(o, QStringLiteral("id"), path, a.id) ||
                !requireString(o, QStringLiteral("name"), path, a.name) ||
                !requireArray(o, QStringLiteral("zones"), path + QStringLiteral(".zones"), zones))
                return false;
            if (book.area(a.id)) {
                fail(path + QStringLiteral(".id"),
                     QStringLiteral("\"%1\" is listed twice").arg(a.id));
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

    bool parseReactionEffect(const QString& text, const QString& path, ReactionEffect& out) {
        for (ReactionEffect e :
             {ReactionEffect::None, ReactionEffect::RestartIfLasting, ReactionEffect::Hold,
              ReactionEffect::Ends, ReactionEffect::EndsLasting})
            if (reactionEffectId(e) == text) {
                out = e;
                return true;
            }
        fail(path,
             QStringLiteral("\"%1\" is not none, restart-if-lasting, hold, ends or ends-lasting")
                 .arg(text));
        return false;
    }

    bool parseHomeUse(const QString& text, const QString& path, HomeUse& out) {
        for (HomeUse h : {HomeUse::Yes, HomeUse::Caution, HomeUse::AdviseProfessional,
                          HomeUse::ProfessionalOnly})
            if (homeUseId(h) == text) {
                out = h;
                return true;
            }
        fail(path, QStringLiteral("\"%1\" is not one of yes, caution, advise-professional, "
                                  "professional-only")
                       .arg(text));
        return false;
    }

    bool parseIntervals(const QJsonObject& root, RuleBook& book) {
        QSet<int> seen;
        const auto item = [&](const QJsonObject& o, const QString& path) {
            QJsonObject areas;
            NeedleLength needle;
            if (!requireMillimetres(o, QStringLiteral("needle_mm"), path, needle) ||
                !requireObject(o.value(u"areas"), path + QStringLiteral(".areas"), areas))
                return false;
            if (!book.m_standardSizes.contains(needle)) {
                fail(path + QStringLiteral(".needle_mm"),
                     QStringLiteral("%1 is not a standard size").arg(needle.toString()));
                return false;
            }
            if (seen.contains(needle.micrometres())) {
                fail(path + QStringLiteral(".needle_mm"),
                     QStringLiteral("%1 is listed twice").arg(needle.toString()));
                return false;
            }
            seen.insert(needle.micrometres());
            for (const QString& key : areas.keys())
                if (!book.area(key)) {
                    fail(path + QStringLiteral(".areas.") + key, QStringLiteral("unknown area"));
                    return false;
                }
            for (const Area& area : book.m_areas) {
                const QString apath = path + QStringLiteral(".areas.") + area.id;
                QJsonObject ao;
                IntervalRule rule;
                rule.needle = needle;
                rule.area = area.id;
                QString home;
                // Each cell cites the sources about its own area (domain guide).
                if (!requireObject(areas.value(area.id), apath, ao) ||
                    !requireSources(ao, apath, rule.sources) ||
                    !requireCitedFor(rule.sources, apath, book, area.id, needle) ||
                    !requireInt(ao, QStringLiteral("minimum_days"), apath, 1, 3650,
                                rule.minimumDays) ||
                    !requireInt(ao, QStringLiteral("default_days"), apath, 1, 3650,
                                rule.defaultDays) ||
                    !requireString(ao, QStringLiteral("home_use"), apath, home) ||
                    !parseHomeUse(home, apath + QStringLiteral(".home_use"), rule.homeUse))
                    return false;
                if (rule.minimumDays > rule.defaultDays) {
                    fail(apath + QStringLiteral(".minimum_days"),
                         QStringLiteral("%1 is longer than default_days (%2)")
                             .arg(rule.minimumDays)
                             .arg(rule.defaultDays));
                    return false;
                }
                rule.gapSources = rule.sources;
                rule.gapSources << QStringLiteral("S-DERMAPLAN");
                rule.gapSources.removeDuplicates();
                book.m_intervals << rule;
            }
            return true;
        };
        if (!forEachObject(root, QStringLiteral("intervals"), QStringLiteral("intervals"), item))
            return false;
        for (const NeedleLength& size : std::as_const(book.m_standardSizes))
            if (!seen.contains(size.micrometres())) {
                fail(QStringLiteral("intervals"),
                     QStringLiteral("no entry for the standard size %1").arg(size.toString()));
                return false;
            }
        // A longer needle must never get a shorter interval than a shorter one on the same area.
        for (const Area& area : std::as_const(book.m_areas)) {
            const IntervalRule* previous = nullptr;
            for (const NeedleLength& size : std::as_const(book.m_standardSizes)) {
                const IntervalRule& rule = book.interval(area.id, size);
                if (previous && (rule.minimumDays < previous->minimumDays ||
                                 rule.defaultDays < previous->defaultDays)) {
                    fail(QStringLiteral("intervals"),
                         QStringLiteral("%1 on %2 has a shorter interval than %3")
                             .arg(size.toString(), area.id, previous->needle.toString()));
                    return false;
                }
                previous = &rule;
            }
        }
        return true;
    }

    bool parseZoneCaps(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            ZoneCap cap;
            if (!requireString(o, QStringLiteral("area"), path, cap.area) ||
                !requireString(o, QStringLiteral("zone"), path, cap.zone) ||
                !requireMillimetres(o, QStringLiteral("allow_up_to_mm"), path, cap.allowUpTo) ||
                !requireMillimetres(o, QStringLiteral("advise_up_to_mm"), path, cap.adviseUpTo) ||
                !requireString(o, QStringLiteral("reason"), path, cap.reason) ||
                !requireSources(o, path, cap.sources))
                return false;
            const Area* area = book.area(cap.area);
            if (!area) {
                fail(path + QStringLiteral(".area"),
                     QStringLiteral("unknown area \"%1\"").arg(cap.area));
                return false;
            }
            if (!requireCitedFor(cap.sources, path, book, cap.area))
                return false;
            if (!area->zone(cap.zone)) {
                fail(path + QStringLiteral(".zone"),
                     QStringLiteral("\"%1\" is not a zone of %2").arg(cap.zone, cap.area));
                return false;
            }
            if (cap.adviseUpTo < cap.allowUpTo) {
                fail(path + QStringLiteral(".advise_up_to_mm"),
                     QStringLiteral("must not be below allow_up_to_mm"));
                return false;
            }
            book.m_zoneCaps << cap;
            return true;
        };
        return forEachObject(root, QStringLiteral("zone_caps"), QStringLiteral("zone_caps"), item);
    }

    bool parseContraindications(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            Contraindication c;
            QString effect;
            if (!requireString(o, QStringLiteral("id"), path, c.id) ||
                !requireString(o, QStringLiteral("label"), path, c.label) ||
                !requireString(o, QStringLiteral("advice"), path, c.advice) ||
                !requireString(o, QStringLiteral("effect"), path, effect) ||
                !requireSources(o, path, c.sources))
                return false;
            if (effect == u"refuse")
                c.effect = Severity::Refuse;
            else if (effect == u"advise")
                c.effect = Severity::Advise;
            else {
                fail(path + QStringLiteral(".effect"),
                     QStringLiteral("\"%1\" is not refuse or advise").arg(effect));
                return false;
            }
            if (o.contains(u"refuse_above_mm")) {
                NeedleLength above;
                if (!requireMillimetres(o, QStringLiteral("refuse_above_mm"), path, above))
                    return false;
                c.refuseAbove = above;
            }
            if (book.contraindication(c.id)) {
                fail(path + QStringLiteral(".id"),
                     QStringLiteral("\"%1\" is listed twice").arg(c.id));
                return false;
            }
            book.m_contra << c;
            return true;
        };
        return forEachObject(root, QStringLiteral("contraindications"),
                             QStringLiteral("contraindications"), item);
    }

    bool parseDeviceWear(const QJsonObject& root, RuleBook& book) {
        const QString path = QStringLiteral("device_wear");
        QJsonObject o;
        DeviceWear& w = book.m_deviceWear;
        if (!requireObject(root.value(path), path, o) ||
            !requireInt(o, QStringLiteral("advise_from_use"), path, 1, 10000, w.adviseFromUse) ||
            !requireInt(o, QStringLiteral("refuse_after_uses"), path, 1, 10000,
                        w.refuseAfterUses) ||
            !requireInt(o, QStringLiteral("refuse_after_days"), path, 1, 10000,
                        w.refuseAfterDays) ||
            !requireSources(o, path, w.sources))
            return false;
        if (w.adviseFromUse > w.refuseAfterUses) {
            fail(path + QStringLiteral(".advise_from_use"),
                 QStringLiteral("must not be above refuse_after_uses"));
            return false;
        }
        return true;
    }

    bool parseCleaning(const QJsonObject& root, RuleBook& book) {
        const QString path = QStringLiteral("cleaning");
        QJsonObject o;
        QJsonArray steps;
        if (!requireObject(root.value(path), path, o) ||
            !requireArray(o, QStringLiteral("steps"), path + QStringLiteral(".steps"), steps) ||
            !requireSources(o, path, book.m_cleaningSources))
            return false;
        for (const QJsonValue& s : steps)
            book.m_cleaningSteps << s.toString();
        return true;
    }

    bool parseAftercare(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            AftercareRule rule;
            QString when;
            QJsonArray steps;
            if (!requireString(o, QStringLiteral("id"), path, rule.id) ||
                !requireString(o, QStringLiteral("text"), path, rule.text) ||
                !requireString(o, QStringLiteral("when"), path, when) ||
                !requireArray(o, QStringLiteral("steps"), path + QStringLiteral(".steps"), steps) ||
                !requireSources(o, path, rule.sources))
                return false;
            if (when != u"after" && when != u"before") {
                fail(path + QStringLiteral(".when"),
                     QStringLiteral("\"%1\" is not after or before").arg(when));
                return false;
            }
            rule.when = when == u"after" ? AftercareRule::When::After : AftercareRule::When::Before;
            rule.brief = o.value(u"short").toString(rule.text);
            if (const QJsonValue actives = o.value(u"about_actives"); !actives.isUndefined()) {
                if (!actives.isBool()) {
                    fail(path + QStringLiteral(".about_actives"),
                         QStringLiteral("must be true or false"));
                    return false;
                }
                rule.aboutActives = actives.toBool();
            }
            const QJsonArray areas = o.value(u"areas").toArray();
            for (qsizetype a = 0; a < areas.size(); ++a) {
                rule.areas << areas.at(a).toString();
                if (!book.area(rule.areas.constLast())) {
                    fail(QStringLiteral("%1.areas[%2]").arg(path).arg(a),
                         QStringLiteral("unknown area \"%1\"").arg(rule.areas.constLast()));
                    return false;
                }
                if (!requireCitedFor(rule.sources, path, book, rule.areas.constLast()))
                    return false;
            }
            for (qsizetype s = 0; s < steps.size(); ++s) {
                const QString spath = QStringLiteral("%1.steps[%2]").arg(path).arg(s);
                QJsonObject so;
                NeedleStep step;
                if (!requireObject(steps.at(s), spath, so) ||
                    !requireMillimetres(so, QStringLiteral("up_to_mm"), spath, step.upTo) ||
                    !requireInt(so, QStringLiteral("hours"), spath, 1, 24 * 365, step.hours))
                    return false;
                if (!rule.steps.isEmpty() && step.upTo <= rule.steps.constLast().upTo) {
                    fail(spath + QStringLiteral(".up_to_mm"),
                         QStringLiteral("steps must be listed shortest needle first"));
                    return false;
                }
                rule.steps << step;
            }
            if (rule.steps.isEmpty() || rule.steps.constLast().upTo < book.m_maxNeedle) {
                fail(path + QStringLiteral(".steps"),
                     QStringLiteral("must cover every needle up to %1")
                         .arg(book.m_maxNeedle.toString()));
                return false;
            }
            book.m_aftercare << rule;
            return true;
        };
        return forEachObject(root, QStringLiteral("aftercare"), QStringLiteral("aftercare"), item);
    }

    bool parseFollowUp(const QJsonObject& root, RuleBook& book) {
        const QString path = QStringLiteral("follow_up");
        QJsonObject o;
        QJsonArray checks;
        QJsonArray states;
        FollowUpRules& f = book.m_followUp;
        if (!requireObject(root.value(path), path, o) ||
            !requireString(o, QStringLiteral("text"), path, f.text) ||
            !requireArray(o, QStringLiteral("checks"), path + QStringLiteral(".checks"), checks) ||
            !requireInt(o, QStringLiteral("ask_for_days"), path, 1, 365, f.askForDays) ||
            !requireInt(o, QStringLiteral("lasting_after_hours"), path, 1, 24 * 365,
                        f.lastingAfterHours) ||
            !requireInt(o, QStringLiteral("see_doctor_after_days"), path, 1, 365,
                        f.seeDoctorAfterDays) ||
            !requireArray(o, QStringLiteral("states"), path + QStringLiteral(".states"), states) ||
            !requireSources(o, path, f.sources))
            return false;
        for (qsizetype i = 0; i < checks.size(); ++i) {
            const QString cpath = QStringLiteral("%1.checks[%2]").arg(path).arg(i);
            QJsonObject co;
            FollowUpCheck check;
            if (!requireObject(checks.at(i), cpath, co) ||
                !requireString(co, QStringLiteral("id"), cpath, check.id) ||
                !requireInt(co, QStringLiteral("after_hours"), cpath, 1, 24 * 365,
                            check.afterHours))
                return false;
            if (!f.checks.isEmpty() && check.afterHours <= f.checks.constLast().afterHours) {
                fail(cpath + QStringLiteral(".after_hours"),
                     QStringLiteral("checks must be listed earliest first"));
                return false;
            }
            f.checks << check;
        }
        if (f.checks.isEmpty()) {
            fail(path + QStringLiteral(".checks"), QStringLiteral("must list at least one check"));
            return false;
        }
        bool ends = false;
        for (qsizetype i = 0; i < states.size(); ++i) {
            const QString spath = QStringLiteral("%1.states[%2]").arg(path).arg(i);
            QJsonObject so;
            ReactionState state;
            QString effect;
            QJsonArray offered;
            if (!requireObject(states.at(i), spath, so) ||
                !requireString(so, QStringLiteral("id"), spath, state.id) ||
                !requireString(so, QStringLiteral("label"), spath, state.label) ||
                !requireString(so, QStringLiteral("hint"), spath, state.hint, true) ||
                !requireString(so, QStringLiteral("effect"), spath, effect) ||
                !requireArray(so, QStringLiteral("offered"), spath + QStringLiteral(".offered"),
                              offered) ||
                !requireString(so, QStringLiteral("advice"), spath, state.advice, true) ||
                !requireSources(so, spath, state.sources))
                return false;
            if (!parseReactionEffect(effect, spath + QStringLiteral(".effect"), state.effect))
                return false;
            ends = ends || state.effect == ReactionEffect::Ends;
            state.atChecks = offered.contains(QStringLiteral("check"));
            state.whileOpen = offered.contains(QStringLiteral("open"));
            for (qsizetype k = 0; k < offered.size(); ++k)
                if (const QString when = offered.at(k).toString();
                    when != u"check" && when != u"open") {
                    fail(QStringLiteral("%1.offered[%2]").arg(spath).arg(k),
                         QStringLiteral("must be \"check\" or \"open\""));
                    return false;
                }
            if (f.state(state.id)) {
                fail(spath + QStringLiteral(".id"),
                     QStringLiteral("\"%1\" is listed twice").arg(state.id));
                return false;
            }
            f.states << state;
        }
        // A reaction that holds an area must be able to end, or the area is held for ever.
        if (!ends) {
            fail(path + QStringLiteral(".states"),
                 QStringLiteral("must have a state whose effect ends a reaction"));
            return false;
        }
        return true;
    }

    bool parseAdvice(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            Advice advice;
            if (!requireString(o, QStringLiteral("text"), path, advice.text) ||
                !requireSources(o, path, advice.sources))
                return false;
            book.m_generalAdvice << advice;
            return true;
        };
        if (!forEachObject(root, QStringLiteral("general_advice"), QStringLiteral("general_advice"),
                           item))
            return false;
        return true;
    }

    bool parseActives(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            ActiveKind a;
            QJsonArray words;
            if (!requireString(o, QStringLiteral("kind"), path, a.kind) ||
                !requireString(o, QStringLiteral("label"), path, a.label) ||
                !requireArray(o, QStringLiteral("words"), path + QStringLiteral(".words"), words) ||
                !requireSources(o, path, a.sources))
                return false;
            if (!productKinds().contains(a.kind)) {
                fail(path + QStringLiteral(".kind"),
                     QStringLiteral("\"%1\" is not a product kind").arg(a.kind));
                return false;
            }
            for (qsizetype i = 0; i < words.size(); ++i) {
                const QString word = words.at(i).toString().trimmed();
                if (word.isEmpty()) {
                    fail(QStringLiteral("%1.words[%2]").arg(path).arg(i),
                         QStringLiteral("must be a name"));
                    return false;
                }
                a.words << word;
            }
            book.m_actives << a;
            return true;
        };
        return forEachObject(root, QStringLiteral("actives"), QStringLiteral("actives"), item);
    }

    bool parseTemplates(const QJsonObject& root, RuleBook& book) {
        const auto item = [&](const QJsonObject& o, const QString& path) {
            RegimenTemplate t;
            QString by;
            if (!requireString(o, QStringLiteral("id"), path, t.id) ||
                !requireString(o, QStringLiteral("name"), path, t.name) ||
                !requireString(o, QStringLiteral("area"), path, t.area) ||
                !requireMillimetres(o, QStringLiteral("needle_mm"), path, t.needle) ||
                !requireInt(o, QStringLiteral("every_days"), path, 1, 3650, t.everyDays) ||
                !requireString(o, QStringLiteral("performed_by"), path, by) ||
                !requireString(o, QStringLiteral("goal"), path, t.goal) ||
                !requireSources(o, path, t.sources))
                return false;
            if (!book.area(t.area)) {
                fail(path + QStringLiteral(".area"),
                     QStringLiteral("unknown area \"%1\"").arg(t.area));
                return false;
            }
            if (!requireCitedFor(t.sources, path, book, t.area, t.needle))
                return false;
            const auto performer = parsePerformer(by, path + QStringLiteral(".performed_by"));
            if (!performer) {
                m_error = performer.error();
                m_error->file = m_file;
                return false;
            }
            t.performedBy = *performer;
            if (!o.value(u"weeks").isNull()) {
                int weeks = 0;
                if (!requireInt(o, QStringLiteral("weeks"), path, 1, 520, weeks))
                    return false;
                t.weeks = weeks;
            }
            // A template must itself respect the floor it will be checked against.
            const IntervalRule& rule = book.interval(t.area, t.needle);
            if (t.everyDays < rule.minimumDays) {
                fail(path + QStringLiteral(".every_days"),
                     QStringLiteral("%1 days is below the %2-day minimum for %3 on %4")
                         .arg(t.everyDays)
                         .arg(rule.minimumDays)
                         .arg(t.needle.toString(), t.area));
                return false;
            }
            book.m_templates << t;
            return true;
        };
        return forEachObject(root, QStringLiteral("templates"), QStringLiteral("templates"), item);
    }

    QString m_file;
    QSet<QString> m_sourceIds;
    std::optional<Error> m_error;
};

Result<RuleBook> parseRuleBook(const QByteArray& json, const QString& fileName) {
    return RuleBookParser(fileName).parse(json);
}

} // namespace dermaplan
