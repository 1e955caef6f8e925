#include "PdfModule.h"
#include "SchedulePrinter.h"

#include <QGuiApplication>

#include <type_traits>

using namespace dermaplan;

// The module's entry points (PdfModule.h names them), declared before they are defined.
extern "C" Q_DECL_EXPORT QCoreApplication* dermaplan_pdf_make_application(int& argc, char** argv);
extern "C" Q_DECL_EXPORT bool dermaplan_pdf_write_schedule(const WeeklySchedule& schedule,
                                                           const RuleBook& rules,
                                                           const print::PrintOptions& options,
                                                           const QString& path, Error& error);

extern "C" Q_DECL_EXPORT QCoreApplication* dermaplan_pdf_make_application(int& argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return new QGuiApplication(argc, argv);
}

extern "C" Q_DECL_EXPORT bool dermaplan_pdf_write_schedule(const WeeklySchedule& schedule,
                                                           const RuleBook& rules,
                                                           const print::PrintOptions& options,
                                                           const QString& path, Error& error) {
    const Status written = print::writeSchedulePdf(schedule, rules, options, path);
    if (!written)
        error = written.error();
    return bool(written);
}

static_assert(
    std::is_same_v<decltype(&dermaplan_pdf_make_application), print::module::MakeApplication>);
static_assert(
    std::is_same_v<decltype(&dermaplan_pdf_write_schedule), print::module::WriteSchedule>);
