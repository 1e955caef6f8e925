// The logbook's pauses (Logbook.h), in their own file.
#include "logbook/Logbook.h"
#include "storage/PauseStore.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class PausesTr {
    Q_DECLARE_TR_FUNCTIONS(Logbook)
};

std::optional<Error> invalidPause(const Pause& p, const RuleBook& rules) {
    if (!p.from.isValid())
        return Error::inField(QStringLiteral("from"), PausesTr::tr("a pause needs a first day"));
    if (!p.to.isValid())
        return Error::inField(QStringLiteral("to"), PausesTr::tr("a pause needs a last day"));
    if (p.to < p.from)
        return Error::inField(QStringLiteral("to"),
                              PausesTr::tr("the pause must end on or after its first day (%1)")
                                  .arg(p.from.toString(Qt::ISODate)));
    if (!p.area.isEmpty() && !rules.area(p.area))
        return Error::inField(QStringLiteral("area"),
                              PausesTr::tr("unknown area \"%1\"").arg(p.area));
    return std::nullopt;
}

} // namespace

Result<QList<Pause>> Logbook::pauses(QDate endingFrom) const {
    return PauseStore(m_db).endingFrom(endingFrom);
}

Result<qint64> Logbook::addPause(const Pause& pause) {
    if (const auto invalid = invalidPause(pause, m_rules))
        return *invalid;
    Pause stored = pause;
    stored.reason = stored.reason.trimmed();
    return written(PauseStore(m_db).add(stored));
}

Result<Pause> Logbook::removePause(qint64 id) {
    return written(PauseStore(m_db).remove(id));
}

Result<qint64> Logbook::restorePause(const Pause& pause) {
    if (const auto invalid = invalidPause(pause, m_rules))
        return *invalid;
    return written(PauseStore(m_db).reinsert(pause));
}

} // namespace dermaplan
