#include "Logbook.h"

#include "domain/IsoDate.h"
#include "rules/ProductAdvice.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/FollowUpStore.h"
#include "storage/ProductStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <algorithm>

namespace dermaplan {

namespace {

class LogbookTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

// The session as it is stored after its check: an override reason is kept only when a rule was
// really overridden, so that history says what happened.
Session asStored(Session session, const Verdict& verdict) {
    if (verdict.severity != Severity::Refuse)
        session.overrideReason.clear();
    return session;
}

} // namespace

Logbook::Logbook(Database& db, const RuleBook& rules, TodayClock today, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_rules(rules)
    , m_today(std::move(today))
    , m_dataVersion(db.dataVersion()) {
    // Backups are named after the day they are taken: the database asks the same clock.
    m_db.useClock(m_today);
}

QDate Logbook::today() const {
    return m_today();
}

Result<QList<Session>> Logbook::sessions(const SessionFilter& filter, bool withFollowUps) const {
    return SessionStore(m_db).list(filter, withFollowUps);
}

Result<int> Logbook::sessionCount(const SessionFilter& filter) const {
    return SessionStore(m_db).count(filter);
}

Result<Session> Logbook::session(qint64 id) const {
    return SessionStore(m_db).get(id);
}

Result<std::optional<Session>> Logbook::lastSession(const QString& area) const {
    SessionFilter f;
    f.area = area;
    f.newestFirst = true;
    f.limit = 1;
    const auto last = SessionStore(m_db).list(f);
    if (!last)
        return last.error();
    return last->isEmpty() ? std::optional<Session>() : std::optional<Session>(last->constFirst());
}

Result<std::optional<DeviceState>> Logbook::deviceStateFor(const Session& s) const {
    if (!s.deviceId)
        return std::optional<DeviceState>();
    // Uses up to and including the session's day (two sessions on one day are two uses); a pen
    // cartridge counts every other use, whenever it was logged.
    auto state = DeviceStore(m_db).state(*s.deviceId, s.date.addDays(1), s.id);
    if (state && isPen(state->device))
        state = DeviceStore(m_db).state(*s.deviceId, QDate(9999, 12, 31), s.id);
    if (!state)
        return state.error();
    return std::optional<DeviceState>(*state);
}

Result<Verdict> Logbook::check(const Session& draft) const {
    if (!draft.date.isValid())
        return checkSession(draft, {}, m_rules, today()); // names the invalid date
    // Only sessions within the longest window on either side can bear on the draft.
    const int reach = longestWindowDays(m_rules);
    SessionFilter f;
    f.area = draft.area;
    f.from = draft.date.addDays(-reach);
    f.to = draft.date.addDays(reach);
    auto neighbours = SessionStore(m_db).list(f);
    if (!neighbours)
        return neighbours.error();
    // An edit is judged on what it changes (below): one that leaves what the rules judge as it
    // was is not blocked by what they said when it was logged.
    std::optional<Session> stored;
    if (draft.id)
        if (const auto before = SessionStore(m_db).get(draft.id))
            stored = *before;
    if (const Status reactions = withReactions(neighbours.value(), {draft.area}, draft.date);
        !reactions)
        return reactions.error();
    const auto device = deviceStateFor(draft);
    if (!device)
        return device.error();
    const auto checked = checkSession(draft, *neighbours, m_rules, today(), *device);
    if (!checked)
        return checked;
    Verdict verdict = *checked;
    verdict.unchangedByEdit = stored && judgedAlike(*stored, draft);
    if (draft.products.trimmed().isEmpty())
        return verdict;
    // The user's products say which of the session's are meant for freshly needled skin.
    const auto products = this->products();
    if (!products)
        return products.error();
    for (const Reason& r : productAdvice(draft, *products, m_rules))
        verdict.add(r);
    return verdict;
}

Result<LogOutcome> Logbook::log(const Session& draft) {
    LogOutcome outcome;
    // The check and the insert share one transaction, so a second program cannot slip a session
    // in between them.
    const Status done = m_db.write([&](QSqlDatabase&) -> Status {
        const auto verdict = check(draft);
        if (!verdict)
            return verdict.error();
        outcome.verdict = *verdict;
        if (verdict->blocksSaving())
            return success();
        const Session stored = asStored(draft, *verdict);
        const auto id = SessionStore(m_db).add(stored);
        if (!id)
            return id.error();
        outcome.id = *id;
        return success();
    });
    if (!done)
        return done.error();
    if (outcome.id)
        announceChange();
    return outcome;
}

Status Logbook::editSession(const Session& session) {
    return written(m_db.write([&](QSqlDatabase&) -> Status {
        // Its follow-up answers describe the days after it: it cannot move past them.
        const auto answers = FollowUpStore(m_db).forSessions({session.id});
        if (!answers)
            return answers.error();
        for (const FollowUp& f : *answers)
            if (f.date < session.date)
                return Error::inField(
                    QStringLiteral("date"),
                    LogbookTr::tr("its follow-up of %1 would come before it: a session cannot "
                                  "move past the answers about it")
                        .arg(isoDateText(f.date)));
        const auto verdict = check(session);
        if (!verdict)
            return verdict.error();
        if (verdict->blocksSaving()) {
            const auto refusal =
                std::find_if(verdict->reasons.cbegin(), verdict->reasons.cend(),
                             [](const Reason& r) { return r.severity == Severity::Refuse; });
            return Error::plain(
                LogbookTr::tr("not saved, a rule refuses it now: %1")
                    .arg(refusal != verdict->reasons.cend() ? refusal->message : QString()));
        }
        return SessionStore(m_db).update(asStored(session, *verdict));
    }));
}

Status Logbook::updateSession(const Session& session) {
    return written(SessionStore(m_db).update(session));
}

Result<QList<FollowUp>> Logbook::removeSession(qint64 id) {
    QList<FollowUp> answers;
    const Status done = m_db.write([&](QSqlDatabase&) -> Status {
        auto given = FollowUpStore(m_db).forSessions({id});
        if (!given)
            return given.error();
        answers = std::move(given).value();
        return SessionStore(m_db).remove(id); // its answers go with it (ON DELETE CASCADE)
    });
    if (!written(done))
        return done.error();
    return answers;
}

Result<qint64> Logbook::restoreSession(const Session& session, const QList<FollowUp>& answers) {
    qint64 id = 0;
    const Status done = m_db.write([&](QSqlDatabase&) -> Status {
        const auto restored = SessionStore(m_db).reinsert(session);
        if (!restored)
            return restored.error();
        id = *restored;
        for (FollowUp answer : answers) {
            answer.sessionId = id;
            if (const auto kept = FollowUpStore(m_db).reinsert(answer); !kept)
                return kept.error();
        }
        return success();
    });
    if (!written(done))
        return done.error();
    return id;
}

Result<Readiness> Logbook::readiness(const QString& area, const Placement& placement) const {
    if (!m_rules.area(area))
        return Error::inField(QStringLiteral("area"),
                              LogbookTr::tr("unknown area \"%1\"").arg(area));
    // Sessions older than the longest window cannot hold the area today, and within it only
    // each needle's latest counts: a few rows however often the area was rolled. The last
    // session is read on its own so that "last session" is always known.
    auto recent =
        SessionStore(m_db).latestPerNeedle(area, today().addDays(-longestWindowDays(m_rules)));
    if (!recent)
        return recent.error();
    if (recent->isEmpty()) {
        const auto last = lastSession(area);
        if (!last)
            return last.error();
        if (*last)
            recent.value() << **last;
    }
    if (const Status reactions = withReactions(recent.value(), {area}, today()); !reactions)
        return reactions.error();
    return dermaplan::readiness(area, *recent, m_rules, placement);
}

Readiness Logbook::readinessIn(const QString& area, const QList<Session>& history,
                               const Placement& placement) const {
    // What readiness(area) reads, picked out of a history that holds it: the sessions in the
    // window, or else the last one.
    const QDate from = today().addDays(-longestWindowDays(m_rules));
    // Then, as withReactions adds them, the older sessions whose reaction still holds the area.
    QList<Session> recent;
    QList<const Session*> reacted;
    const Session* last = nullptr;
    for (const Session& s : history) {
        if (s.area != area)
            continue;
        if (s.date >= from)
            recent << s;
        else if (s.course.open || clockStart(s) >= from)
            reacted << &s;
        if (!last || comesBefore(*last, s))
            last = &s;
    }
    const bool lastOnItsOwn = recent.isEmpty() && last;
    if (lastOnItsOwn)
        recent << *last;
    for (const Session* s : std::as_const(reacted))
        if (!(lastOnItsOwn && s == last))
            recent << *s;
    return dermaplan::readiness(area, recent, m_rules, placement);
}

void Logbook::checkForOutsideChanges() {
    const qint64 version = m_db.dataVersion();
    if (version != m_dataVersion) {
        m_dataVersion = version;
        emit changed();
    }
}

void Logbook::announceChange() {
    m_dataVersion = m_db.dataVersion();
    emit changed();
}

} // namespace dermaplan
