#include "SessionImport.h"

#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"

#include <QSet>

#include <algorithm>

namespace dermaplan::io {

Result<ImportPlan> planImport(const ImportResult& parsed, Database& db, const RuleBook& rules,
                              QDate today) {
    if (!parsed.errors.isEmpty())
        return parsed.errors.constFirst();
    const auto existing = SessionStore(db).list({});
    if (!existing)
        return existing.error();
    QSet<QString> known;
    for (const Session& s : *existing)
        known.insert(s.uuid);

    ImportPlan plan;
    DeviceStore devices(db);
    QSet<qint64> missingDevices;
    for (Session s : parsed.sessions) {
        if (!s.uuid.isEmpty() && known.contains(s.uuid)) {
            ++plan.alreadyPresent;
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
        plan.fresh << s;
    }
    // Check in date order against everything before: the same verdicts the log would have given.
    QList<Session> sorted = plan.fresh;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Session& a, const Session& b) { return a.date < b.date; });
    QList<Session> history = *existing;
    for (const Session& s : std::as_const(sorted)) {
        const auto verdict = checkSession(s, history, rules, today);
        if (verdict && verdict->severity == Severity::Refuse && s.overrideReason.isEmpty())
            for (const Reason& r : verdict->reasons)
                if (r.severity == Severity::Refuse) {
                    plan.flagged << QStringLiteral("%1 %2 %3: %4")
                                        .arg(s.date.toString(Qt::ISODate), s.area,
                                             s.needle.toString(), r.message);
                    break;
                }
        history << s;
    }
    return plan;
}

Status runImport(const ImportPlan& plan, Database& db, const SessionStore::Progress& progress) {
    const auto ids = SessionStore(db).addAll(plan.fresh, progress);
    return ids ? success() : Status(ids.error());
}

} // namespace dermaplan::io
