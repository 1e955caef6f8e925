#pragma once

#include "rules/RuleBook.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermaplan {

// One reason behind a verdict: which rule, in plain words, with its sources.
struct Reason {
    Severity severity = Severity::Advise;
    QString rule;    // "interval", "interval-default", "zone-cap", "home-use", "contraindication",
                     // "device-wear", "device-retired", "device-needle", "device-single-use",
                     // "device-cleaning", "reaction", "product-broken-skin"
    QString message; // plain words, ready to show
    QStringList sources;
    std::optional<QDate> earliestAllowedDate; // for interval reasons
};

struct Verdict {
    Severity severity = Severity::Ok; // the worst reason
    QList<Reason> reasons;
    std::optional<QDate> earliestAllowedDate; // the latest of the reasons' dates
    bool overridden = false;                  // refused, but the user gave an override reason
    // An edit of a stored session that changes nothing the rules judge (only its pain, notes,
    // products...): what they say was said when it was logged, and does not block the edit.
    bool unchangedByEdit = false;

    // A refusal blocks saving unless it was overridden with a reason, or an edit leaves what it
    // refuses as it was.
    [[nodiscard]] bool blocksSaving() const {
        return severity == Severity::Refuse && !overridden && !unchangedByEdit;
    }
    void add(Reason reason);
};

// Sessions by a professional are recorded, never refused: the clinician decides. Each refusal of
// `verdict` becomes advice that says so.
void downgradeForProfessional(Verdict& verdict);

} // namespace dermaplan
