// The logbook's follow-up use cases, in their own file: answers to "how is your skin?", the
// questions due, and the reactions they make every readiness, plan and check take into account.
#include "logbook/Logbook.h"

#include "domain/IsoDate.h"
#include "rules/Reaction.h"
#include "storage/Database.h"
#include "storage/FollowUpStore.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace dermaplan {

namespace {

class FollowUpTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

// The states by what they do, for the store's query of sessions that may hold an area.
FollowUpStore::HoldingQuery holdingQuery(const FollowUpRules& rules) {
    FollowUpStore::HoldingQuery q;
    for (const ReactionState& s : rules.states)
        switch (s.effect) {
        case ReactionEffect::Hold:
            q.holding << s.id;
            break;
        case ReactionEffect::RestartIfLasting:
            q.lasting << s.id;
            break;
        case ReactionEffect::Ends:
            q.ending << s.id;
            break;
        case ReactionEffect::EndsLasting:
            q.endingLasting << s.id;
            break;
        case ReactionEffect::None:
            break;
        }
    q.lastingAfterDays = rules.lastingAfterDays();
    return q;
}

QHash<qint64, QList<FollowUp>> bySession(const QList<FollowUp>& answers) {
    QHash<qint64, QList<FollowUp>> out;
    for (const FollowUp& f : answers)
        out[f.sessionId] << f;
    return out;
}

QStringList offered(const FollowUpRules& rules, bool whileOpen) {
    QStringList ids;
    for (const ReactionState& s : rules.states)
        if (whileOpen ? s.whileOpen : s.atChecks)
            ids << s.id;
    return ids;
}

} // namespace

Status Logbook::withReactions(QList<Session>& history, const QStringList& areas,
                              QDate since) const {
    const FollowUpRules& rules = m_rules.followUp();
    QSet<qint64> ids;
    ids.reserve(history.size());
    for (const Session& s : std::as_const(history))
        ids.insert(s.id);
    const auto answers = FollowUpStore(m_db).forSessions(ids.values());
    if (!answers)
        return answers.error();
    FollowUpStore::HoldingQuery query = holdingQuery(rules);
    // A restarted clock counts again from the day the reaction ended: one that ended more than
    // the longest interval before `since` holds nothing from `since` on.
    query.endedBefore = since.addDays(-longestWindowDays(m_rules));
    query.areas = areas;
    const auto reacted = FollowUpStore(m_db).ofSessionsThatMayHold(query);
    if (!reacted)
        return reacted.error();
    // Each session comes with its answers (followUpsDue reads them there) and their course.
    const QHash<qint64, QList<FollowUp>> answersOf = bySession(*answers);
    for (Session& s : history) {
        s.followUps = answersOf.value(s.id);
        if (!s.followUps.isEmpty())
            s.course = reactionCourse(s, s.followUps, rules);
    }
    const QHash<qint64, QList<FollowUp>> reactedOf = bySession(*reacted);
    for (auto it = reactedOf.cbegin(); it != reactedOf.cend(); ++it) {
        if (ids.contains(it.key()))
            continue;
        auto session = SessionStore(m_db).get(it.key());
        if (!session)
            return session.error();
        session.value().followUps = *it;
        session.value().course = reactionCourse(*session, *it, rules);
        if (session->course.open || session->course.restartedOn)
            history << *session;
    }
    return success();
}

Result<qint64> Logbook::addFollowUp(const FollowUp& followUp) {
    const FollowUpRules& rules = m_rules.followUp();
    if (!rules.state(followUp.state)) {
        QStringList known;
        for (const ReactionState& s : rules.states)
            known << s.id;
        return Error::inField(QStringLiteral("state"),
                              FollowUpTr::tr("\"%1\" is not a follow-up state (one of %2)")
                                  .arg(followUp.state, known.join(QStringLiteral(", "))));
    }
    if (!followUp.date.isValid())
        return Error::inField(QStringLiteral("date"),
                              FollowUpTr::tr("a follow-up needs a valid date"));
    if (followUp.date > today())
        return Error::inField(QStringLiteral("date"),
                              FollowUpTr::tr("%1 is in the future (today is %2)")
                                  .arg(isoDateText(followUp.date), isoDateText(today())));
    // The session is read in the write that stores the answer: another program cannot move or
    // delete it in between.
    qint64 id = 0;
    const Status done = m_db.write([&](QSqlDatabase&) -> Status {
        const auto session = this->session(followUp.sessionId);
        if (!session)
            return Error::inField(QStringLiteral("session"),
                                  FollowUpTr::tr("no session with id %1").arg(followUp.sessionId));
        if (followUp.date < session->date)
            return Error::inField(QStringLiteral("date"),
                                  FollowUpTr::tr("%1 is before the session it follows up (%2)")
                                      .arg(isoDateText(followUp.date), isoDateText(session->date)));
        const auto stored = FollowUpStore(m_db).add(followUp);
        if (!stored)
            return stored.error();
        id = *stored;
        return success();
    });
    if (!written(done))
        return done.error();
    return id;
}

Status Logbook::removeFollowUp(qint64 id) {
    return written(FollowUpStore(m_db).remove(id));
}

Result<qint64> Logbook::restoreFollowUp(const FollowUp& followUp) {
    return written(FollowUpStore(m_db).reinsert(followUp));
}

Result<QList<FollowUp>> Logbook::followUps(qint64 sessionId) const {
    return FollowUpStore(m_db).forSessions({sessionId});
}

Result<QList<DueFollowUp>> Logbook::followUpsDue() const {
    const FollowUpRules& rules = m_rules.followUp();
    const QDate day = today();
    // The sessions whose checks may still be asked, and (withReactions) those with a reaction
    // still open, however old.
    SessionFilter recent;
    recent.from = day.addDays(-rules.askForDays);
    recent.to = day.addDays(-rules.checks.constFirst().afterDays());
    auto sessions = SessionStore(m_db).list(recent);
    if (!sessions)
        return sessions.error();
    // Only open reactions matter here (a closed one is asked about no more).
    if (const Status reactions =
            withReactions(sessions.value(), {}, day.addDays(longestWindowDays(m_rules)));
        !reactions)
        return reactions.error();
    std::sort(sessions.value().begin(), sessions.value().end(), comesBefore);
    QList<DueFollowUp> due;
    for (const Session& s : std::as_const(*sessions)) {
        const QList<FollowUp>& given = s.followUps; // read by withReactions
        const auto answeredFrom = [&](QDate from) {
            return std::any_of(given.cbegin(), given.cend(),
                               [&](const FollowUp& f) { return f.date >= from; });
        };
        if (s.course.open) {
            // Asked daily until an answer ends it.
            if (!answeredFrom(day))
                due << DueFollowUp{s, {}, s.course.open->since, offered(rules, true)};
            continue;
        }
        if (s.date < recent.from.value())
            continue; // found for a restarted clock, past its checks
        // The latest check that has come: an answer from its day on answers it.
        for (auto c = rules.checks.crbegin(); c != rules.checks.crend(); ++c) {
            const QDate from = s.date.addDays(c->afterDays());
            if (from > day)
                continue;
            if (!answeredFrom(from))
                due << DueFollowUp{s, c->id, from, offered(rules, false)};
            break;
        }
    }
    return due;
}

} // namespace dermaplan
