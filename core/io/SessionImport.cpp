#include "SessionImport.h"

#include "domain/IsoDate.h"
#include "rules/Readiness.h"
#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/FollowUpStore.h"
#include "storage/RegimenStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <span>
#include <vector>

namespace dermaplan::io {

namespace {

// One area's sessions as the date-ordered check of an import walks through them: the stored
// ones and the new ones already checked, in the order the log keeps them (comesBefore; new
// sessions of the same moment in the order they were checked). A session is held back by each
// earlier one on its area, but of the sessions with the same counting needle only the latest
// can set the latest allowed date (needleReadiness), so the timeline keeps that one per needle
// and hands the check a handful of sessions instead of the whole window.
class AreaTimeline {
public:
    AreaTimeline() = default;
    explicit AreaTimeline(QList<Session> stored)
        : m_stored(std::move(stored)) {}

    // What a session on `date` is checked against: each needle's latest session on or before
    // `date` (within `reach` days), then the stored sessions after it (within `reach` days), in
    // the log's order. Valid until the next call.
    std::span<const Session> around(QDate date, int reach) {
        for (; m_next < m_stored.size() && m_stored[m_next].date <= date; ++m_next)
            keep(m_stored[m_next], 0);
        std::vector<const Timed*> earlier;
        for (const Timed& t : m_latest)
            if (t.session.date >= date.addDays(-reach))
                earlier.push_back(&t);
        std::sort(earlier.begin(), earlier.end(),
                  [](const Timed* a, const Timed* b) { return before(*a, *b); });
        m_around.clear();
        for (const Timed* t : earlier)
            m_around.push_back(t->session);
        const QDate last = date.addDays(reach);
        for (qsizetype i = m_next; i < m_stored.size() && m_stored[i].date <= last; ++i)
            m_around.push_back(m_stored[i]);
        return {m_around.data(), m_around.size()};
    }

    // A new session, checked: later sessions are checked against it too.
    void add(const Session& checked) { keep(checked, ++m_checked); }

private:
    struct Timed {
        Session session;
        qint64 checkedAs = 0; // 0 for a stored session, else the order it was checked in
    };

    // The log's order: comesBefore, and new sessions of the same moment as they were checked
    // (stored ones never tie: their ids differ, and a new one's is 0).
    static bool before(const Timed& a, const Timed& b) {
        return comesBefore(a.session, b.session) ||
               (!comesBefore(b.session, a.session) && a.checkedAs < b.checkedAs);
    }

    void keep(const Session& s, qint64 checkedAs) {
        Timed timed{s, checkedAs};
        const NeedleLength needle = countingNeedle(s);
        for (Timed& latest : m_latest)
            if (countingNeedle(latest.session) == needle) {
                if (before(latest, timed))
                    latest = std::move(timed);
                return;
            }
        m_latest.push_back(std::move(timed));
    }

