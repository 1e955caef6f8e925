#pragma once

#include "FollowUp.h"
#include "NeedleLength.h"
#include "Performer.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>
#include <tuple>

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
    // What its follow-up answers did to its recovery (filled by the logbook where rules are
    // applied; never stored with it). Derived, not content: equality ignores it.
    ReactionCourse course;
    // Its answers to "how is your skin?", oldest first, where a reader asked for them (history as
    // JSON); stored apart (FollowUpStore), so equality ignores them.
    QList<FollowUp> followUps;
    // The stored row's version when it was read: an edit carries it back, so that a change
    // another program made meanwhile is reported, not overwritten. Bookkeeping, not content:
    // equality ignores it.
    QString updatedAt;

    friend bool operator==(const Session& a, const Session& b) {
        const auto content = [](const Session& s) {
            return std::tie(s.id, s.uuid, s.date, s.time, s.area, s.zones, s.needle, s.performedBy,
                            s.deviceId, s.deviceNeedle, s.pain, s.reaction, s.products, s.notes,
                            s.contraindications, s.overrideReason, s.ruleBroken);
        };
        return content(a) == content(b);
    }
};

// A session's free text (reaction, products, notes, override reason) as it is kept: byte order
// marks at its start, pasted along from some file, are not content, and JSON as Qt writes it
// cannot carry them (a history exported and imported back would differ).
[[nodiscard]] inline QString keptText(QString text) {
    qsizetype marks = 0;
    while (marks < text.size() && text.at(marks) == QChar(0xFEFF))
        ++marks;
    return marks ? text.remove(0, marks) : text;
}

} // namespace dermaplan
