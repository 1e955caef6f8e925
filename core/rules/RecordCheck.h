#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/Pause.h"
#include "domain/Product.h"

#include <QDate>

namespace dermaplan {

class RuleBook;

// The records a user keeps beside the sessions, checked as input wherever they come from (the
// app's dialogs, the command line, a JSON export). Each error names its field.

// A device: a name, a kind of roller, stamp or pen, a needle in the rule book's range, and a
// first use not after `today` (not checked when `today` is invalid). Fields: "name", "kind",
// "needle", "first_use".
[[nodiscard]] Status validateDevice(const Device& device, const RuleBook& rules, QDate today);

// A pause: a first and a last day, in that order, on an area the rule book knows or on every
// area. Fields: "from", "to", "area".
[[nodiscard]] Status validatePause(const Pause& pause, const RuleBook& rules);

// A product: a name without the separators of a session's products text, and one of
// productKinds(). Fields: "name", "kind".
[[nodiscard]] Status validateProduct(const Product& product);

} // namespace dermaplan