    QList<Session> m_stored; // by comesBefore
    qsizetype m_next = 0;    // the first stored session after the day last asked about
    std::vector<Timed> m_latest;
    std::vector<Session> m_around;
    qint64 m_checked = 0;
};

} // namespace

Result<ImportPlan> planImport(ImportResult parsed, Database& db, const RuleBook& rules, QDate today,
                              const SessionStore::Progress& progress) {
    if (!parsed.errors.isEmpty())
        return parsed.errors.constFirst();
    const auto existing = SessionStore(db).list({});
    if (!existing)
        return existing.error();
    QSet<QString> known;
    // A row without a uuid (a hand-made or spreadsheet file) is the same session as a stored one
    // with the same day, time, area, needle and notes: importing the file twice adds nothing.
    const auto sameSession = [](const Session& s) {
        return QStringList{s.date.toString(Qt::ISODate),
                           s.time ? s.time->toString(QStringLiteral("HH:mm")) : QString(), s.area,
                           QString::number(s.needle.micrometres()), s.notes}
            .join(QChar(0x1f));
    };
    QSet<QString> knownWithoutUuid;
    for (const Session& s : *existing) {
        known.insert(s.uuid);
        knownWithoutUuid.insert(sameSession(s));
    }

    ImportPlan plan;
    DeviceStore devices(db);
    // Devices from an export: the same device (name, needle, first use) is matched, not copied.
    const auto existingDevices = devices.list(true);
    if (!existingDevices)
        return existingDevices.error();
    QSet<qint64> fileDevices;
    for (const Device& d : parsed.devices) {
        fileDevices.insert(d.id);
        const auto same =
            std::find_if(existingDevices->begin(), existingDevices->end(), [&d](const Device& e) {
                return e.name == d.name && e.needle == d.needle && e.firstUse == d.firstUse;
            });
        if (same != existingDevices->end())
            plan.deviceIds.insert(d.id, same->id);
        else
            plan.newDevices << d;
    }
    const auto existingRegimens = RegimenStore(db).list(true);
    if (!existingRegimens)
        return existingRegimens.error();
    for (const Regimen& r : parsed.regimens) {
        const bool present =
            std::any_of(existingRegimens->begin(), existingRegimens->end(), [&r](const Regimen& e) {
                return e.name == r.name && e.area == r.area && e.needle == r.needle &&
                       e.everyDays == r.everyDays && e.start == r.start;
            });
        present ? void(++plan.regimensPresent) : void(plan.newRegimens << r);
    }
    QSet<qint64> missingDevices;
    int unlinked = 0;
    plan.fresh.reserve(parsed.sessions.size());
    for (Session& s : parsed.sessions) {
        if (!s.uuid.isEmpty() && known.contains(s.uuid)) {
            ++plan.alreadyPresent;
            continue;
        }
        if (s.uuid.isEmpty() && knownWithoutUuid.contains(sameSession(s))) {
            ++plan.alreadyPresent;
            ++plan.matchedWithoutUuid;
            continue;
        }
        // A device id is a number in the database that wrote the file: without that file's
        // devices it would link to whatever device has the number here. Drop it.
        if (s.deviceId && parsed.devices.isEmpty()) {
            s.deviceId.reset();
            ++unlinked;
        }
        if (s.deviceId && fileDevices.contains(*s.deviceId)) {
            plan.fresh << std::move(s); // remapped when the devices are stored
            continue;
        }
        // Device ids belong to the database they came from: keep the link only where it exists.
        if (s.deviceId && !devices.get(*s.deviceId)) {
            if (!missingDevices.contains(*s.deviceId))
                plan.notes
                    << QStringLiteral(
                           "device %1 does not exist here: its sessions are imported without it")
                           .arg(*s.deviceId);
            missingDevices.insert(*s.deviceId);
            s.deviceId.reset();
        }
        plan.fresh << std::move(s);
    }
    parsed.sessions.clear();
    if (unlinked > 0)
        plan.notes << QStringLiteral("the file lists no devices, so the device links of %1 "
                                     "session(s) were dropped (device ids belong to the database "
                                     "that wrote the file)")
                          .arg(unlinked);
    // Sorted once, by date (a day's sessions in the file's order): checked in that order, each
    // against what its area's timeline holds at that point, which gives the verdicts the log
    // would have given without rescanning the history for every row; stored in that order too,
    // so that the date indexes grow at their end and ids follow the calendar.
    // An export is in date order already: checked first, it is not sorted again.
    const auto byDate = [](const Session& a, const Session& b) { return a.date < b.date; };
    if (!std::is_sorted(plan.fresh.cbegin(), plan.fresh.cend(), byDate))
        std::stable_sort(plan.fresh.begin(), plan.fresh.end(), byDate);
    QHash<QString, AreaTimeline> byArea;
    {
        QHash<QString, QList<Session>> stored;
        for (const Session& s : *existing)
            stored[s.area] << s;
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            std::sort(it->begin(), it->end(), comesBefore);
            byArea.emplace(it.key(), std::move(*it));
        }
    }
    const int reach = longestWindowDays(rules);
    qsizetype checked = 0;
    for (Session& s : plan.fresh) {
        if (progress && ++checked % 200 == 0 && !progress(checked, plan.fresh.size()))
            return Error::inFile(db.path(), QStringLiteral("cancelled: nothing was imported"));
        AreaTimeline& timeline = byArea[s.area];
        const auto verdict = checkSessionOnArea(s, timeline.around(s.date, reach), rules, today);
        if (verdict && verdict->severity == Severity::Refuse && s.overrideReason.isEmpty())
            for (const Reason& r : verdict->reasons)
                if (r.severity == Severity::Refuse) {
                    s.ruleBroken = r.message;
                    plan.flagged << QStringLiteral("%1 %2 %3: %4")
                                        .arg(isoDateText(s.date), s.area, s.needle.toString(),
                                             r.message);
                    break;
                }
        timeline.add(s);
    }
    return plan;
}

Status runImport(const ImportPlan& plan, Database& db, const SessionStore::Progress& progress) {
    return db.write([&](QSqlDatabase&) -> Status {
        QHash<qint64, qint64> deviceIds = plan.deviceIds;
        for (Device d : plan.newDevices) {
            const qint64 fileId = d.id;
            d.id = 0;
            const auto id = DeviceStore(db).add(d);
            if (!id)
                return id.error();
            deviceIds.insert(fileId, *id);
        }
        for (const Regimen& r : plan.newRegimens) {
            Regimen copy = r;
            copy.id = 0;
            if (const auto id = RegimenStore(db).add(copy); !id)
                return id.error();
        }
        // In the plan's order (by date); device links remapped one session at a time, without
        // a second list of a large file's sessions.
        const auto ids = SessionStore(db).addAll(
            plan.fresh.size(),
            [&](qsizetype i) {
                Session s = plan.fresh[i];
                if (s.deviceId && deviceIds.contains(*s.deviceId))
                    s.deviceId = deviceIds.value(*s.deviceId);
                return s;
            },
            progress);
        if (!ids)
            return ids.error();
        // A session's follow-up answers come with it (few: one statement each).
        for (qsizetype i = 0; i < plan.fresh.size(); ++i)
            for (FollowUp answer : plan.fresh[i].followUps) {
                answer.id = 0;
                answer.sessionId = ids->at(i);
                if (const auto stored = FollowUpStore(db).add(answer); !stored)
                    return stored.error();
            }
        return success();
    });
}

} // namespace dermaplan::io
