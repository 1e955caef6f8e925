#pragma once

#include "rules/Readiness.h"

#include <QLocale>

#include <optional>

namespace dermaplan {

// Readiness in the words every face shows, so the Today page, `next`, the printed week and the
// reminders never phrase it differently. Never "safe": the minimum is "allowed", the default
// "recommended" (no trial defines safe home intervals).
//   no needle given: "allowed now up to 0.5 mm · up to 1.0 mm from Sun 29 Nov",
//                    "allowed now up to 0.5 mm · from 0.75 mm not on the under-eye zone (at most
//                    0.5 mm) · from 1.5 mm only with a professional",
//                    "resting: up to 0.5 mm from Sun 29 Nov", "allowed now with any needle"
//   a needle given:  "1.0 mm allowed from Sun 29 Nov (recommended from Sun 6 Dec)",
//                    "not allowed: 2.5 mm only with a professional"
[[nodiscard]] QString describeReadiness(const Readiness& readiness, QDate today,
                                        const RuleBook& rules, const QLocale& locale,
                                        std::optional<NeedleLength> needle = {});

// A day as the readiness texts write it ("Sun 29 Nov"; the year only when it is not `today`'s).
[[nodiscard]] QString readinessDate(QDate day, QDate today, const QLocale& locale);

} // namespace dermaplan
