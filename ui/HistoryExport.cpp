#include "HistoryExport.h"

#include "AppContext.h"
#include "FileToWrite.h"
#include "io/CsvFormat.h"
#include "io/OutputFile.h"

#include <QApplication>
#include <QLocale>

namespace dermaplan::ui {

namespace {
class ExportTr {
    Q_DECLARE_TR_FUNCTIONS(HistoryExport)
};
} // namespace

bool exportHistory(AppContext& context, QWidget* parent, HistoryFormat format, QString path) {
    const bool csv = format == HistoryFormat::Csv;
    path =
        fileToWrite(context, parent, path,
                    csv ? ExportTr::tr("Export history as CSV") : ExportTr::tr("Export history"),
                    QStringLiteral("dermaplan-history-%1.%2")
                        .arg(context.today().toString(Qt::ISODate), csv ? u"csv" : u"json"),
                    csv ? ExportTr::tr("CSV files (*.csv)") : ExportTr::tr("JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    const auto as = csv ? io::SessionStream::Format::Csv : io::SessionStream::Format::ExportJson;
    const io::CsvDialect dialect = io::CsvDialect::forLocale(QLocale());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = io::writeFileWhole(path, [&](const io::ByteSink& sink) {
        return context.logbook().writeSessions({}, as, sink, dialect);
    });
    QApplication::restoreOverrideCursor();
    if (!written) {
        context.reportError(written.error());
        return false;
    }
    announceSaved(context, path);
    return true;
}

} // namespace dermaplan::ui
