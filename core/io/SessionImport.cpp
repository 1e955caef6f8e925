#include "SessionImport.h"

#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"

#include <QHash>
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
    // Check in date order, each against its neighbours on its area (the only sessions the
    // interval rule looks at): the verdicts the log would have given, in O(n log n) rather than
    // rescanning the whole history for every row of a large file.
    QList<Session> sorted = plan.fresh;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Session& a, const Session& b) { return a.date < b.date; });
    QHash<QString, QList<Session>> byArea;
    for (const Session& s : *existing)
        byArea[s.area] << s;
    for (QList<Session>& list : byArea)
        std::stable_sort(list.begin(), list.end(),
                         [](const Session& a, const Session& b) { return a.date < b.date; });
    for (const Session& s : std::as_const(sorted)) {
        QList<Session>& onArea = byArea[s.area];
        const auto at = std::upper_bound(onArea.begin(), onArea.end(), s.date,
                                         [](QDate d, const Session& x) { return d < x.date; });
        QList<Session> neighbours;
        if (at != onArea.begin())
            neighbours << *(at - 1);
        if (at != onArea.end())
            neighbours << *at;
        const auto verdict = checkSession(s, neighbours, rules, today);
        if (verdict && verdict->severity == Severity::Refuse && s.overrideReason.isEmpty())
            for (const Reason& r : verdict->reasons)
                if (r.severity == Severity::Refuse) {
                    plan.flagged << QStringLiteral("%1 %2 %3: %4")
                                        .arg(s.date.toString(Qt::ISODate), s.area,
                                             s.needle.toString(), r.message);
                    break;
                }
        onArea.insert(at, s);
    }
    return plan;
}

Status runImport(const ImportPlan& plan, Database& db, const SessionStore::Progress& progress) {
    const auto ids = SessionStore(db).addAll(plan.fresh, progress);
    return ids ? success() : Status(ids.error());
}

} // namespace dermaplan::io
