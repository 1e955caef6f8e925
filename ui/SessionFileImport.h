#pragma once

#include <QString>

class QWidget;

namespace dermaplan::ui {

class AppContext;

// Imports sessions from a CSV or JSON file (asks for one over `parent` when `path` is empty). The
// file's problems are listed and nothing is stored; the check against the history runs with a
// cancellable progress dialog, outside any transaction, then one short write stores it all or
// nothing. What was imported is announced. False when nothing was.
bool importSessionFile(AppContext& context, QWidget* parent, QString path = QString());

} // namespace dermaplan::ui
