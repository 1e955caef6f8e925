#include "RuleBookText.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace dermaplan {

namespace {

class RulesTr {
    Q_DECLARE_TR_FUNCTIONS(RuleBookText)
};

// Sources by their names, as people cite them: "[Faghihi et al. 2021; Harris 2015]".
QString cite(const RuleBook& rules, const QStringList& ids) {
    return QStringLiteral("[") + rules.sourceNames(ids) + u']';
}

QString homeUseText(HomeUse h) {
    switch (h) {
    case HomeUse::Yes:
        return RulesTr::tr("home use");
    case HomeUse::Caution:
        return RulesTr::tr("home use with caution (advice)");
    case HomeUse::AdviseProfessional:
        return RulesTr::tr("professional advised (advice)");
    case HomeUse::ProfessionalOnly:
        return RulesTr::tr("professional only (refused for self)");
    }
    return {};
}

QString hoursText(int hours);

// What an answer does, in the words of the domain guide.
QString reactionEffectText(ReactionEffect effect, const FollowUpRules& f) {
    switch (effect) {
    case ReactionEffect::None:
        return RulesTr::tr("recorded, no rule changes.");
    case ReactionEffect::RestartIfLasting:
        return RulesTr::tr("expected in the first days; still there %1 after the session, the "
                           "area is held until it resolves, and its recovery interval counts "
                           "again from that day (see a doctor if it lasts beyond %n day(s)).",
                           nullptr, f.seeDoctorAfterDays)
            .arg(hoursText(f.lastingAfterHours));
    case ReactionEffect::Hold:
        return RulesTr::tr("new sessions on the area are refused until it has resolved or a "
                           "doctor has cleared it (override with a reason).");
    case ReactionEffect::Ends:
        return RulesTr::tr("ends an open reaction.");
    case ReactionEffect::EndsLasting:
        return RulesTr::tr("ends a lasting redness or swelling; signs of infection or darkening "
                           "stay held until they have resolved or a doctor has cleared them.");
    }
    return {};
}

QString hoursText(int hours) {
    if (hours % 24 == 0 && hours >= 72)
        return RulesTr::tr("%n day(s)", nullptr, hours / 24);
    return RulesTr::tr("%n hour(s)", nullptr, hours);
}

// What kind of source a grade is, in the words people read: a consumer page is never "a study".
QString gradeText(const QString& grade) {
    if (grade == u"A")
        return RulesTr::tr("trial or review");
    if (grade == u"B")
        return RulesTr::tr("professional body or clinic");
    if (grade == u"C")
        return RulesTr::tr("consumer or clinic page");
    return RulesTr::tr("Dermaplan's own choice");
}

} // namespace

