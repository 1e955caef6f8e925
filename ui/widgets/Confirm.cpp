#include "Confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace dermaplan::ui {

bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& action) {
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton* yes = box.addButton(action, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == yes;
}

} // namespace dermaplan::ui
