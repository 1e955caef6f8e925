#pragma once

#include "domain/Session.h"
#include "rules/Placement.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QList>

#include <optional>
#include <span>

namespace dermaplan {

// The needle that counts for a session's rules: the longer of the session's and its device's
// (a 1.5 mm roller logged as a 0.5 mm session is judged as 1.5 mm).
[[nodiscard]] NeedleLength countingNeedle(const Session& s);

// The day a session's recovery interval counts from: its own day, or the day a lasting reaction
// to it ended (rules/Reaction.h).
[[nodiscard]] QDate clockStart(const Session& s);

// Of `sessions`, the one whose reaction, still open, was reported first: it holds the area from
// that day (rules/Reaction.h); null when none is open.
[[nodiscard]] const Session* firstOpenReaction(std::span<const Session> sessions);

// The order of sessions on one area: by date, then time (none counts as midnight), then id.
[[nodiscard]] bool comesBefore(const Session& a, const Session& b);

// The sessions on `area` (other than the one with id `excludeId`), oldest first, stable on
// (date, time, id) so the result never depends on the order they came in.
[[nodiscard]] QList<Session> sessionsOnArea(const QList<Session>& history, const QString& area,
                                            qint64 excludeId = 0);

// The recovery gap one earlier session demands of a later one on the same area: the larger of
// both needles' rules (domain guide, "How an interval applies").
struct RequiredGap {
    int minimumDays = 0;
    int defaultDays = 0;
    NeedleLength governing; // the needle whose rule sets the minimum
    QStringList sources;
};
[[nodiscard]] RequiredGap requiredGap(const RuleBook& rules, const QString& area,
                                      NeedleLength earlier, NeedleLength later);

// The days after a logged session on which its own needle is not allowed again on its area:
// from the day after it up to (not including) `allowedFrom`.
struct RecoverySpan {
    QString area;
    NeedleLength needle; // the session's counting needle
    QDate sessionDate;
    QDate allowedFrom;
};
[[nodiscard]] RecoverySpan recoverySpan(const Session& session, const RuleBook& rules);

// The longest window any rule can hold an area for: sessions older than this many days before a
// day can no longer affect it.
[[nodiscard]] int longestWindowDays(const RuleBook& rules);

// When one needle may next be used on an area.
struct NeedleReadiness {
    NeedleLength needle;
    QDate earliestAllowedDate;     // minimum interval from every earlier session; invalid: any day
    QDate recommendedDate;         // default interval from every earlier session; invalid: any day
    std::optional<Session> heldBy; // the session that sets earliestAllowedDate
    RequiredGap heldGap;           // and the gap it demands (its rule and sources)
    std::optional<Session> recommendedBy; // the session that sets recommendedDate
    RequiredGap recommendedGap;
    // An earlier session with a reaction still open: no day from the reaction's first report on
    // is allowed until an answer ends it, whatever the dates above say.
    std::optional<Session> heldByReaction;
    // What no day lifts for the readiness's placement: a length for a professional only, a zone's
    // cap (rules/Placement.h). The dates above then say only what the intervals would allow.
    std::optional<Reason> refusal;

    [[nodiscard]] bool heldByReactionOn(QDate day) const {
        return heldByReaction && day >= heldByReaction->course.open->since;
    }
    // Whether the earlier sessions (their intervals and reactions) allow this needle on `day`.
    [[nodiscard]] bool intervalsAllowOn(QDate day) const {
        return !heldByReactionOn(day) &&
               (!earliestAllowedDate.isValid() || day >= earliestAllowedDate);
    }
    // Whether the safety check would let this needle be used on `day`, placed as the readiness
    // is (with no checklist item ticked).
    [[nodiscard]] bool allowedOn(QDate day) const { return !refusal && intervalsAllowOn(day); }
};

// When `needle` may next follow `earlier` (sessions on `area`, oldest first): the latest of
// the dates each of them allows. The one rule the checker and readiness both read; ties go to
// the later session, the one a person remembers.
[[nodiscard]] NeedleReadiness needleReadiness(const QString& area, std::span<const Session> earlier,
                                              const RuleBook& rules, NeedleLength needle);

// "When may I roll this area again?": one answer per standard needle size, from every session
// whose window may still be running (not only the last one), for one placement (by default a
// session at home on the whole area).
struct Readiness {
    QString area;
    Placement placement;
    std::optional<Session> lastSession;
    QList<NeedleReadiness> needles; // one per standard size, shortest first

    // The answer for any length (a non-standard one takes the next longer standard size).
    [[nodiscard]] const NeedleReadiness& forNeedle(const RuleBook& rules,
                                                   NeedleLength needle) const;
    // The longest standard size allowed on `day`, if any.
    [[nodiscard]] std::optional<NeedleLength> allowedUpTo(QDate day) const;
    // The first standard size, of those the placement allows at all, not allowed on `day`, if
    // any (the next step up).
    [[nodiscard]] const NeedleReadiness* firstHeldOn(QDate day) const;
    // The first standard size the placement refuses whatever the day, if any.
    [[nodiscard]] const NeedleReadiness* firstRefused() const;
};

// The one-word answer for a day: Go (allowed and past the recommended interval), Advised
// (allowed, but sooner than recommended, or only with shorter needles), Wait (not allowed).
// With `needle`, for that needle; without, for the area as a whole.
enum class ReadinessLevel { Go, Advised, Wait };
[[nodiscard]] ReadinessLevel readinessLevel(const Readiness& readiness, QDate day,
                                            const RuleBook& rules,
                                            std::optional<NeedleLength> needle = {});

// Readiness of `area` after the sessions in `history` (any areas; others are ignored), for a
// session placed as `placement` says.
[[nodiscard]] Readiness readiness(const QString& area, const QList<Session>& history,
                                  const RuleBook& rules, const Placement& placement = {});

} // namespace dermaplan
