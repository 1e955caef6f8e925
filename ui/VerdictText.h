#pragma once

#include "rules/SafetyCheck.h"

#include <QString>

namespace dermaplan::ui {

// A verdict as rich text for a label: a headline in words (not colour alone), then each reason
// with its sources' titles.
[[nodiscard]] QString verdictHtml(const Result<Verdict>& verdict, const RuleBook& rules);
// The reasons as plain lines, each with its sources' names.
[[nodiscard]] QString verdictText(const Verdict& verdict, const RuleBook& rules);

} // namespace dermaplan::ui
