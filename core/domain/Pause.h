#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace dermaplan {

// Days without sessions (a holiday, a procedure, an illness), on one area or on all of them.
// The planner moves a regimen's sessions past a pause, never closer together after it.
struct Pause {
    qint64 id = 0; // store row id; 0 for a draft
    QDate from;    // first day, inclusive
    QDate to;      // last day, inclusive
    QString area;  // empty: every area
    QString reason;

    [[nodiscard]] bool covers(QDate day, const QString& onArea) const {
        return day >= from && day <= to && (area.isEmpty() || area == onArea);
    }
    friend bool operator==(const Pause&, const Pause&) = default;
};

// The first day on or after `day` that no pause of `pauses` covers on `area`.
[[nodiscard]] inline QDate firstDayOutsidePauses(QDate day, const QString& area,
                                                 const QList<Pause>& pauses) {
    // Pauses may overlap or follow each other: move until none covers the day.
    for (bool moved = true; moved;) {
        moved = false;
        for (const Pause& p : pauses)
            if (p.covers(day, area)) {
                day = p.to.addDays(1);
                moved = true;
            }
    }
    return day;
}

} // namespace dermaplan
