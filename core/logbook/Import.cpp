// The logbook's import (Logbook.h, Import.h), in its own file: read, plan, store, take back.
#include "logbook/Import.h"

#include "domain/IsoDate.h"
#include "io/SessionFile.h"
#include "logbook/Logbook.h"
#include "rules/Readiness.h"
#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/FollowUpStore.h"
#include "storage/ImportSpool.h"
#include "storage/PauseStore.h"
#include "storage/ProductStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"
#include "storage/StoredSessionLookup.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace dermaplan {

namespace {

// One area's sessions as the date-ordered check of an import walks through them: the stored
// ones and the new ones already checked, in the order the log keeps them (comesBefore; new
// sessions have ids above the stored ones', in the order they were checked). A session is held back
// by each earlier one on its area, but of the sessions with the same counting needle only the
// latest can set the latest allowed date (needleReadiness), so the timeline keeps that one per
// needle and hands the check a handful of sessions instead of the whole window.
class AreaTimeline {
public:
    // The stored sessions of a span of days on the area, in any order.
    using Loader = std::function<Result<QList<Session>>(QDate from, QDate to)>;

    AreaTimeline(Loader load, int reach)
        : m_load(std::move(load))
        , m_reach(reach) {}

    // What a session on `date` is checked against: each needle's latest session on or before
    // `date` (within `reach` days), then the stored sessions after it (within `reach` days), in
    // the log's order. Dates come in order. Valid until the next call.
    Result<std::span<const Session>> around(QDate date) {
        if (auto loaded = loadThrough(date); !loaded)
            return loaded.error();
        for (; m_next < m_stored.size() && m_stored[m_next].date <= date; ++m_next)
            keep(m_stored[m_next]);
        m_around.clear();
        for (const Session& latest : m_latest)
            if (latest.date >= date.addDays(-m_reach))
                m_around.push_back(latest);
        std::sort(m_around.begin(), m_around.end(), comesBefore);
        const QDate last = date.addDays(m_reach);
        for (qsizetype i = m_next; i < m_stored.size() && m_stored[i].date <= last; ++i)
            m_around.push_back(m_stored[i]);
        return std::span<const Session>(m_around.data(), m_around.size());
    }

    // A new session, checked (with an id above the stored ones'): later sessions are checked
    // against it too.
    void add(const Session& checked) { keep(checked); }

private:
    void keep(const Session& s) {
        const NeedleLength needle = countingNeedle(s);
        for (Session& latest : m_latest)
            if (countingNeedle(latest) == needle) {
                if (comesBefore(latest, s))
                    latest = s;
                return;
            }
        m_latest.push_back(s);
    }

    // The stored sessions up to `date` + reach, read a year at a time: memory holds about a
    // year of the area's history, not all of it. Sessions older than the first date asked about
    // less reach never hold anything back.
    Status loadThrough(QDate date) {
        const QDate needed = date.addDays(m_reach);
        if (m_loadedTo.isValid() && m_loadedTo >= needed)
            return success();
        // Days before `date` less reach never matter again (later rows come later): a long gap
        // between rows is skipped, not read.
        const QDate from = m_loadedTo.isValid()
                               ? std::max(m_loadedTo.addDays(1), date.addDays(-m_reach))
                               : date.addDays(-m_reach);
        const QDate to = std::max(needed, from.addDays(365));
        auto chunk = m_load(from, to);
        if (!chunk)
            return chunk.error();
        // Whole days: ordered within the chunk, the chunk follows what came before.
        QList<Session> days = std::move(chunk).value();
        std::sort(days.begin(), days.end(), comesBefore);
        m_stored.erase(m_stored.begin(), m_stored.begin() + m_next);
        m_next = 0;
        m_stored.append(std::move(days));
        m_loadedTo = to;
        return success();
    }

