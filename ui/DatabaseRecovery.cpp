#include "DatabaseRecovery.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace dermaplan::ui {

namespace {
class RecoveryTr {
    Q_DECLARE_TR_FUNCTIONS(DatabaseRecovery)
};
} // namespace

std::unique_ptr<Database> openWithRecovery(QString path, QDate today, QWidget* parent) {
    for (;;) {
        auto opened = Database::open(path, today);
        if (opened)
            return std::move(opened).value();

        QMessageBox box(QMessageBox::Critical,
                        RecoveryTr::tr("Cannot open your Dermaplan database"),
                        RecoveryTr::tr("Dermaplan did not change this file.\n\n%1")
                            .arg(opened.error().toString()),
                        QMessageBox::NoButton, parent);
        const QStringList backups = Database::backupsFor(path);
        QPushButton* newest = nullptr;
        if (!backups.isEmpty())
            newest =
                box.addButton(RecoveryTr::tr("Restore the Newest Backup"), QMessageBox::AcceptRole);
        QPushButton* other =
            box.addButton(RecoveryTr::tr("Restore a Backup…"), QMessageBox::ActionRole);
        QPushButton* choose =
            box.addButton(RecoveryTr::tr("Use Another File…"), QMessageBox::ActionRole);
        QPushButton* quit = box.addButton(QMessageBox::Close);
        box.setDefaultButton(newest ? newest : choose);
        box.exec();

        if (box.clickedButton() == quit || !box.clickedButton())
            return nullptr;
        if (box.clickedButton() == choose) {
            const QString file = QFileDialog::getSaveFileName(
                parent, RecoveryTr::tr("Open or create a database"), QFileInfo(path).absolutePath(),
                RecoveryTr::tr("Dermaplan databases (*.sqlite)"), nullptr,
                QFileDialog::DontConfirmOverwrite);
            if (!file.isEmpty())
                path = file;
            continue;
        }
        QString backup = newest && box.clickedButton() == newest ? backups.constFirst() : QString();
        if (box.clickedButton() == other)
            backup = QFileDialog::getOpenFileName(parent, RecoveryTr::tr("Restore a backup"),
                                                  Database::backupDirFor(path),
                                                  RecoveryTr::tr("Dermaplan databases (*.sqlite)"));
        if (backup.isEmpty())
            continue;
        // The refused file itself is kept: restore saves it as a before-restore backup first.
        if (const auto done = Database::restore(path, backup, today); !done)
            QMessageBox::warning(parent, RecoveryTr::tr("Restore failed"), done.error().toString());
    }
}

} // namespace dermaplan::ui
