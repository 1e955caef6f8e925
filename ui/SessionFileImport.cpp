#include "SessionFileImport.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "logbook/Import.h"
#include "widgets/Messages.h"

#include <QApplication>
#include <QFileDialog>
#include <QProgressDialog>

namespace dermaplan::ui {

namespace {
class ImportTr {
    Q_DECLARE_TR_FUNCTIONS(SessionFileImport)
};
} // namespace

bool importSessionFile(AppContext& context, QWidget* parent, QString path) {
    if (path.isEmpty())
        path = QFileDialog::getOpenFileName(
            parent, ImportTr::tr("Import sessions"), QString(),
            ImportTr::tr("Sessions (*.csv *.json);;CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    ImportSource source = readImportFile(path, QString(), context.rules(), context.today());
    if (!source.read.errors.isEmpty()) {
        QStringList lines;
        for (const Error& e : source.read.errors)
            lines << e.toString();
        if (source.read.truncatedErrors)
            lines << ImportTr::tr("…and more.");
        showMessage(parent, MessageLevel::Warning, ImportTr::tr("Nothing was imported"),
                    ImportTr::tr("The file has problems; fix them and import it again.\n\n%1")
                        .arg(lines.join(u'\n')));
        return false;
    }
    // The long part — checking every row against the history — runs outside any transaction, so
    // the command-line tool is never locked out meanwhile.
    QProgressDialog progress(ImportTr::tr("Checking the sessions to import…"),
                             ImportTr::tr("Cancel"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const auto plan =
        context.logbook().planImport(std::move(source), [&progress](qsizetype n, qsizetype all) {
            progress.setMaximum(int(all));
            progress.setValue(int(n));
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
    progress.reset();
    if (!plan) {
        showMessage(parent, MessageLevel::Information, ImportTr::tr("Import"),
                    plan.error().toString());
        return false;
    }
    // One command: Ctrl+Z takes back everything the import added.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool stored = Edits(context).importFile(*plan, path);
    QApplication::restoreOverrideCursor();
    if (!stored)
        return false; // reported by the command
    QString said = ImportTr::tr("%1 imported, %2 already present, %3 flagged by a safety rule")
                       .arg(plan->fresh)
                       .arg(plan->alreadyPresent)
                       .arg(plan->flaggedCount);
    if (const qsizetype others = plan->newRecords(); others > 0)
        said += ImportTr::tr("; %n other record(s) added (devices, plans, cleanings, pauses, "
                             "products)",
                             nullptr, int(others));
    context.announce(said);
    return true;
}

} // namespace dermaplan::ui
