#pragma once

#include <QString>

namespace dermaplan {

// "no space left on device", "permission denied": strerror's words for `error` (an errno), as a
// sentence's part. Every layer that touches files names a failure this way.
[[nodiscard]] QString systemErrorText(int error);

} // namespace dermaplan
