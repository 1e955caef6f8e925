#pragma once

#include "Result.h"
#include "domain/Session.h"
#include "io/CsvFormat.h"
#include "io/Records.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace dermaplan::io {

// Where streamed output goes, a chunk of whole rows at a time; a failure stops the writer.
using ByteSink = std::function<Status(QByteArrayView)>;

// Builds an export a session at a time and hands it on in chunks of whole rows, so that memory
// holds one chunk, never the whole history. The bytes are exportCsv's, historyJson's or
// exportJson's exactly.
class SessionStream {
public:
    enum class Format { Csv, HistoryJson, ExportJson };

    SessionStream(Format format, ByteSink sink, CsvDialect dialect = {});

    // Starts the output; an ExportJson carries `records` (sorted by key, as QJsonDocument writes
    // an object: cleanings, devices, format, pauses, products, regimens) before the sessions.
    [[nodiscard]] Status begin(const Records& records = {});
    [[nodiscard]] Status add(const Session& session);
    [[nodiscard]] Status finish();

private:
    [[nodiscard]] Status flushIfFull();

    Format m_format;
    CsvDialect m_dialect;
    ByteSink m_sink;
    QByteArray m_chunk;
    bool m_any = false;
};

} // namespace dermaplan::io
