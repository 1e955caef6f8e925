// The rule book reader (RuleBookReader.h): what follows a session — aftercare, follow-ups,
// advice, actives, regimen templates.
#include "RuleBookReader.h"

#include "domain/Product.h"

#include <algorithm>

namespace dermaplan {

bool RuleBookParser::parseAftercare(const QJsonObject& root, RuleBook& book) {
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
            fail(path + QStringLiteral(".steps"), QStringLiteral("must cover every needle up to %1")
                                                      .arg(book.m_maxNeedle.toString()));
            return false;
        }
        book.m_aftercare << rule;
        return true;
    };
    return forEachObject(root, QStringLiteral("aftercare"), QStringLiteral("aftercare"), item);
}

bool RuleBookParser::parseFollowUp(const QJsonObject& root, RuleBook& book) {
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
            !requireInt(co, QStringLiteral("after_hours"), cpath, 1, 24 * 365, check.afterHours))
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

bool RuleBookParser::parseAdvice(const QJsonObject& root, RuleBook& book) {
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

bool RuleBookParser::parseActives(const QJsonObject& root, RuleBook& book) {
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

bool RuleBookParser::parseTemplates(const QJsonObject& root, RuleBook& book) {
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
            fail(path + QStringLiteral(".area"), QStringLiteral("unknown area \"%1\"").arg(t.area));
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

} // namespace dermaplan
