#pragma once

#include <QIcon>

namespace dermaplan::ui {

// The app's icon (resources/desktop/…Dermaplan.svg) drawn with QPainter: the window and the
// tray need it as pixels, and Qt's SVG image plugin is not among the app's dependencies for one
// picture of seven rectangles.
[[nodiscard]] QIcon appIcon();

} // namespace dermaplan::ui
