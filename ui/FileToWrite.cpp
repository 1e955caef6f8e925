#include "FileToWrite.h"

#include "AppContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

namespace dermaplan::ui {

namespace {
class FileTr {
    Q_DECLARE_TR_FUNCTIONS(FileToWrite)
};
} // namespace

QString fileToWrite(AppContext& context, QWidget* parent, QString path, const QString& title,
                    const QString& suggested, const QString& filter) {
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(parent, title, suggested, filter);
    if (path.isEmpty())
        return {};
    if (const auto allowed = context.mayExportTo(path); !allowed) {
        context.reportError(allowed.error());
        return {};
    }
    return path;
}

void announceSaved(AppContext& context, const QString& path) {
    context.announce(FileTr::tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace dermaplan::ui
