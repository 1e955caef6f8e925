#pragma once

#include "NeedleLength.h"
#include "Performer.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace dermaplan {

// One session that happened (logged), as opposed to a planned occurrence of a Regimen.
struct Session {
    qint64 id = 0; // store row id; 0 for a draft not yet stored
    QString uuid;  // stable across export/import; empty for a draft
    QDate date;    // local calendar day; the interval maths counts these
    std::optional<QTime> time;
    QString area;      // area id from the rule book ("face", "scalp", ...)
    QStringList zones; // zone ids within the area; empty means the whole area
    NeedleLength needle;
    Performer performedBy = Performer::Self;
    std::optional<qint64> deviceId;
    // The needle of that device, read with the session (never stored with it): the rules count
    // the longer of the two.
    std::optional<NeedleLength> deviceNeedle;
    std::optional<int> pain; // 0-10
    QString reaction;
    QString products;
    QString notes;
    QStringList contraindications; // ids of checklist items the user ticked
    QString overrideReason;        // non-empty when a refusal was overridden
    // Set when the session was imported although a rule refuses it (it happened: history
    // keeps it, and says which rule it broke).
    QString ruleBroken;

    friend bool operator==(const Session&, const Session&) = default;
};

} // namespace dermaplan
