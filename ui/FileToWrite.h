#pragma once

#include <QString>

class QWidget;

namespace dermaplan::ui {

class AppContext;

// The file a save or export writes: `path`, or the one the user picks over `parent` (the dialog
// titled `title`, `suggested` first, `filter`) when it is empty. Empty when cancelled, or when
// the file may not be written (the database or its backups; reported through `context`).
[[nodiscard]] QString fileToWrite(AppContext& context, QWidget* parent, QString path,
                                  const QString& title, const QString& suggested,
                                  const QString& filter);

// "Saved FILE" in the status bar.
void announceSaved(AppContext& context, const QString& path);

} // namespace dermaplan::ui
