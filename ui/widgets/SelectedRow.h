#pragma once

class QAbstractItemView;

namespace dermaplan::ui {

// The row of the first selected item of `view` (a single-selection table), or -1 when none is.
[[nodiscard]] int selectedRow(const QAbstractItemView* view);

} // namespace dermaplan::ui
