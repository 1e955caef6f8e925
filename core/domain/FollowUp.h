#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace dermaplan {

// An answer to "how is your skin?" after a session (domain guide, "Reaction follow-up").
struct FollowUp {
    qint64 id = 0; // store row id; 0 for a draft
    qint64 sessionId = 0;
    QDate date;    // the day it describes
    QString state; // a reaction state id from the rule book: "fine", "redness", ...
    QString notes;

    friend bool operator==(const FollowUp&, const FollowUp&) = default;
};

// What the answers about a session did to its area's recovery: worked out from its follow-ups
// (rules/Reaction.h) and read with the session by the logbook, never stored with it.
struct ReactionCourse {
    // A reaction no answer has ended yet: the area is held from `since` on.
    struct Open {
        QString state; // the latest holding state ("infection")
        QDate since;   // the day it was first reported
        friend bool operator==(const Open&, const Open&) = default;
    };
    std::optional<Open> open;
    // The day a lasting reaction ended: the session's recovery interval counts from it.
    std::optional<QDate> restartedOn;

    friend bool operator==(const ReactionCourse&, const ReactionCourse&) = default;
};

} // namespace dermaplan