QString rulesMarkdown(const RuleBook& rules, RulesReader reader) {
    QString md = RulesTr::tr("# Dermaplan safety rules\n\n");
    md += QStringLiteral("> ") + rules.disclaimer() + QStringLiteral("\n\n");
    md += reader == RulesReader::Document
              ? RulesTr::tr("Generated from the rule data (`resources/rules.json`) by "
                            "`dermaplan-cli rules --format markdown`; every rule names its "
                            "sources, listed at the end.\n\n")
              : RulesTr::tr("Every rule names its sources, listed at the end.\n\n");

    md += RulesTr::tr(
              "## Recovery intervals\n\n"
              "Each area keeps its own recovery clock, and every earlier session on the area "
              "counts, not only the last one: for each, a new session waits the larger of the "
              "rule for that session's needle and the rule for the new needle, in local calendar "
              "days; the earliest allowed date is the latest of those dates — and, for a "
              "session logged late, the first day on or after it that the sessions logged "
              "*after* it leave room for too: the date named is one you could log on (or you "
              "are told that no day in that gap is). Dates at either end of the calendar (years "
              "1 and 9999) are judged like any other. A gap below the "
              "minimum is **refused** (with the earliest allowed date); a gap at or above the "
              "minimum but below the recommended interval is **advised**. The needle that counts "
              "is the longer of the session's and its device's. No trial defines safe home "
              "intervals, so Dermaplan calls the minimum *allowed* and the default "
              "*recommended*. A "
              "length between standard sizes follows the next longer standard size (0.6 mm is "
              "treated as 0.75 mm). Lengths from %1 to %2 may be entered.\n\n")
              .arg(rules.minimumNeedle().toString(), rules.maximumNeedle().toString());
    md += RulesTr::tr("Cells: recommended / minimum days, home use, and the sources about that "
                      "area.\n\n");
    md += RulesTr::tr("| needle |");
    for (const Area& a : rules.areas())
        md += QStringLiteral(" %1 |").arg(a.name);
    md += QStringLiteral("\n|---|");
    for (qsizetype i = 0; i < rules.areas().size(); ++i)
        md += QStringLiteral("---|");
    md += u'\n';
    for (const NeedleLength& size : rules.standardSizes()) {
        md += QStringLiteral("| %1 |").arg(size.toString());
        for (const Area& a : rules.areas()) {
            const IntervalRule& r = rules.interval(a.id, size);
            md += QStringLiteral(" %1 / %2 d, %3 %4 |")
                      .arg(r.defaultDays)
                      .arg(r.minimumDays)
                      .arg(homeUseText(r.homeUse), cite(rules, r.sources));
        }
        md += u'\n';
    }
    md += RulesTr::tr("\nThe rule of the larger needle and calendar-day counting are Dermaplan's "
                      "own conservative choice %1.\n\n")
              .arg(cite(rules, {QStringLiteral("S-DERMAPLAN")}));

    md += RulesTr::tr(
        "## Who performs it\n\n"
        "Sizes marked *professional only* are refused when you roll yourself. Sessions "
        "performed by a professional are never refused: they are recorded, and any rule "
        "they break is shown as advice (the clinician decides). They still count for the "
        "next interval.\n\n"
        "A refused session can still be recorded with an explicit override reason; the "
        "reason is stored with the session and shown in the history.\n\n");

    md += RulesTr::tr("## Zones\n\n");
    for (const Area& a : rules.areas())
        for (const Advice& tip : a.tips)
            md += QStringLiteral("- %1: %2 %3\n").arg(a.name, tip.text, cite(rules, tip.sources));
    for (const ZoneCap& cap : rules.zoneCaps()) {
        const Area* a = rules.area(cap.area);
        md += RulesTr::tr("- %1, %2: up to %3 allowed, up to %4 advised, longer refused. %5 %6\n")
                  .arg(a->name, a->zone(cap.zone)->name, cap.allowUpTo.toString(),
                       cap.adviseUpTo.toString(), cap.reason, cite(rules, cap.sources));
    }

    md += RulesTr::tr("\n## Before each session: checklist\n\n");
    for (const Contraindication& c : rules.contraindications()) {
        QString effect = c.effect == Severity::Refuse ? RulesTr::tr("refused for that area")
                                                      : RulesTr::tr("advice: ask a doctor");
        if (c.refuseAbove)
            effect += RulesTr::tr("; needles over %1 refused").arg(c.refuseAbove->toString());
        md += QStringLiteral("- **%1** (%2, `%3`): %4 %5\n")
                  .arg(c.label, effect, c.id, c.advice, cite(rules, c.sources));
    }

    const DeviceWear& w = rules.deviceWear();
    md +=
        RulesTr::tr(
            "\n## Devices\n\n"
            "- Replacing the roller is advised from its use number %1.\n"
            "- After %2 uses, or %3 days from its first use (whichever comes first), a session "
            "with it is refused. %4\n"
            "- Replace it at once if the needles look bent, dull or rusty, or it was dropped.\n\n")
            .arg(w.adviseFromUse)
            .arg(w.refuseAfterUses)
            .arg(w.refuseAfterDays)
            .arg(cite(rules, w.sources));
    md += RulesTr::tr("Cleaning %1:\n\n").arg(cite(rules, rules.cleaningSources()));
    for (const QString& step : rules.cleaningSteps())
        md += QStringLiteral("1. %1\n").arg(step);

    md += RulesTr::tr("\n## Aftercare\n\n");
    for (const AftercareRule& a : rules.aftercare()) {
        QStringList steps;
        const NeedleLength* previous = nullptr;
        for (const NeedleStep& s : a.steps) {
            steps << (a.steps.size() == 1
                          ? hoursText(s.hours)
                          : RulesTr::tr("%1 up to %2").arg(hoursText(s.hours), s.upTo.toString()));
            previous = &s.upTo;
        }
        Q_UNUSED(previous);
        md += QStringLiteral("- %1: %2 %3%4 %5\n")
                  .arg(a.text, steps.join(QStringLiteral(", ")),
                       a.when == AftercareRule::When::After ? RulesTr::tr("after a session")
                                                            : RulesTr::tr("before a session"),
                       a.areas.isEmpty()
                           ? QString()
                           : RulesTr::tr(" (%1)").arg(a.areas.join(QStringLiteral(", "))),
                       cite(rules, a.sources));
    }
    for (const Advice& advice : rules.generalAdvice())
        md += QStringLiteral("- %1 %2\n").arg(advice.text, cite(rules, advice.sources));
    md +=
        RulesTr::tr("\nA product typed by hand, not chosen from your list, is taken for an active "
                    "when its name holds one of these words (any case) and gets the same "
                    "advice:\n\n");
    for (const ActiveKind& a : rules.actives())
        md += QStringLiteral("- %1: %2 %3\n")
                  .arg(a.label, a.words.join(QStringLiteral(", ")), cite(rules, a.sources));

    const FollowUpRules& f = rules.followUp();
    QStringList at;
    for (const FollowUpCheck& check : f.checks)
        at << hoursText(check.afterHours);
    md += RulesTr::tr("\n## Reaction follow-up\n\n%1 %2\n\nAsked %3 after each session (for up "
                      "to %4 days); while a reaction is open, daily until an answer ends it.\n\n")
              .arg(f.text, cite(rules, f.sources), at.join(RulesTr::tr(" and ")))
              .arg(f.askForDays);
    for (const ReactionState& state : f.states) {
        QString line =
            QStringLiteral("- **%1** (`%2`%3): %4")
                .arg(state.label, state.id,
                     state.hint.isEmpty() ? QString() : QStringLiteral("; ") + state.hint,
                     reactionEffectText(state.effect, f));
        if (!state.advice.isEmpty())
            line += u' ' + state.advice;
        md += line + u' ' + cite(rules, state.sources) + u'\n';
    }

    md += RulesTr::tr(
        "\n## Regimen templates\n\n| template | area | needle | every | length | by | sources |\n"
        "|---|---|---|---|---|---|---|\n");
    for (const RegimenTemplate& t : rules.templates())
        md += QStringLiteral("| %1 (`%2`) | %3 | %4 | %5 d | %6 | %7 | %8 |\n")
                  .arg(t.name, t.id, t.area, t.needle.toString())
                  .arg(t.everyDays)
                  .arg(t.weeks ? RulesTr::tr("%n week(s)", nullptr, *t.weeks)
                               : RulesTr::tr("ongoing"),
                       performerId(t.performedBy), cite(rules, t.sources));

    md +=
        RulesTr::tr("\n## Sources\n\nGrades: A trial or review, B professional body or clinic, C "
                    "consumer or clinic page (never a study), D Dermaplan's own conservative "
                    "choice. Each rule cites only sources that speak of its area and needle.\n\n");
    for (const Source& s : rules.sources()) {
        QStringList scope;
        if (!s.areas.isEmpty())
            scope << RulesTr::tr("about the %1 only").arg(s.areas.join(QStringLiteral(", ")));
        if (s.upTo)
            scope << RulesTr::tr("needles up to %1 only").arg(s.upTo->toString());
        scope.prepend(gradeText(s.grade));
        md += QStringLiteral("- **%1** (%2, %3): %4%5\n")
                  .arg(s.name, s.grade, scope.join(QStringLiteral("; ")), s.title,
                       s.url.isEmpty() ? QString() : QStringLiteral(" <%1>").arg(s.url));
    }
    return md;
}