    Loader m_load;
    int m_reach = 0;
    QDate m_loadedTo;              // stored sessions are read through this day
    QList<Session> m_stored;       // by comesBefore
    qsizetype m_next = 0;          // the first stored session after the day last asked about
    std::vector<Session> m_latest; // each counting needle's latest session so far
    std::vector<Session> m_around;
};

// Ids the check gives new sessions, above any the log holds (the spool's are places in the file).
constexpr qint64 kFirstNewId = qint64(1) << 62;

// How many flagged sessions a plan lists by name (the rest are counted; each stored session
// says which rule it broke).
constexpr int kListedFlags = 100;

// The file's cleanings, pauses and products that are not here yet (devices and regimens are
// planned first: a cleaning of a device matched to one here is compared with its cleanings).
Status planRecords(const io::Records& records, Database& db, ImportPlan& plan) {
    QHash<qint64, QList<QDateTime>> cleanedHere; // by device id here, read once each
    for (const Cleaning& c : records.cleanings) {
        const auto here = plan.deviceIds.constFind(c.deviceId);
        if (here != plan.deviceIds.constEnd() && !cleanedHere.contains(*here)) {
            auto times = DeviceStore(db).cleanings(*here);
            if (!times)
                return times.error();
            cleanedHere.insert(*here, std::move(times).value());
        }
        const bool present =
            here != plan.deviceIds.constEnd() && cleanedHere.value(*here).contains(c.at);
        present ? void(++plan.cleaningsPresent) : void(plan.newCleanings << c);
    }
    const auto pauses = PauseStore(db).endingFrom(QDate());
    if (!pauses)
        return pauses.error();
    for (const Pause& p : records.pauses) {
        const bool present = std::any_of(pauses->begin(), pauses->end(), [&p](const Pause& e) {
            return e.from == p.from && e.to == p.to && e.area == p.area;
        });
        present ? void(++plan.pausesPresent) : void(plan.newPauses << p);
    }
    const auto products = ProductStore(db).list();
    if (!products)
        return products.error();
    for (const Product& p : records.products) {
        const bool present =
            std::any_of(products->begin(), products->end(),
                        [&p](const Product& e) { return sameProductName(e.name, p.name); });
        present ? void(++plan.productsPresent) : void(plan.newProducts << p);
    }
    return success();
}

} // namespace

ImportSource readImportFile(const QString& path, const QString& format, const RuleBook& rules,
                            QDate today, std::optional<char> delimiter) {
    ImportSource source;
    auto spool = ImportSpool::create();
    if (!spool) {
        source.read.errors << spool.error();
        return source;
    }
    io::ImportResult& read = source.read;
    read = io::readSessionFile(path, format, rules, today, delimiter,
                               [&spool](Session&& s, int line) { return (*spool)->add(s, line); });
    if (read.truncatedErrors)
        return source;
    // A uuid twice in the file: the spool finds it (a set of every uuid read would grow with
    // the file), and names it beside the file's other problems.
    const int room = io::kMaxFileErrors - int(read.errors.size());
    const auto repeated = (*spool)->repeatedUuids(room + 1);
    if (!repeated) {
        read.errors << repeated.error();
        return source;
    }
    for (const auto& [line, uuid] : *repeated)
        if (read.errors.size() < io::kMaxFileErrors)
            read.errors << Error::at(path, line, QStringLiteral("uuid"),
                                     io::uuidTwiceMessage(uuid));
        else
            read.truncatedErrors = true;
    if (read.errors.isEmpty())
        source.spool = std::move(spool).value();
    else
        read.records = {};
    return source;
}

