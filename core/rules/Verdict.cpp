#include "Verdict.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class VerdictText {
    Q_DECLARE_TR_FUNCTIONS(SafetyCheck)
};

} // namespace

void Verdict::add(Reason reason) {
    severity = std::max(severity, reason.severity);
    if (reason.earliestAllowedDate &&
        (!earliestAllowedDate || *earliestAllowedDate < *reason.earliestAllowedDate))
        earliestAllowedDate = reason.earliestAllowedDate;
    reasons << std::move(reason);
}

void downgradeForProfessional(Verdict& verdict) {
    Verdict advised;
    for (Reason r : std::as_const(verdict.reasons)) {
        if (r.severity == Severity::Refuse) {
            r.severity = Severity::Advise;
            r.message = VerdictText::tr("Performed by a professional, recorded as advice: %1")
                            .arg(r.message);
        }
        advised.add(r);
    }
    advised.earliestAllowedDate = verdict.earliestAllowedDate;
    verdict = advised;
}

} // namespace dermaplan
