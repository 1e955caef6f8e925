#pragma once

#include "Result.h"
#include "domain/StatsFigures.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace dermaplan {

class Database;

// Figures over the history, aggregated by SQLite: one row per week (and area or state), however
// many sessions; no session is read into memory.
class StatsStore {
public:
    explicit StatsStore(Database& db, StatsPeriod period = StatsPeriod::Week)
        : m_db(db)
        , m_period(period) {}

    // Sessions in [from, to] (on `area`; every area when empty), per week and area.
    [[nodiscard]] Result<QList<WeekFigures>> weeks(QDate from, QDate to, const QString& area) const;
    // Follow-up answers given in [from, to] about sessions on `area`, per week and state.
    [[nodiscard]] Result<QList<ReactionFigures>> reactions(QDate from, QDate to,
                                                           const QString& area) const;
    // Sessions on `area` with `needleUm` (the session's own needle) in [from, to].
    [[nodiscard]] Result<AreaCount> onArea(const QString& area, int needleUm, QDate from,
                                           QDate to) const;
    // The same, per ISO week (weeks without a session left out), oldest first.
    [[nodiscard]] Result<QList<AreaWeek>> onAreaByWeek(const QString& area, int needleUm,
                                                       QDate from, QDate to) const;

private:
    // The SQL for the first day of the period of `column`'s date.
    [[nodiscard]] QString periodOf(const QString& column) const;

    Database& m_db;
    StatsPeriod m_period;
};

} // namespace dermaplan
