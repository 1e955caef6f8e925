#pragma once

#include "Result.h"
#include "domain/NeedleLength.h"
#include "domain/Performer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermaplan {

struct Source {
    QString id;   // "S-HOME"
    QString name; // what people read: "Faghihi et al. 2021"
    QString title;
    QString url;
    QString
        grade; // A trial/review, B professional body/clinic, C consumer/vendor, D our own choice
    // What it speaks of, where it says: a scalp trial says nothing of the face, conventions for
    // home rollers nothing of needles over 0.5 mm. A rule may cite it only within that.
    QStringList areas;                // none: any area
    std::optional<NeedleLength> upTo; // none: any needle

    [[nodiscard]] bool speaksOf(const QString& area) const {
        return areas.isEmpty() || areas.contains(area);
    }
    [[nodiscard]] bool speaksOf(NeedleLength needle) const { return !upTo || needle <= *upTo; }
};

// A line of advice shown to people, with the sources it rests on.
struct Advice {
    QString text;
    QStringList sources;
};

// A kind of active the aftercare pauses (retinoids, AHA/BHA acids, vitamin C, benzoyl
// peroxide), with the names and common brands a product typed by hand is recognised by.
struct ActiveKind {
    QString kind;      // a product kind (domain/Product.h): "retinoid"
    QString label;     // "a retinoid"
    QStringList words; // "tretinoin", "retin-a", "differin": whole words, any case
    QStringList sources;
};

struct Zone {
    QString id;
    QString name;
};

struct Area {
    QString id;
    QString name;
    QList<Zone> zones;
    QList<Advice> tips; // shown where the area is chosen (e.g. never the eyelids)
    [[nodiscard]] const Zone* zone(const QString& zoneId) const;
};

// How far home use of a needle size on an area is supported.
enum class HomeUse { Yes, Caution, AdviseProfessional, ProfessionalOnly };
[[nodiscard]] QString homeUseId(HomeUse h);

// Recovery interval for one standard needle size on one area.
struct IntervalRule {
    NeedleLength needle; // the standard size
    QString area;
    int defaultDays = 0; // what the planner uses
    int minimumDays = 0; // the floor: closer is refused
    HomeUse homeUse = HomeUse::Yes;
    QStringList sources;
    // `sources` and Dermaplan's own choice (taking the larger of two rules), made once at load:
    // what a gap between two sessions cites, asked for many times per check.
    QStringList gapSources;
};

// Needle caps for a zone: up to `allowUpTo` fine, up to `adviseUpTo` advised, beyond refused.
struct ZoneCap {
    QString area;
    QString zone;
    NeedleLength allowUpTo;
    NeedleLength adviseUpTo;
    QString reason;
    QStringList sources;
};

enum class Severity { Ok = 0, Advise = 1, Refuse = 2 };
[[nodiscard]] QString severityId(Severity s); // "ok" / "advise" / "refuse"

struct Contraindication {
    QString id;
    QString label;  // the checklist line
    QString advice; // what to do about it
    Severity effect = Severity::Advise;
    std::optional<NeedleLength> refuseAbove; // refuse longer needles even when only advised
    QStringList sources;
};

struct DeviceWear {
    int adviseFromUse = 0;   // advise replacing from this use on (1-based)
    int refuseAfterUses = 0; // refuse once this many uses are logged
    int refuseAfterDays = 0; // refuse once this many days have passed since first use
    QStringList sources;
};

// A duration that depends on the needle: the first step whose upTo >= the needle applies.
struct NeedleStep {
    NeedleLength upTo;
    int hours = 0;
};

struct AftercareRule {
    enum class When { After, Before };
    QString id;
    QString text;  // "No makeup", "SPF 30+ daily"
    QString brief; // on the days after the first, in one line with the others: "no makeup"
    When when = When::After;
    QList<NeedleStep> steps; // ordered by upTo
    QStringList areas;       // the areas it concerns; empty = every area
    QStringList sources;
    // About retinoids, acids, vitamin C, benzoyl peroxide: the schedule names the user's own.
    bool aboutActives = false;
    [[nodiscard]] int hoursFor(NeedleLength standardSize) const;
};

// What an answer to a follow-up does to its session's area (domain guide, "Reaction follow-up").
enum class ReactionEffect {
    None,             // recorded and counted, no rule changes (fine at a check, bleeding)
    RestartIfLasting, // still there at the lasting mark: holds the area until an answer ends it,
                      // and the area's recovery interval counts again from that day
    Hold,             // holds the area (refused) until an answer ends it
    Ends,             // ends an open reaction (resolved, cleared by a doctor)
    EndsLasting,      // ends a lasting redness or swelling, never a hold (fine): only an answer
                      // that it resolved, or a doctor's clearance, ends infection or darkening
};
// The rule data's word for an effect: "none", "restart-if-lasting", "hold", "ends",
// "ends-lasting".
[[nodiscard]] QString reactionEffectId(ReactionEffect effect);

// One answer to "how is your skin?".
struct ReactionState {
    QString id;    // "redness"
    QString label; // "Redness"
    QString hint;  // what it looks like ("heat, pus, spreading redness or fever"); may be empty
    ReactionEffect effect = ReactionEffect::None;
    bool atChecks = true;  // offered at the 24 h and 72 h checks
    bool whileOpen = true; // offered while a reaction is open ("resolved" only then)
    QString advice;        // what to do, shown with the answer; may be empty
    QStringList sources;
};

// When the app asks how the skin is after a session.
struct FollowUpCheck {
    QString id; // "day-1"
    int afterHours = 0;
    // Calendar days, as the intervals count: a check 24 h after a session is due the next day.
    [[nodiscard]] int afterDays() const { return (afterHours + 23) / 24; }
};