Result<ImportPlan> Logbook::planImport(ImportSource source, const Progress& progress) const {
    Database& db = m_db;
    const RuleBook& rules = m_rules;
    const QDate today = this->today();
    io::ImportResult& parsed = source.read;
    if (!parsed.errors.isEmpty())
        return parsed.errors.constFirst();
    ImportPlan plan;
    plan.spool = std::move(source.spool);
    if (!plan.spool) {
        // Sessions read into a list (not from a file): spooled like a file's.
        auto spool = ImportSpool::create();
        if (!spool)
            return spool.error();
        plan.spool = std::move(spool).value();
        for (const Session& s : std::as_const(parsed.sessions))
            if (auto added = plan.spool->add(s, 0); !added)
                return added.error();
        parsed.sessions.clear();
    }
    DeviceStore devices(db);
    // Devices from an export: the same device (name, needle, first use) is matched, not copied.
    const auto existingDevices = devices.list(true);
    if (!existingDevices)
        return existingDevices.error();
    const io::Records& records = parsed.records;
    QSet<qint64> matched; // a device here stands for one device of the file, never two
    for (const Device& d : records.devices) {
        plan.fileDevices.insert(d.id);
        const auto same = std::find_if(existingDevices->begin(), existingDevices->end(),
                                       [&d, &matched](const Device& e) {
                                           return !matched.contains(e.id) && e.name == d.name &&
                                                  e.needle == d.needle && e.firstUse == d.firstUse;
                                       });
        if (same != existingDevices->end()) {
            matched.insert(same->id);
            plan.deviceIds.insert(d.id, same->id);
        } else {
            plan.newDevices << d;
        }
    }
    const auto existingRegimens = RegimenStore(db).list(true);
    if (!existingRegimens)
        return existingRegimens.error();
    for (const Regimen& r : records.regimens) {
        const bool present =
            std::any_of(existingRegimens->begin(), existingRegimens->end(), [&r](const Regimen& e) {
                return e.name == r.name && e.area == r.area && e.needle == r.needle &&
                       e.everyDays == r.everyDays && e.start == r.start;
            });
        present ? void(++plan.regimensPresent) : void(plan.newRegimens << r);
    }
    // A device id is a number in the database that wrote the file: without that file's devices
    // it would link to whatever device has the number here, so the links are dropped.
    plan.dropDeviceLinks = records.devices.isEmpty();
    if (auto planned = planRecords(records, db, plan); !planned)
        return planned.error();
    int unlinked = 0;
    StoredSessionLookup stored(db);
    // Checked area by area, each in date order (a day's sessions in the file's order), each
    // against what its area's timeline holds at that point: the verdicts the log would give,
    // without rescanning the history for every row.
    const int reach = longestWindowDays(rules);
    std::optional<AreaTimeline> timeline;
    QString timelineArea;
    qsizetype checked = 0;
    const qsizetype total = plan.spool->size();
    const Status walked = plan.spool->forEachByArea([&](const Session& s) -> Status {
        ++checked;
        if (progress && checked % 200 == 0 && !progress(checked, total))
            return SessionStore(db).cancelled();
        const auto held = stored.holds(s);
        if (!held)
            return held.error();
        if (*held) {
            ++plan.alreadyPresent;
            if (s.uuid.isEmpty())
                ++plan.matchedWithoutUuid;
            return plan.spool->markPresent(s.id);
        }
        ++plan.fresh;
        if (s.deviceId && plan.dropDeviceLinks) {
            ++unlinked;
        } else if (s.deviceId && !plan.fileDevices.contains(*s.deviceId) &&
                   !plan.missingDevices.contains(*s.deviceId) && !devices.get(*s.deviceId)) {
            // Device ids belong to the database they came from: the link is kept only where it
            // exists.
            plan.notes << QStringLiteral(
                              "device %1 does not exist here: its sessions are imported without it")
                              .arg(*s.deviceId);
            plan.missingDevices.insert(*s.deviceId);
        }
        if (!timeline || timelineArea != s.area) {
            timelineArea = s.area;
            timeline.emplace(
                [&db, area = s.area](QDate from, QDate to) {
                    SessionFilter onArea;
                    onArea.area = area;
                    onArea.from = from;
                    onArea.to = to;
                    return SessionStore(db).list(onArea);
                },
                reach);
        }
        const auto around = timeline->around(s.date);
        if (!around)
            return around.error();
        // Stored, it will have a larger id than every session there, and the rows checked
        // before it smaller ones: the log's order of sessions of the same moment (comesBefore).
        Session draft = s;
        draft.id = kFirstNewId + checked;
        const auto verdict = checkSessionOnArea(draft, *around, rules, today);
        if (verdict && verdict->severity == Severity::Refuse && s.overrideReason.isEmpty())
            for (const Reason& r : verdict->reasons)
                if (r.severity == Severity::Refuse) {
                    ++plan.flaggedCount;
                    if (auto flagged = plan.spool->flag(s.id, r.message); !flagged)
                        return flagged;
                    break;
                }
        timeline->add(draft);
        return success();
    });
    if (!walked)
        return walked.error();
    if (unlinked > 0)
        plan.notes << QStringLiteral("the file lists no devices, so the device links of %1 "
                                     "session(s) were dropped (device ids belong to the database "
                                     "that wrote the file)")
                          .arg(unlinked);
    const auto flagged = plan.spool->flagged(kListedFlags);
    if (!flagged)
        return flagged.error();
    for (const Session& s : *flagged)
        plan.flagged << QStringLiteral("%1 %2 %3: %4")
                            .arg(isoDateText(s.date), s.area, s.needle.toString(), s.ruleBroken);
    return plan;
}

