#pragma once

#include "NeedleLength.h"
#include "Performer.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermaplan {

// A plan: one area, one needle, a cadence. It produces planned occurrences (computed by the
// Planner, never stored as sessions).
struct Regimen {
    qint64 id = 0; // store row id; 0 for a draft
    QString name;
    QString area;
    QStringList zones;
    NeedleLength needle;
    int everyDays = 0; // cadence
    QDate start;
    std::optional<int> weeks;     // length; none = ongoing
    std::optional<QDate> endedOn; // set when the user ends the regimen early
    Performer performedBy = Performer::Self;
    QString templateId; // the template it came from, if any
    QString goal;
    QString notes;

    // Last day an occurrence may fall on, if the regimen is bounded.
    [[nodiscard]] std::optional<QDate> lastDay() const {
        std::optional<QDate> last;
        if (weeks)
            last = start.addDays(qint64(*weeks) * 7 - 1);
        if (endedOn && (!last || *endedOn < *last))
            last = endedOn;
        return last;
    }

    friend bool operator==(const Regimen&, const Regimen&) = default;
};

} // namespace dermaplan
