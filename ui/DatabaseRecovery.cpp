#include "DatabaseRecovery.h"

#include "widgets/Messages.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>

namespace dermaplan::ui {

namespace {
class RecoveryTr {
    Q_DECLARE_TR_FUNCTIONS(DatabaseRecovery)
};
} // namespace

std::unique_ptr<LogbookFile> openWithRecovery(QString path, QDate today, QWidget* parent) {
    for (;;) {
        auto opened = LogbookFile::open(path, today);
        if (opened)
            return std::move(opened).value();

        const QStringList backups = LogbookFile::backupsOf(path);
        QStringList actions{RecoveryTr::tr("Restore a Backup…"),
                            RecoveryTr::tr("Use Another File…")};
        if (!backups.isEmpty())
            actions.prepend(RecoveryTr::tr("Restore the Newest Backup"));
        const int chosen = chooseAction(parent, MessageLevel::Critical,
                                        RecoveryTr::tr("Cannot open your Dermaplan database"),
                                        RecoveryTr::tr("Dermaplan did not change this file.\n\n%1")
                                            .arg(opened.error().toString()),
                                        actions, backups.isEmpty() ? 1 : 0);
        const int newest = backups.isEmpty() ? -1 : 0;
        const int another = newest + 2; // after "Restore a Backup…"
        if (chosen < 0)
            return nullptr;
        if (chosen == another) {
            const QString file = QFileDialog::getSaveFileName(
                parent, RecoveryTr::tr("Open or create a database"), QFileInfo(path).absolutePath(),
                RecoveryTr::tr("Dermaplan databases (*.sqlite)"), nullptr,
                QFileDialog::DontConfirmOverwrite);
            if (!file.isEmpty())
                path = file;
            continue;
        }
        const QString backup =
            chosen == newest
                ? backups.constFirst()
                : QFileDialog::getOpenFileName(parent, RecoveryTr::tr("Restore a backup"),
                                               LogbookFile::backupsFolderOf(path),
                                               RecoveryTr::tr("Dermaplan databases (*.sqlite)"));
        if (backup.isEmpty())
            continue;
        // The refused file itself is kept: restore saves it as a before-restore backup first.
        if (const auto done = LogbookFile::restore(path, backup, today); !done)
            showMessage(parent, MessageLevel::Warning, RecoveryTr::tr("Restore failed"),
                        done.error().toString());
    }
}

} // namespace dermaplan::ui