std::optional<qint64> ImportPlan::storedDevice(std::optional<qint64> fileId,
                                               const QHash<qint64, qint64>& storedIds) const {
    if (!fileId || dropDeviceLinks || missingDevices.contains(*fileId))
        return std::nullopt;
    return fileDevices.contains(*fileId) ? storedIds.value(*fileId) : *fileId;
}

namespace {

// Stores each of `records` with a new id, noting the ids in `ids`.
template <typename Store, typename Record>
Status addEach(Database& db, const QList<Record>& records, QList<qint64>& ids) {
    for (Record r : records) {
        r.id = 0;
        const auto id = Store(db).add(r);
        if (!id)
            return id.error();
        ids << *id;
    }
    return success();
}

} // namespace

Result<ImportReceipt> Logbook::runImport(const ImportPlan& plan, const Progress& progress) {
    Database& db = m_db;
    ImportReceipt receipt;
    const Status stored = db.write([&](QSqlDatabase&) -> Status {
        if (auto added = addEach<DeviceStore>(db, plan.newDevices, receipt.devices); !added)
            return added;
        QHash<qint64, qint64> deviceIds = plan.deviceIds;
        for (qsizetype i = 0; i < plan.newDevices.size(); ++i)
            deviceIds.insert(plan.newDevices[i].id, receipt.devices[i]);
        if (auto added = addEach<RegimenStore>(db, plan.newRegimens, receipt.regimens); !added)
            return added;
        for (const Cleaning& c : plan.newCleanings) {
            const Cleaning here{deviceIds.value(c.deviceId), c.at};
            if (const auto done = DeviceStore(db).recordCleaning(here.deviceId, here.at); !done)
                return done;
            if (plan.deviceIds.contains(c.deviceId))
                receipt.cleanings << here; // a new device's cleanings go with it
        }
        if (auto added = addEach<PauseStore>(db, plan.newPauses, receipt.pauses); !added)
            return added;
        if (auto added = addEach<ProductStore>(db, plan.newProducts, receipt.products); !added)
            return added;
        qsizetype done = 0;
        // By date, straight from the spool: the date indexes grow at their end and ids follow
        // the calendar.
        return SessionStore(db).addEach([&](const SessionStore::Store& store) {
            return plan.spool->forEachToStore([&](const Session& row) -> Status {
                Session s = row;
                if (s.uuid.isEmpty())
                    s.uuid = QUuid::createUuidV5(plan.uuidSeed, QString::number(row.id))
                                 .toString(QUuid::WithoutBraces);
                s.id = 0;
                s.deviceId = plan.storedDevice(s.deviceId, deviceIds);
                const auto id = store(s);
                if (!id)
                    return id.error();
                receipt.sessions << std::pair{*id, s.uuid};
                // A session's follow-up answers come with it (few: one statement each).
                for (FollowUp answer : std::as_const(s.followUps)) {
                    answer.sessionId = *id;
                    if (const auto answered = FollowUpStore(db).add(answer); !answered)
                        return answered.error();
                }
                if (progress && !progress(++done, plan.fresh))
                    return SessionStore(db).cancelled();
                return success();
            });
        });
    });
    if (!stored)
        return stored.error();
    announceChange();
    return receipt;
}

Status Logbook::takeBackImport(const ImportReceipt& receipt) {
    return written(m_db.write([&](QSqlDatabase&) -> Status {
        // Sessions first: a device with sessions cannot be removed.
        if (auto removed = SessionStore(m_db).removeEach(receipt.sessions); !removed)
            return removed;
        for (const Cleaning& c : receipt.cleanings)
            if (auto removed = DeviceStore(m_db).removeCleaning(c.deviceId, c.at); !removed)
                return removed;
        for (const qint64 id : receipt.devices)
            if (auto removed = DeviceStore(m_db).remove(id); !removed)
                return removed;
        for (const qint64 id : receipt.regimens)
            if (auto removed = RegimenStore(m_db).remove(id); !removed)
                return removed;
        for (const qint64 id : receipt.pauses)
            if (auto removed = PauseStore(m_db).remove(id); !removed)
                return removed.error();
        for (const qint64 id : receipt.products)
            if (auto removed = ProductStore(m_db).remove(id); !removed)
                return removed.error();
        return success();
    }));
}

} // namespace dermaplan
