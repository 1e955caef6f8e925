#pragma once

// The contract between dermaplan-cli and its PDF module (dermaplan-pdf), the one part of the
// command line that needs Qt GUI: loaded only for `--format pdf`, it keeps the graphics
// libraries out of every other command's start-up. Both sides are built together, so C++
// types cross the boundary; the names are C so that QLibrary can resolve them.
#include "Result.h"
#include "planning/PosterHtml.h"

class QCoreApplication;

namespace dermaplan::print::module {

inline constexpr char kFileName[] = "dermaplan-pdf";
inline constexpr char kMakeApplication[] = "dermaplan_pdf_make_application";
inline constexpr char kWriteSchedule[] = "dermaplan_pdf_write_schedule";

// A QGuiApplication on the offscreen platform unless one is set: text layout needs Qt's font
// machinery, never a display.
using MakeApplication = QCoreApplication* (*)(int& argc, char** argv);
// writeSchedulePdf (SchedulePrinter.h) at the locale's paper size; false with `error` set.
using WriteSchedule = bool (*)(const WeeklySchedule& schedule, const RuleBook& rules,
                               const PrintOptions& options, const QString& path, Error& error);

} // namespace dermaplan::print::module
