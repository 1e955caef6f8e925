#pragma once

#include "Result.h"
#include "planning/PosterHtml.h"

class QCoreApplication;

// PDF output through the dermaplan-pdf module (ui/print/PdfModule.h), loaded on first use from
// the folder beside the executable and kept loaded: the application it creates lives until exit.
namespace dermaplan::cli::pdf {

// The QGuiApplication the module makes for `--format pdf`, or why the module cannot be loaded.
[[nodiscard]] Result<QCoreApplication*> makeApplication(int& argc, char** argv);

[[nodiscard]] Status writeSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const print::PrintOptions& options, const QString& path);

} // namespace dermaplan::cli::pdf
