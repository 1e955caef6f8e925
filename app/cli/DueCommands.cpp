// dermaplan-cli due and followup: what is due today (for a reminder from a timer), and the
// answers to "how is your skin?" after a session.
#include "Commands.h"

#include "io/JsonFormat.h"
#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"
#include "planning/ScheduleText.h"
#include "rules/ReadinessText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

// A question due, as both commands print it in JSON.
QJsonObject dueFollowUpJson(const DueFollowUp& d, const Context& ctx) {
    QJsonObject o{
        {u"session_id"_s, d.session.id},
        {u"session_date"_s, d.session.date.toString(Qt::ISODate)},
        {u"area"_s, d.session.area},
        {u"needle_mm"_s, countingNeedle(d.session).millimetres()},
        {u"check"_s, d.check.isEmpty() ? QJsonValue() : QJsonValue(d.check)},
        {u"due_since"_s, d.dueSince.toString(Qt::ISODate)},
        {u"question"_s, followUpQuestion(d, ctx.today, ctx.rules, QLocale::c())},
        {u"states"_s, QJsonArray::fromStringList(d.states)},
        {u"advice"_s, followUpAdvice(d, ctx.today, ctx.rules)},
    };
    if (d.session.course.open)
        o.insert(u"open_reaction"_s,
                 QJsonObject{{u"state"_s, d.session.course.open->state},
                             {u"since"_s, d.session.course.open->since.toString(Qt::ISODate)}});
    return o;
}

// A question due as a line of text, and how to answer it.
QString dueFollowUpText(const DueFollowUp& d, const Context& ctx) {
    const QLocale c = QLocale::c();
    QString text = QStringLiteral("%1  %2 — %3\n")
                       .arg(QString::number(d.session.id).rightJustified(4),
                            followUpSubject(d, ctx.today, ctx.rules, c),
                            followUpQuestion(d, ctx.today, ctx.rules, c));
    if (const QString advice = followUpAdvice(d, ctx.today, ctx.rules); !advice.isEmpty())
        text += QStringLiteral("      %1\n").arg(advice);
    text += QStringLiteral("      answer: followup %1 --state %2\n")
                .arg(d.session.id)
                .arg(d.states.join(u'|'));
    return text;
}

// What is due, as text (one question per line, its answers below) or JSON.
int printDue(const QString& format, Context& ctx) {
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto due = logbook->followUpsDue();
    if (!due)
        return ctx.fail(due.error(), RuntimeFailure);
    if (format == u"json") {
        QJsonArray arr;
        for (const DueFollowUp& d : *due)
            arr.append(dueFollowUpJson(d, ctx));
        printJson(ctx, QJsonDocument(arr));
        return Ok;
    }
    if (due->isEmpty()) {
        ctx.out << "No follow-up is due.\n";
        return Ok;
    }
    for (const DueFollowUp& d : *due)
        ctx.out << dueFollowUpText(d, ctx);
    return Ok;
}

} // namespace

static int runFollowUp(const QCommandLineParser& p, Context& ctx) {
    if (p.isSet(u"due"_s)) {
        if (!p.positionalArguments().isEmpty() || p.isSet(u"state"_s))
            return ctx.fail(
                Error::inField(u"--due"_s, QStringLiteral("lists what is due: give no session "
                                                          "and no --state with it")),
                InvalidInput);
        const auto format = formatOption(p, {u"text"_s, u"json"_s});
        if (!format)
            return ctx.fail(format.error(), InvalidInput);
        return printDue(*format, ctx);
    }
    if (p.isSet(u"format"_s))
        return ctx.fail(Error::inField(u"--format"_s, QStringLiteral("goes with --due")),
                        InvalidInput);
    const QStringList args = p.positionalArguments();
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.constFirst().toLongLong(&ok) : 0;
    if (!ok || id < 1)
        return ctx.fail(Error::inField(u"SESSION_ID"_s,
                                       QStringLiteral("give one session id (see 'followup --due' "
                                                      "or 'history')")),
                        InvalidInput);
    if (!p.isSet(u"state"_s))
        return ctx.fail(missingOption(u"state"_s), InvalidInput);
    FollowUp answer;
    answer.sessionId = id;
    answer.state = p.value(u"state"_s).trimmed();
    answer.notes = p.value(u"notes"_s).trimmed();
    const auto day = dateOptionOr(p, u"date"_s, ctx.today);
    if (!day)
        return ctx.fail(day.error(), InvalidInput);
    answer.date = *day;
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto stored = logbook->addFollowUp(answer);
    if (!stored) {
        // The answer itself is wrong (its state, day or session): a usage error, named by field.
        Error e = asOptionError(stored.error());
        if (e.field == u"--session")
            e.field = u"SESSION_ID"_s;
        return ctx.fail(e, e.field.isEmpty() ? RuntimeFailure : InvalidInput);
    }
    ctx.out << *stored << Qt::endl;
    // What the answer means for the area, in the rule book's words.
    if (const ReactionState* state = ctx.rules.followUp().state(answer.state);
        state && !state->advice.isEmpty())
        ctx.err << QStringLiteral("advice: %1\n").arg(state->advice);
    return Ok;
}

