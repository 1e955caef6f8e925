#pragma once

#include "Result.h"
#include "domain/Device.h"

#include <QDate>

namespace dermaplan {

class RuleBook;

// A device as input, wherever it comes from (the app's dialog, `device add`, a JSON export): a
// name, a kind of roller, stamp or pen, a needle in the rule book's range, and a first use not
// after `today` (not checked when `today` is invalid). Each error names its field: "name",
// "kind", "needle", "first_use".
[[nodiscard]] Status validateDevice(const Device& device, const RuleBook& rules, QDate today);

} // namespace dermaplan
