// The logbook's pauses (Logbook.h), in their own file.
#include "logbook/Logbook.h"
#include "rules/RecordCheck.h"
#include "storage/PauseStore.h"

namespace dermaplan {

Result<QList<Pause>> Logbook::pauses(QDate endingFrom) const {
    return PauseStore(m_db).endingFrom(endingFrom);
}

Result<qint64> Logbook::addPause(const Pause& pause) {
    if (const auto valid = validatePause(pause, m_rules); !valid)
        return valid.error();
    Pause stored = pause;
    stored.reason = stored.reason.trimmed();
    return written(PauseStore(m_db).add(stored));
}

Result<Pause> Logbook::removePause(qint64 id) {
    return written(PauseStore(m_db).remove(id));
}

Result<qint64> Logbook::restorePause(const Pause& pause) {
    if (const auto valid = validatePause(pause, m_rules); !valid)
        return valid.error();
    return written(PauseStore(m_db).reinsert(pause));
}

} // namespace dermaplan