QJsonObject rulesJson(const RuleBook& rules) {
    QJsonArray intervals;
    for (const IntervalRule& r : rules.intervals())
        intervals.append(QJsonObject{{u"needle_mm"_s, r.needle.millimetres()},
                                     {u"area"_s, r.area},
                                     {u"default_days"_s, r.defaultDays},
                                     {u"minimum_days"_s, r.minimumDays},
                                     {u"home_use"_s, homeUseId(r.homeUse)},
                                     {u"sources"_s, QJsonArray::fromStringList(r.sources)}});
    QJsonArray caps;
    for (const ZoneCap& c : rules.zoneCaps())
        caps.append(QJsonObject{{u"area"_s, c.area},
                                {u"zone"_s, c.zone},
                                {u"allow_up_to_mm"_s, c.allowUpTo.millimetres()},
                                {u"advise_up_to_mm"_s, c.adviseUpTo.millimetres()},
                                {u"reason"_s, c.reason},
                                {u"sources"_s, QJsonArray::fromStringList(c.sources)}});
    QJsonArray contra;
    for (const Contraindication& c : rules.contraindications())
        contra.append(
            QJsonObject{{u"id"_s, c.id},
                        {u"label"_s, c.label},
                        {u"effect"_s, severityId(c.effect)},
                        {u"refuse_above_mm"_s,
                         c.refuseAbove ? QJsonValue(c.refuseAbove->millimetres()) : QJsonValue()},
                        {u"advice"_s, c.advice},
                        {u"sources"_s, QJsonArray::fromStringList(c.sources)}});
    QJsonArray sources;
    for (const Source& s : rules.sources())
        sources.append(QJsonObject{
            {u"id"_s, s.id}, {u"title"_s, s.title}, {u"url"_s, s.url}, {u"grade"_s, s.grade}});
    const FollowUpRules& f = rules.followUp();
    QJsonArray checks;
    for (const FollowUpCheck& c : f.checks)
        checks.append(QJsonObject{{u"id"_s, c.id}, {u"after_hours"_s, c.afterHours}});
    QJsonArray states;
    for (const ReactionState& st : f.states)
        states.append(QJsonObject{{u"id"_s, st.id},
                                  {u"label"_s, st.label},
                                  {u"effect"_s, reactionEffectId(st.effect)},
                                  {u"advice"_s, st.advice},
                                  {u"sources"_s, QJsonArray::fromStringList(st.sources)}});
    const DeviceWear& w = rules.deviceWear();
    return QJsonObject{
        {u"disclaimer"_s, rules.disclaimer()},
        {u"intervals"_s, intervals},
        {u"zone_caps"_s, caps},
        {u"contraindications"_s, contra},
        {u"device_wear"_s, QJsonObject{{u"advise_from_use"_s, w.adviseFromUse},
                                       {u"refuse_after_uses"_s, w.refuseAfterUses},
                                       {u"refuse_after_days"_s, w.refuseAfterDays},
                                       {u"sources"_s, QJsonArray::fromStringList(w.sources)}}},
        {u"cleaning_steps"_s, QJsonArray::fromStringList(rules.cleaningSteps())},
        {u"follow_up"_s, QJsonObject{{u"checks"_s, checks},
                                     {u"ask_for_days"_s, f.askForDays},
                                     {u"lasting_after_hours"_s, f.lastingAfterHours},
                                     {u"see_doctor_after_days"_s, f.seeDoctorAfterDays},
                                     {u"states"_s, states},
                                     {u"sources"_s, QJsonArray::fromStringList(f.sources)}}},
        {u"sources"_s, sources},
    };
}

} // namespace dermaplan
