#include "StatsStore.h"

#include "Database.h"
#include "SqlValues.h"
#include "SqliteStatement.h"
#include "domain/IsoDate.h"

#include <QSqlError>

namespace dermaplan {

namespace {

// The Monday of a stored date's ISO week, in SQL (strftime's %w: Sunday is 0).
const QString kWeekOf =
    QStringLiteral("date(%1, '-' || ((CAST(strftime('%w', %1) AS INTEGER) + 6) % 7) || ' days')");

} // namespace

QString StatsStore::periodOf(const QString& column) const {
    switch (m_period) {
    case StatsPeriod::Week:
        return kWeekOf.arg(column);
    case StatsPeriod::Month:
        return QStringLiteral("date(%1, 'start of month')").arg(column);
    case StatsPeriod::Year:
        return QStringLiteral("date(%1, 'start of year')").arg(column);
    }
    return kWeekOf.arg(column);
}

Result<QList<WeekFigures>> StatsStore::weeks(QDate from, QDate to, const QString& area) const {
    SqliteStatement q(
        m_db.connection(),
        QStringLiteral(
            "SELECT %1 AS week, area, COUNT(*), SUM(override_reason <> '' OR "
            "rule_broken <> ''), COUNT(pain), AVG(pain), MAX(pain) FROM sessions WHERE date >= ? "
            "AND date <= ? AND (? = '' OR area = ?) GROUP BY week, area ORDER BY "
            "week, area")
            .arg(periodOf(QStringLiteral("date"))));
    q.bind(1, sql::dateBound(from));
    q.bind(2, sql::dateBound(to));
    q.bind(3, area);
    q.bind(4, area);
    QList<WeekFigures> out;
    while (q.next()) {
        WeekFigures w;
        w.week = isoDateFromText(q.text(0));
        w.area = q.text(1);
        w.sessions = int(q.integer(2));
        w.overridden = int(q.integer(3));
        w.painScores = int(q.integer(4));
        if (!q.isNull(5)) {
            w.meanPain = q.real(5);
            w.maxPain = int(q.integer(6));
        }
        out << w;
    }
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading the weekly figures"));
    return out;
}

Result<QList<ReactionFigures>> StatsStore::reactions(QDate from, QDate to,
                                                     const QString& area) const {
    SqliteStatement q(m_db.connection(),
                      QStringLiteral("SELECT %1 AS week, f.state, COUNT(*) FROM followups f JOIN "
                                     "sessions s ON s.id = f.session_id WHERE f.date >= ? AND "
                                     "f.date <= ? AND (? = '' OR s.area = ?) GROUP BY week, "
                                     "f.state ORDER BY week, f.state")
                          .arg(periodOf(QStringLiteral("f.date"))));
    q.bind(1, sql::dateBound(from));
    q.bind(2, sql::dateBound(to));
    q.bind(3, area);
    q.bind(4, area);
    QList<ReactionFigures> out;
    while (q.next())
        out << ReactionFigures{isoDateFromText(q.text(0)), q.text(1), int(q.integer(2))};
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading the reaction figures"));
    return out;
}

Result<AreaCount> StatsStore::onArea(const QString& area, int needleUm, QDate from,
                                     QDate to) const {
    SqliteStatement q(m_db.connection(),
                      QStringLiteral("SELECT COUNT(*), COALESCE(SUM(override_reason <> '' OR "
                                     "rule_broken <> ''), 0) FROM sessions WHERE area = ? AND "
                                     "needle_um = ? AND date >= ? AND date <= ?"));
    q.bind(1, area);
    q.bind(2, qint64(needleUm));
    q.bind(3, sql::dateBound(from));
    q.bind(4, sql::dateBound(to));
    if (!q.next())
        return m_db.sqlError(q.lastError(), QStringLiteral("counting sessions"));
    return AreaCount{int(q.integer(0)), int(q.integer(1))};
}

Result<QList<AreaWeek>> StatsStore::onAreaByWeek(const QString& area, int needleUm, QDate from,
                                                 QDate to) const {
    SqliteStatement q(m_db.connection(),
                      QStringLiteral("SELECT %1 AS week, COUNT(*), SUM(override_reason <> '' OR "
                                     "rule_broken <> '') FROM sessions WHERE area = ? AND "
                                     "needle_um = ? AND date >= ? AND date <= ? GROUP BY week "
                                     "ORDER BY week")
                          .arg(periodOf(QStringLiteral("date"))));
    q.bind(1, area);
    q.bind(2, qint64(needleUm));
    q.bind(3, sql::dateBound(from));
    q.bind(4, sql::dateBound(to));
    QList<AreaWeek> out;
    while (q.next())
        out << AreaWeek{isoDateFromText(q.text(0)), {int(q.integer(1)), int(q.integer(2))}};
    if (q.lastError().isValid())
        return m_db.sqlError(q.lastError(), QStringLiteral("counting sessions per week"));
    return out;
}

} // namespace dermaplan
