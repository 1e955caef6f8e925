// The logbook's regimens (Logbook.h), in their own file: checked before every write.
#include "logbook/Logbook.h"
#include "rules/SafetyCheck.h"
#include "storage/RegimenStore.h"

namespace dermaplan {

namespace {

// A regimen is stored only when its check refuses nothing (a cadence below the minimum interval
// for its needle and area): the planner must never plan sessions closer than that.
Status plannable(const Regimen& regimen, const RuleBook& rules) {
    const auto verdict = checkRegimen(regimen, rules);
    if (!verdict)
        return verdict.error();
    if (verdict->severity == Severity::Refuse)
        return Error::inField(QStringLiteral("every"), verdict->reasons.constFirst().message);
    return success();
}

} // namespace

Result<QList<Regimen>> Logbook::regimens(bool includeEnded) const {
    return RegimenStore(m_db).list(includeEnded);
}

Result<Regimen> Logbook::regimen(qint64 id) const {
    return RegimenStore(m_db).get(id);
}

Result<Verdict> Logbook::checkRegimen(const Regimen& regimen) const {
    return dermaplan::checkRegimen(regimen, m_rules);
}

Result<qint64> Logbook::addRegimen(const Regimen& regimen) {
    if (const auto ok = plannable(regimen, m_rules); !ok)
        return ok.error();
    Regimen named = regimen;
    if (named.name.trimmed().isEmpty())
        named.name = defaultRegimenName(named, m_rules);
    return written(RegimenStore(m_db).add(named));
}

Status Logbook::updateRegimen(const Regimen& regimen) {
    if (const auto ok = plannable(regimen, m_rules); !ok)
        return ok;
    return written(RegimenStore(m_db).update(regimen));
}

Status Logbook::endRegimen(qint64 id, QDate lastDay) {
    return written(RegimenStore(m_db).end(id, lastDay));
}

Status Logbook::removeRegimen(qint64 id) {
    return written(RegimenStore(m_db).remove(id));
}

Result<qint64> Logbook::restoreRegimen(const Regimen& regimen) {
    return written(RegimenStore(m_db).reinsert(regimen));
}

} // namespace dermaplan
