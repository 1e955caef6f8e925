#pragma once

#include "domain/Device.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QLocale>

namespace dermaplan {

// What a device's history says about it today: the one answer the Today page, the Devices page
// and `device list` all show (they used to compute it three ways).
struct DeviceStatus {
    enum class Level { Fine, ReplaceSoon, ReplaceNow, Retired };
    DeviceState state;
    Level level = Level::Fine;
    int useLimit = 0; // uses before it is refused (1 for a pen cartridge)
    QDate replaceBy;  // the first day a session with it is refused by age; invalid: unused
    bool needsCleaning = false; // used since its last recorded cleaning (or never cleaned)
};

[[nodiscard]] DeviceStatus deviceStatus(const DeviceState& state, const RuleBook& rules,
                                        QDate today);

// "replace now: 10 of 10 uses", "replace soon: 8 of 10 uses", "fine", "retired 3 Nov"; with
// "needs cleaning" added (or, for a device otherwise fine, alone) where it applies.
[[nodiscard]] QString deviceStatusText(const DeviceStatus& status, const QLocale& locale);

// The level as a stable id for JSON: "fine", "replace-soon", "replace-now", "retired".
[[nodiscard]] QString deviceLevelId(DeviceStatus::Level level);

} // namespace dermaplan
