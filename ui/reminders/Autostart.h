#pragma once

#include "Result.h"

#include <QString>

namespace dermaplan::ui {

// Start at login, the XDG way: a desktop entry in $XDG_CONFIG_HOME/autostart that starts the app
// minimized, so its reminders come without opening it.
namespace autostart {

// Where the entry lives.
[[nodiscard]] QString entryPath();
// Writes the entry (starting `program`, with `--minimized`) or removes it; all or nothing.
[[nodiscard]] Status set(bool on, const QString& program);
[[nodiscard]] bool isSet();

} // namespace autostart

} // namespace dermaplan::ui