struct FollowUpRules {
    QString text;                // the rule in plain words, for the docs and the "why"
    QList<FollowUpCheck> checks; // earliest first
    int askForDays = 0;          // a check goes on being asked this many days after the session
    int lastingAfterHours = 0;   // a reaction still there this long after the session lasts
    int seeDoctorAfterDays = 0;  // a lasting reaction open this long: see a doctor
    QList<ReactionState> states;
    QStringList sources;
    [[nodiscard]] const ReactionState* state(const QString& id) const;
    [[nodiscard]] int lastingAfterDays() const { return (lastingAfterHours + 23) / 24; }
};

struct RegimenTemplate {
    QString id;
    QString name;
    QString area;
    NeedleLength needle;
    int everyDays = 0;
    std::optional<int> weeks; // none = ongoing
    Performer performedBy = Performer::Self;
    QString goal;
    QStringList sources;
};

// The safety data: loaded from resources/rules.json and validated, one source of truth for the
// checks, the planner, the UI text and the docs.
class RuleBook {
public:
    static constexpr auto builtinPath = ":/dermaplan/rules.json";

    // Loads and validates; the error names the file, line (for syntax errors) and JSON path.
    static Result<RuleBook> load(const QString& path);
    static Result<RuleBook> loadBuiltin();
    static Result<RuleBook> fromJson(const QByteArray& json, const QString& fileName);

    // Validates a length entered by a user against the allowed range.
    [[nodiscard]] Result<NeedleLength>
    needle(NeedleLength length, const QString& field = QStringLiteral("needle")) const;
    // The standard size whose rules apply: the length itself or the next longer standard size
    // (the longest, past the end).
    [[nodiscard]] NeedleLength standardSize(NeedleLength length) const;
    [[nodiscard]] const QList<NeedleLength>& standardSizes() const { return m_standardSizes; }
    [[nodiscard]] NeedleLength minimumNeedle() const { return m_minNeedle; }
    [[nodiscard]] NeedleLength maximumNeedle() const { return m_maxNeedle; }

    [[nodiscard]] const QList<Area>& areas() const { return m_areas; }
    [[nodiscard]] const Area* area(const QString& id) const;
    // An area's name as people read it ("Face"); its id for one these rules do not know (a
    // session stored under other rules). Every face names an area this way.
    [[nodiscard]] QString areaName(const QString& id) const;
    // The same inside a sentence ("the face is paused").
    [[nodiscard]] QString areaInText(const QString& id) const;
    // Validates an area id and its zone ids, naming the bad one.
    [[nodiscard]] Status validatePlace(const QString& area, const QStringList& zones) const;

    [[nodiscard]] const IntervalRule& interval(const QString& area, NeedleLength length) const;
    [[nodiscard]] const QList<IntervalRule>& intervals() const { return m_intervals; }
    [[nodiscard]] const QList<ZoneCap>& zoneCaps() const { return m_zoneCaps; }
    [[nodiscard]] const ZoneCap* zoneCap(const QString& area, const QString& zone) const;
    [[nodiscard]] const QList<Contraindication>& contraindications() const { return m_contra; }
    [[nodiscard]] const Contraindication* contraindication(const QString& id) const;
    [[nodiscard]] const DeviceWear& deviceWear() const { return m_deviceWear; }
    [[nodiscard]] const QList<AftercareRule>& aftercare() const { return m_aftercare; }
    [[nodiscard]] const FollowUpRules& followUp() const { return m_followUp; }
    [[nodiscard]] const QList<RegimenTemplate>& templates() const { return m_templates; }
    [[nodiscard]] const RegimenTemplate* regimenTemplate(const QString& id) const;
    [[nodiscard]] const QList<Source>& sources() const { return m_sources; }
    [[nodiscard]] const Source* source(const QString& id) const;
    // The sources' names for people ("Harris et al. 2015; Lotfi et al. 2013"), never their ids.
    [[nodiscard]] QString sourceNames(const QStringList& ids) const;
    [[nodiscard]] const QStringList& cleaningSteps() const { return m_cleaningSteps; }
    // Lines every schedule carries (products for broken skin, redness), with their sources.
    [[nodiscard]] const QList<Advice>& generalAdvice() const { return m_generalAdvice; }
    [[nodiscard]] const QList<ActiveKind>& actives() const { return m_actives; }
    // The active a product's name says it is ("Vitamin C serum", "Tretinoin 0.05 %"), if any.
    [[nodiscard]] const ActiveKind* activeNamed(const QString& productName) const;
    [[nodiscard]] const QString& disclaimer() const { return m_disclaimer; }
    [[nodiscard]] const QStringList& cleaningSources() const { return m_cleaningSources; }

private:
    friend class RuleBookParser;
    RuleBook() = default;

    NeedleLength m_minNeedle;
    NeedleLength m_maxNeedle;
    QList<NeedleLength> m_standardSizes;
    QList<Area> m_areas;
    QList<IntervalRule> m_intervals;
    QList<ZoneCap> m_zoneCaps;
    QList<Contraindication> m_contra;
    DeviceWear m_deviceWear;
    QList<AftercareRule> m_aftercare;
    FollowUpRules m_followUp;
    QList<RegimenTemplate> m_templates;
    QList<Source> m_sources;
    QStringList m_cleaningSteps;
    QStringList m_cleaningSources;
    QList<Advice> m_generalAdvice;
    QList<ActiveKind> m_actives;
    QString m_disclaimer;
};

} // namespace dermaplan
