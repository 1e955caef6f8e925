#pragma once

#include "rules/RuleBook.h"

#include <QDate>
#include <QLocale>
#include <QTime>

#include <optional>

namespace dermaplan {

// One aftercare instruction that follows (or, for "before" rules, precedes) one session.
struct AftercareNote {
    QString ruleId;
    QString text;
    QString brief; // the rule's few words: "no makeup"
    AftercareRule::When when = AftercareRule::When::After;
    QString area;
    QDate sessionDate;
    bool planned = false; // from a planned occurrence rather than a logged session
    QDate firstDay;       // the days the note applies to, inclusive
    QDate lastDay;
    QDate untilDate;                // After rules: when the restriction ends
    std::optional<QTime> untilTime; // known when the session's time is known
    QStringList sources;
    bool aboutActives = false; // the rule's: names the user's actives (nameActives)
};

// Adds the user's own actives to the notes about actives: "No retinoids, … (yours: Tretinoin
// cream, Glycolic toner)". Nothing changes when `activeNames` is empty.
void nameActives(QList<AftercareNote>& notes, const QStringList& activeNames);

// The aftercare notes for a session at `date` (and `time`, if known) with `needle` on `area`.
// Durations are added on the wall clock (48 h after Sat 18:00 is Mon 18:00, even across a change
// to or from summer time): counting in local calendar days is what a person reads on a calendar.
// Without a time, a note runs to the end of the day the duration reaches.
[[nodiscard]] QList<AftercareNote> aftercareNotes(QDate date, std::optional<QTime> time,
                                                  const QString& area, NeedleLength needle,
                                                  bool planned, const RuleBook& rules);

// When the note ends, said the one way the printed week, the calendar export and the app say
// it: "until Thu 26 Nov, 20:00", "through Sun 29 Nov", "before the session on Fri 27 Nov" (the
// year only when it is not `today`'s).
[[nodiscard]] QString describeNoteEnd(const AftercareNote& note, QDate today,
                                      const QLocale& locale);

// The locale's short time without seconds ("20:00"; the C locale's short format has seconds).
[[nodiscard]] QString shortTime(QTime time, const QLocale& locale);

// The longest-running aftercare rule lasts this many days; sessions further back add nothing.
[[nodiscard]] int longestAftercareDays(const RuleBook& rules);

} // namespace dermaplan
