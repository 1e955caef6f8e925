// The rule book reader (RuleBookReader.h): what judges a session — intervals, zone caps,
// contraindications, device wear, cleaning.
#include "RuleBookReader.h"

#include <algorithm>

namespace dermaplan {

bool RuleBookParser::parseReactionEffect(const QString& text, const QString& path,
                                         ReactionEffect& out) {
    for (ReactionEffect e :
         {ReactionEffect::None, ReactionEffect::RestartIfLasting, ReactionEffect::Hold,
          ReactionEffect::Ends, ReactionEffect::EndsLasting})
        if (reactionEffectId(e) == text) {
            out = e;
            return true;
        }
    fail(path, QStringLiteral("\"%1\" is not none, restart-if-lasting, hold, ends or ends-lasting")
                   .arg(text));
    return false;
}

bool RuleBookParser::parseHomeUse(const QString& text, const QString& path, HomeUse& out) {
    for (HomeUse h :
         {HomeUse::Yes, HomeUse::Caution, HomeUse::AdviseProfessional, HomeUse::ProfessionalOnly})
        if (homeUseId(h) == text) {
            out = h;
            return true;
        }
    fail(path, QStringLiteral("\"%1\" is not one of yes, caution, advise-professional, "
                              "professional-only")
                   .arg(text));
    return false;
}

bool RuleBookParser::parseIntervals(const QJsonObject& root, RuleBook& book) {
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
                !requireInt(ao, QStringLiteral("minimum_days"), apath, 1, 3650, rule.minimumDays) ||
                !requireInt(ao, QStringLiteral("default_days"), apath, 1, 3650, rule.defaultDays) ||
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

bool RuleBookParser::parseZoneCaps(const QJsonObject& root, RuleBook& book) {
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

bool RuleBookParser::parseContraindications(const QJsonObject& root, RuleBook& book) {
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
            fail(path + QStringLiteral(".id"), QStringLiteral("\"%1\" is listed twice").arg(c.id));
            return false;
        }
        book.m_contra << c;
        return true;
    };
    return forEachObject(root, QStringLiteral("contraindications"),
                         QStringLiteral("contraindications"), item);
}

bool RuleBookParser::parseDeviceWear(const QJsonObject& root, RuleBook& book) {
    const QString path = QStringLiteral("device_wear");
    QJsonObject o;
    DeviceWear& w = book.m_deviceWear;
    if (!requireObject(root.value(path), path, o) ||
        !requireInt(o, QStringLiteral("advise_from_use"), path, 1, 10000, w.adviseFromUse) ||
        !requireInt(o, QStringLiteral("refuse_after_uses"), path, 1, 10000, w.refuseAfterUses) ||
        !requireInt(o, QStringLiteral("refuse_after_days"), path, 1, 10000, w.refuseAfterDays) ||
        !requireSources(o, path, w.sources))
        return false;
    if (w.adviseFromUse > w.refuseAfterUses) {
        fail(path + QStringLiteral(".advise_from_use"),
             QStringLiteral("must not be above refuse_after_uses"));
        return false;
    }
    return true;
}

bool RuleBookParser::parseCleaning(const QJsonObject& root, RuleBook& book) {
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

} // namespace dermaplan
