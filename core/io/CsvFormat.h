#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

class QIODevice;
class QLocale;

namespace dermaplan::io {

// How a CSV file separates its fields and writes a decimal: RFC 4180's comma and point, or as
// spreadsheets where the comma is the decimal separator save it (German, Spanish: ';' and
// "0,5"), or tabs.
struct CsvDialect {
    char delimiter = ',';
    bool decimalComma = false;

    // ';' with a decimal comma where `locale` writes decimals with a comma, else RFC 4180's.
    [[nodiscard]] static CsvDialect forLocale(const QLocale& locale);
    // From an option's value: ",", ";" (with a decimal comma) or "tab".
    [[nodiscard]] static Result<CsvDialect> fromName(const QString& name);
    friend bool operator==(const CsvDialect&, const CsvDialect&) = default;
};

// Sessions as CSV (RFC 4180 unless `dialect` says otherwise): a header row, CRLF line ends,
// UTF-8, one row per session; the columns are csvColumns() (docs/cli.md says what each holds).
[[nodiscard]] QByteArray exportCsv(const QList<Session>& sessions, const CsvDialect& dialect = {});
[[nodiscard]] const QStringList& csvColumns();
// The same a row at a time, for writers that stream (Logbook::writeCsv).
[[nodiscard]] QByteArray csvHeader(const CsvDialect& dialect = {});
void appendCsvRow(QByteArray& out, const Session& s, const CsvDialect& dialect = {});

// The delimiter of a file whose first line is `firstLine`: the one of ',', ';' and tab that
// splits it into a header with a date and an area column; ',' when none does.
[[nodiscard]] char detectCsvDelimiter(QByteArrayView firstLine);

// Reads and validates every row, reporting each problem (up to maxErrors) with file, line and
// field. The file is read a chunk at a time: memory holds the sessions read, not the file.
// Never throws, never crashes, on any input.
// With a sink, valid sessions go to it instead of the result's list (SessionSink). Without a
// `delimiter`, it is detected from the header (detectCsvDelimiter); a needle length written with
// a decimal comma ("0,5") is read in any dialect.
[[nodiscard]] ImportResult parseCsv(QIODevice& device, const QString& fileName,
                                    const RuleBook& rules, QDate today, int maxErrors = 20,
                                    const SessionSink& sink = {},
                                    std::optional<char> delimiter = std::nullopt);
[[nodiscard]] ImportResult parseCsv(const QByteArray& data, const QString& fileName,
                                    const RuleBook& rules, QDate today, int maxErrors = 20,
                                    const SessionSink& sink = {},
                                    std::optional<char> delimiter = std::nullopt);

} // namespace dermaplan::io
