#pragma once

#include "Result.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

class QIODevice;

namespace dermaplan::io {

// Reads RFC 4180 records from a device a chunk at a time, so that memory holds one record, never
// the whole file. Fields are decoded as UTF-8 (a leading byte order mark is skipped); blank lines
// are skipped. A hand-written reader, because Debian's libcsv gives neither line numbers nor
// UTF-8 checks, and both are what a person fixing a file needs.
class CsvReader {
public:
    struct Record {
        int line = 0; // where the record starts (1-based)
        QStringList fields;
        std::optional<Error> problem; // set: the record could not be read (fields are partial)
    };

    explicit CsvReader(QIODevice& device, char delimiter = ',');

    // The next record, or nothing at the end of the file. A record that cannot be read comes
    // with its problem: after a stray quote the reader goes on with the next line; after a
    // problem that leaves the rest unreadable (a quote never closed, a NUL byte, invalid UTF-8,
    // a read error) it is the last record.
    [[nodiscard]] std::optional<Record> next();

private:
    int peek();
    void advance();
    void skipRestOfLine();
    void stop();

    QIODevice& m_device;
    char m_delimiter;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_started = false;
    bool m_finished = false;
    int m_line = 1;
    bool m_reportedReadError = false;
};

} // namespace dermaplan::io
