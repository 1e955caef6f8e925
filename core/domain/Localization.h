#pragma once

#include <QCoreApplication>

namespace dermaplan {

// Installs Dermaplan's translations for the system's languages; English (which supplies the
// plural forms, "1 day" / "3 days") when none matches. The translator is owned by `app`.
void installTranslations(QCoreApplication& app);

} // namespace dermaplan
