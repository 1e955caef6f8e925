// dermaplan-cli followup: answer "how is your skin?" after a session, or list what is due.
#include "Commands.h"

#include "io/JsonFormat.h"
#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

// What is due, as text (one question per line, its answers below) or JSON.
int printDue(const QString& format, Context& ctx) {
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto due = logbook->followUpsDue();
    if (!due)
        return ctx.fail(due.error(), RuntimeFailure);
    const QLocale c = QLocale::c();
    if (format == u"json") {
        QJsonArray arr;
        for (const DueFollowUp& d : *due) {
            QJsonObject o{
                {u"session_id"_s, d.session.id},
                {u"session_date"_s, d.session.date.toString(Qt::ISODate)},
                {u"area"_s, d.session.area},
                {u"needle_mm"_s, countingNeedle(d.session).millimetres()},
                {u"check"_s, d.check.isEmpty() ? QJsonValue() : QJsonValue(d.check)},
                {u"due_since"_s, d.dueSince.toString(Qt::ISODate)},
                {u"question"_s, followUpQuestion(d, ctx.today, ctx.rules, c)},
                {u"states"_s, QJsonArray::fromStringList(d.states)},
                {u"advice"_s, followUpAdvice(d, ctx.today, ctx.rules)},
            };
            if (d.session.course.open)
                o.insert(
                    u"open_reaction"_s,
                    QJsonObject{{u"state"_s, d.session.course.open->state},
                                {u"since"_s, d.session.course.open->since.toString(Qt::ISODate)}});
            arr.append(o);
        }
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (due->isEmpty()) {
        ctx.out << "No follow-up is due.\n";
        return Ok;
    }
    for (const DueFollowUp& d : *due) {
        ctx.out << QStringLiteral("%1  %2 — %3\n")
                       .arg(QString::number(d.session.id).rightJustified(4),
                            followUpSubject(d, ctx.today, ctx.rules, c),
                            followUpQuestion(d, ctx.today, ctx.rules, c));
        if (const QString advice = followUpAdvice(d, ctx.today, ctx.rules); !advice.isEmpty())
            ctx.out << QStringLiteral("      %1\n").arg(advice);
        ctx.out << QStringLiteral("      answer: followup %1 --state %2\n")
                       .arg(d.session.id)
                       .arg(d.states.join(u'|'));
    }
    return Ok;
}

} // namespace

QString FollowUpCommand::name() const {
    return QStringLiteral("followup");
}
QString FollowUpCommand::description() const {
    return QStringLiteral("Record how the skin is after a session, or list the follow-ups due.");
}

void FollowUpCommand::addOptions(QCommandLineParser& p) const {
    p.addOptions({
        {u"state"_s,
         QStringLiteral("How the skin is: one of the states 'followup --due' offers "
                        "(fine, redness, infection, resolved, ...)."),
         u"STATE"_s},
        {u"date"_s, QStringLiteral("The day it describes (default: today)."), u"YYYY-MM-DD"_s},
        {u"notes"_s, QStringLiteral("Free text."), u"TEXT"_s},
        {u"due"_s, QStringLiteral("List the follow-ups due today instead.")},
        {u"format"_s, QStringLiteral("With --due: text (default) or json."), u"FORMAT"_s},
    });
}

QList<QPair<QString, QString>> FollowUpCommand::positionals() const {
    return {{QStringLiteral("SESSION_ID"),
             QStringLiteral("The session it follows up (see 'history' or 'followup --due').")}};
}

int FollowUpCommand::execute(const QCommandLineParser& p, Context& ctx) const {
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
        return ctx.fail(Error::inField(u"--state"_s, QStringLiteral("is required")), InvalidInput);
    FollowUp answer;
    answer.sessionId = id;
    answer.state = p.value(u"state"_s).trimmed();
    answer.notes = p.value(u"notes"_s).trimmed();
    answer.date = ctx.today;
    if (p.isSet(u"date"_s)) {
        const auto d = dateOption(p, u"date"_s);
        if (!d)
            return ctx.fail(d.error(), InvalidInput);
        answer.date = *d;
    }
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

} // namespace dermaplan::cli
