#pragma once

#include <QString>

class QWidget;

namespace dermaplan::ui {

// Asks before an action that takes something out of use ("Retire", "Remove"): the button says
// the action, Cancel is the default (Enter never removes by accident).
[[nodiscard]] bool confirm(QWidget* parent, const QString& title, const QString& text,
                           const QString& action);

} // namespace dermaplan::ui
