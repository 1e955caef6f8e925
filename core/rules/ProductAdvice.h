#pragma once

#include "domain/Product.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"
#include "rules/SafetyCheck.h"

namespace dermaplan {

// The guide's warning for each product of `session` that the user's list does not mark as meant
// for freshly needled skin (marked "no", or not known), and for each one typed by hand whose
// name says it is an active (RuleBook::activeNamed). Other products not in the list, and those
// marked "yes", get none.
[[nodiscard]] QList<Reason> productAdvice(const Session& session, const QList<Product>& products,
                                          const RuleBook& rules);

// The names of the user's actives (retinoids, acids, vitamin C, benzoyl peroxide), by name.
[[nodiscard]] QStringList activeProductNames(const QList<Product>& products);

} // namespace dermaplan
