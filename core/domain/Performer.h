#pragma once

#include "Result.h"

#include <QString>

namespace dermaplan {

// Who performed a session. Rules marked "professional only" apply to Self; sessions by a
// Professional are never refused (the clinician decides), only advised.
enum class Performer { Self, Professional };

[[nodiscard]] QString performerId(Performer p); // "self" / "professional"
[[nodiscard]] Result<Performer> parsePerformer(const QString& id,
                                               const QString& field = QStringLiteral("by"));

} // namespace dermaplan
