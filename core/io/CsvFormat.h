#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace dermaplan::io {

// Sessions as CSV (RFC 4180): a header row, CRLF line ends, UTF-8, one row per session; the
// columns are csvColumns() (docs/cli.md says what each holds).
[[nodiscard]] QByteArray exportCsv(const QList<Session>& sessions);
[[nodiscard]] const QStringList& csvColumns();
// The same a row at a time, for writers that stream (Logbook::writeCsv).
[[nodiscard]] QByteArray csvHeader();
void appendCsvRow(QByteArray& out, const Session& s);

// Reads and validates every row, reporting each problem (up to maxErrors) with file, line and
// field. The file is read a chunk at a time: memory holds the sessions read, not the file.
// Never throws, never crashes, on any input.
// With a sink, valid sessions go to it instead of the result's list (SessionSink).
[[nodiscard]] ImportResult parseCsv(QIODevice& device, const QString& fileName,
                                    const RuleBook& rules, QDate today, int maxErrors = 20,
                                    const SessionSink& sink = {});
[[nodiscard]] ImportResult parseCsv(const QByteArray& data, const QString& fileName,
                                    const RuleBook& rules, QDate today, int maxErrors = 20,
                                    const SessionSink& sink = {});

} // namespace dermaplan::io
