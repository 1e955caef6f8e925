#include "SessionImport.h"

#include "rules/Readiness.h"
#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace dermaplan::io {

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
    // against the sessions on its area within the longest window on either side (the only ones
    // the interval rule can see), which gives the verdicts the log would have given without
    // rescanning the history for every row; stored in that order too, so that the date indexes
    // grow at their end and ids follow the calendar.
    std::stable_sort(plan.fresh.begin(), plan.fresh.end(),
                     [](const Session& a, const Session& b) { return a.date < b.date; });
    QHash<QString, QList<Session>> byArea;
    for (const Session& s : *existing)
        byArea[s.area] << s;
    for (QList<Session>& list : byArea)
        std::sort(list.begin(), list.end(), comesBefore);
    // Every session within the longest window on either side can bear on a new one.
    const int reach = longestWindowDays(rules);
    qsizetype checked = 0;
    for (Session& s : plan.fresh) {
        if (progress && ++checked % 200 == 0 && !progress(checked, plan.fresh.size()))
            return Error::inFile(db.path(), QStringLiteral("cancelled: nothing was imported"));
        QList<Session>& onArea = byArea[s.area];
        const auto first = std::lower_bound(onArea.cbegin(), onArea.cend(), s.date.addDays(-reach),
                                            [](const Session& x, QDate d) { return x.date < d; });
        const auto last = std::upper_bound(first, onArea.cend(), s.date.addDays(reach),
                                           [](QDate d, const Session& x) { return d < x.date; });
        const auto verdict = checkSessionOnArea(
            s,
            std::span<const Session>(onArea.constData() + (first - onArea.cbegin()),
                                     size_t(last - first)),
            rules, today);
        if (verdict && verdict->severity == Severity::Refuse && s.overrideReason.isEmpty())
            for (const Reason& r : verdict->reasons)
                if (r.severity == Severity::Refuse) {
                    s.ruleBroken = r.message;
                    plan.flagged << QStringLiteral("%1 %2 %3: %4")
                                        .arg(s.date.toString(Qt::ISODate), s.area,
                                             s.needle.toString(), r.message);
                    break;
                }
        onArea.insert(std::upper_bound(onArea.begin(), onArea.end(), s, comesBefore), s);
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
        return ids ? success() : Status(ids.error());
    });
}

} // namespace dermaplan::io
