#pragma once

#include <QString>

class QWidget;

namespace dermaplan::ui {

class AppContext;

enum class HistoryFormat { Csv, Json };

// Exports the whole history with the command-line tool's writer (Logbook::writeSessions): CSV in
// the dialect of the user's locale (';' and decimal commas where decimals take a comma, as a
// German or Spanish spreadsheet reads them), or JSON with regimens and devices. Asks for a file
// over `parent` when `path` is empty; written whole or not at all, owner-only. A failure is
// reported through the context, a saved file announced. False on failure or cancel.
bool exportHistory(AppContext& context, QWidget* parent, HistoryFormat format,
                   QString path = QString());

} // namespace dermaplan::ui
