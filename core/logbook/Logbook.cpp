#include "Logbook.h"

#include "domain/IsoDate.h"
#include "io/CalendarExport.h"
#include "planning/Aftercare.h"
#include "rules/ProductAdvice.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/FollowUpStore.h"
#include "storage/PauseStore.h"
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

// The areas the regimens plan for, each once.
QStringList areasOf(const QList<Regimen>& regimens) {
    QStringList areas;
    for (const Regimen& r : regimens)
        if (!areas.contains(r.area))
            areas << r.area;
    return areas;
}

// The session as it is stored after its check: an override reason is kept only when a rule was
// really overridden, so that history says what happened.
Session asStored(Session session, const Verdict& verdict) {
    if (verdict.severity != Severity::Refuse)
        session.overrideReason.clear();
    return session;
}

void appendUnique(QList<Session>& into, const QList<Session>& more) {
    for (const Session& s : more)
        if (std::none_of(into.cbegin(), into.cend(),
                         [&s](const Session& t) { return t.id == s.id; }))
            into << s;
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

Result<QList<Session>> Logbook::sessionsAround(QDate from, QDate to, const QList<Regimen>& regimens,
                                               const QStringList& areas) const {
    // A planned day can be held back by any session within the longest window before it; a
    // regimen's grid of days is anchored from its start; aftercare reaches back too. Older
    // sessions change nothing but the anchor, which is the last session per area.
    QDate start = std::min(from, today());
    for (const Regimen& r : regimens)
        start = std::min(start, r.start);
    const int reach = std::max(longestWindowDays(m_rules), longestAftercareDays(m_rules));
    SessionFilter f;
    f.from = start.addDays(-reach);
    f.to = std::max(to, today());
    auto out = SessionStore(m_db).list(f);
    if (!out)
        return out.error();
    for (const QString& area : areas) {
        const auto last = lastSession(area);
        if (!last)
            return last.error();
        if (*last)
            appendUnique(out.value(), {**last});
    }
    return out;
}

Result<Logbook::Planning> Logbook::planning(QDate from, QDate to, bool everyArea) const {
    auto regimens = RegimenStore(m_db).list(true);
    if (!regimens)
        return regimens.error();
    QStringList areas = areasOf(*regimens);
    if (everyArea) {
        areas.clear();
        for (const Area& a : m_rules.areas())
            areas << a.id;
    }
    auto history = sessionsAround(from, to, *regimens, areas);
    if (!history)
        return history.error();
    // (No area: no regimen, nothing to plan, and no reaction to look for.)
    if (!areas.isEmpty())
        if (const Status reactions = withReactions(history.value(), areas, std::min(from, today()));
            !reactions)
            return reactions.error();
    auto pauses = PauseStore(m_db).endingFrom({});
    if (!pauses)
        return pauses.error();
    return Planning{std::move(regimens).value(), std::move(history).value(),
                    std::move(pauses).value()};
}

Result<QStringList> Logbook::activeProducts() const {
    const auto products = ProductStore(m_db).list();
    if (!products)
        return products.error();
    return activeProductNames(*products);
}

Result<Plan> Logbook::plan(QDate from, QDate to) const {
    const auto p = planning(from, to, false);
    if (!p)
        return p.error();
    return planSessions(p->regimens, p->history, m_rules, today(), from, to, p->pauses);
}

Result<Logbook::CalendarDays> Logbook::calendarDays(QDate from, QDate to) const {
    // One read for the plan and the days: every area's sessions from the longest window before
    // `from` (a recovery span is shorter, so older sessions cannot reach in) to `to`.
    const auto p = planning(from, to, true);
    if (!p)
        return p.error();
    CalendarDays days{
        planSessions(p->regimens, p->history, m_rules, today(), from, to, p->pauses), {}, {}, {}};
    for (const Pause& pause : p->pauses)
        if (pause.to >= from && pause.from <= to)
            days.pauses << pause;
    for (const Session& s : p->history) {
        const RecoverySpan span = recoverySpan(s, m_rules);
        if (span.allowedFrom > from && s.date < to)
            days.recovering << span;
        if (s.date >= from && s.date <= to)
            days.logged << s;
    }
    return days;
}

Result<WeeklySchedule> Logbook::schedule(QDate from, QDate to) const {
    // Every area: the schedule says when each one with history is allowed again.
    const auto p = planning(from, to, true);
    if (!p)
        return p.error();
    WeeklySchedule schedule =
        WeeklySchedule::forRange(from, to, p->regimens, p->history, m_rules, today(), p->pauses);
    const auto actives = activeProducts();
    if (!actives)
        return actives.error();
    nameActives(schedule.aftercare, *actives);
    for (ScheduleDay& day : schedule.days)
        nameActives(day.notes, *actives);
    return schedule;
}

Result<QByteArray> Logbook::calendar(QDate from, QDate to, std::optional<QTime> reminderAt) const {
    // Occurrence numbers count from each regimen's start: sessionsAround reads from there.
    const auto p = planning(from, to, false);
    if (!p)
        return p.error();
    return io::planCalendar(p->regimens, p->history, m_rules, today(), from, to,
                            {m_db.databaseUuid(), reminderAt}, p->pauses);
}

Status Logbook::writeSessions(const SessionFilter& filter, io::SessionStream::Format format,
                              const io::ByteSink& sink, const io::CsvDialect& dialect) const {
    QSqlDatabase connection = m_db.connection();
    const bool snapshot = connection.transaction();
    const Status done = [&]() -> Status {
        io::Records records;
        if (format == io::SessionStream::Format::ExportJson) {
            auto read = exportRecords();
            if (!read)
                return read.error();
            records = std::move(read).value();
        }
        io::SessionStream stream(format, sink, dialect);
        if (auto begun = stream.begin(records); !begun)
            return begun;
        // JSON says how the skin was after each session; a CSV row has no room for a list.
        const bool withFollowUps = format != io::SessionStream::Format::Csv;
        if (auto all = SessionStore(m_db).forEach(
                filter, [&stream](const Session& s) { return stream.add(s); }, withFollowUps);
            !all)
            return all;
        return stream.finish();
    }();
    if (snapshot)
        connection.commit();
    return done;
}

Result<io::Records> Logbook::exportRecords() const {
    io::Records out;
    auto regimens = RegimenStore(m_db).list(true);
    if (!regimens)
        return regimens.error();
    out.regimens = std::move(regimens).value();
    auto devices = DeviceStore(m_db).list(true);
    if (!devices)
        return devices.error();
    out.devices = std::move(devices).value();
    auto cleanings = DeviceStore(m_db).allCleanings();
    if (!cleanings)
        return cleanings.error();
    out.cleanings = std::move(cleanings).value();
    auto pauses = PauseStore(m_db).endingFrom(QDate());
    if (!pauses)
        return pauses.error();
    out.pauses = std::move(pauses).value();
    auto products = ProductStore(m_db).list();
    if (!products)
        return products.error();
    out.products = std::move(products).value();
    return out;
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
