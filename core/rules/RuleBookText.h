#pragma once

#include "rules/RuleBook.h"

#include <QJsonObject>
#include <QString>

namespace dermaplan {

// The rule book in plain words (Markdown), for `dermaplan-cli rules`, docs/safety-rules.md and
// the app's safety guide: one text, generated from the same data the checks use. The document
// says how it was generated; the app's guide speaks to a person and does not.
enum class RulesReader { Document, Person };
[[nodiscard]] QString rulesMarkdown(const RuleBook& rules,
                                    RulesReader reader = RulesReader::Document);

// The rule book as JSON, for `dermaplan-cli rules --format json`.
[[nodiscard]] QJsonObject rulesJson(const RuleBook& rules);

} // namespace dermaplan