static int runDue(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto guide = logbook->dayGuide();
    if (!guide)
        return ctx.fail(guide.error(), RuntimeFailure);
    const QLocale c = QLocale::c();
    // A planned session is due only when its needle is allowed on its area today: a reminder
    // never comes before the rules allow it.
    const QList<DueSession> sessions = allowedSessions(*guide);
    if (*format == u"json") {
        QJsonArray s, devices, followUps;
        for (const DueSession& d : sessions)
            s.append(
                QJsonObject{{u"area"_s, d.occurrence.area},
                            {u"needle_mm"_s, d.occurrence.needle.millimetres()},
                            {u"regimen_id"_s, d.occurrence.regimenId},
                            {u"zones"_s, QJsonArray::fromStringList(d.occurrence.zones)},
                            {u"level"_s, d.level == ReadinessLevel::Go ? u"go"_s : u"advised"_s},
                            {u"title"_s, occurrenceTitle(d.occurrence, ctx.rules)},
                            {u"readiness"_s, describeReadiness(d.readiness, ctx.today, ctx.rules, c,
                                                               d.occurrence.needle)}});
        for (const DeviceStatus& d : guide->devices)
            devices.append(QJsonObject{{u"id"_s, d.state.device.id},
                                       {u"name"_s, d.state.device.name},
                                       {u"status"_s, deviceLevelId(d.level)},
                                       {u"needs_cleaning"_s, d.needsCleaning},
                                       {u"text"_s, deviceStatusText(d, c)}});
        for (const DueFollowUp& d : guide->followUps)
            followUps.append(dueFollowUpJson(d, ctx));
        printJson(ctx, QJsonDocument(QJsonObject{{u"date"_s, ctx.today.toString(Qt::ISODate)},
                                                 {u"sessions"_s, s},
                                                 {u"devices"_s, devices},
                                                 {u"followups"_s, followUps}}));
        return Ok;
    }
    if (sessions.isEmpty() && guide->devices.isEmpty() && guide->followUps.isEmpty()) {
        ctx.out << "Nothing is due today.\n";
        return Ok;
    }
    for (const DueSession& d : sessions)
        ctx.out << QStringLiteral("session: %1 — %2\n")
                       .arg(occurrenceTitle(d.occurrence, ctx.rules),
                            describeReadiness(d.readiness, ctx.today, ctx.rules, c,
                                              d.occurrence.needle));
    for (const DeviceStatus& d : guide->devices)
        ctx.out << QStringLiteral("device: “%1”: %2\n")
                       .arg(d.state.device.name, deviceStatusText(d, c));
    for (const DueFollowUp& d : guide->followUps)
        ctx.out << QStringLiteral("follow-up: ") << dueFollowUpText(d, ctx).trimmed() << '\n';
    return Ok;
}

QList<Command> dueCommands() {
    return {
        {QStringLiteral("followup"),
         QStringLiteral("Record how the skin is after a session, or list the follow-ups due."),
         {{u"state"_s,
           QStringLiteral("How the skin is: one of the states 'followup --due' offers "
                          "(fine, redness, infection, resolved, ...)."),
           u"STATE"_s},
          dayFlag(u"date"_s, QStringLiteral("The day it describes (default: today).")),
          {u"notes"_s, QStringLiteral("Free text."), u"TEXT"_s},
          {u"due"_s, QStringLiteral("List the follow-ups due today instead.")},
          formatFlag(QStringLiteral("With --due: text (default) or json."))},
         {{QStringLiteral("SESSION_ID"),
           QStringLiteral("The session it follows up (see 'history' or 'followup --due').")}},
         runFollowUp},
        {QStringLiteral("due"),
         QStringLiteral("What is due today: sessions planned and allowed, devices, follow-ups."),
         {formatFlag()},
         {},
         runDue},
    };
}

} // namespace dermaplan::cli
