#pragma once

#include "logbook/LogbookFile.h"

#include <QDate>
#include <QString>

#include <memory>

class QWidget;

namespace dermaplan::ui {

// Opens the database; when that fails (damaged, not a database, newer, locked...) explains why in
// a dialog and offers the next step: restore the newest backup, restore another one, choose
// another file, or quit. Never writes to the refused file. Returns null when the user quits.
std::unique_ptr<LogbookFile> openWithRecovery(QString path, QDate today, QWidget* parent = nullptr);

} // namespace dermaplan::ui
