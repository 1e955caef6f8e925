#pragma once

#include "rules/RuleBook.h"

#include <QDialog>

namespace dermaplan::ui {

// Help → Safety guide: the rules in plain words with their sources, generated from the rule
// data (the same text as docs/safety-rules.md).
class SafetyGuideDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SafetyGuideDialog(const RuleBook& rules, QWidget* parent = nullptr);
};

} // namespace dermaplan::ui
