#include "PdfOutput.h"

#include "PdfModule.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

namespace dermaplan::cli::pdf {

namespace {

// Resolves `symbol` in the module, loading it the first time.
Result<QFunctionPointer> resolve(const char* symbol) {
    static QLibrary* library = nullptr;
    if (!library) {
        // The executable's own path: this runs before QCoreApplication exists.
        const QString exe = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
        if (exe.isEmpty())
            return Error::plain(QStringLiteral("PDF output cannot find the PDF module: the "
                                               "program's own path (/proc/self/exe) cannot be "
                                               "read"));
        const QString path = QDir::cleanPath(
            QFileInfo(exe).absolutePath() + u'/' + QStringLiteral(DERMAPLAN_PDF_MODULE_DIR) + u'/' +
            QLatin1StringView(print::module::kFileName) + QStringLiteral(".so"));
        auto* candidate = new QLibrary(path);
        if (!candidate->load()) {
            const QString why = candidate->errorString();
            delete candidate;
            return Error::inFile(path,
                                 QStringLiteral("PDF output needs this module and it cannot be "
                                                "loaded: reinstall Dermaplan (%1)")
                                     .arg(why));
        }
        library = candidate; // never unloaded: see PdfOutput.h
    }
    if (const QFunctionPointer f = library->resolve(symbol))
        return f;
    return Error::inFile(library->fileName(),
                         QStringLiteral("the PDF module lacks %1: reinstall Dermaplan")
                             .arg(QLatin1StringView(symbol)));
}

} // namespace

Result<QCoreApplication*> makeApplication(int& argc, char** argv) {
    const auto f = resolve(print::module::kMakeApplication);
    if (!f)
        return f.error();
    return reinterpret_cast<print::module::MakeApplication>(*f)(argc, argv);
}

Status writeSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                     const print::PrintOptions& options, const QString& path) {
    const auto f = resolve(print::module::kWriteSchedule);
    if (!f)
        return f.error();
    Error error;
    if (!reinterpret_cast<print::module::WriteSchedule>(*f)(schedule, rules, options, path, error))
        return error;
    return success();
}

} // namespace dermaplan::cli::pdf
