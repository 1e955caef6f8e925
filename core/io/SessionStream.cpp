#include "SessionStream.h"

#include "io/CsvFormat.h"
#include "io/JsonFormat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dermaplan::io {

namespace {

constexpr qsizetype kChunkBytes = 256 * 1024;

// `object` as QJsonDocument::Indented writes it inside an array or object `depth` spaces deep.
void appendIndented(QByteArray& out, const QJsonObject& object, int depth) {
    const QByteArray pad(depth, ' ');
    QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    text.chop(1); // the document's final newline
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        out += pad;
        out += QByteArrayView(text).sliced(start, end - start);
        if (end < text.size())
            out += '\n';
        start = end + 1;
    }
}

template <typename T, typename ToJson>
void appendArray(QByteArray& out, const QList<T>& items, ToJson toJson, int depth) {
    out += "[\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ",\n";
        appendIndented(out, toJson(items[i]), depth + 4);
    }
    if (!items.isEmpty())
        out += '\n';
    out += QByteArray(depth, ' ') + ']';
}

} // namespace

SessionStream::SessionStream(Format format, ByteSink sink, CsvDialect dialect)
    : m_format(format)
    , m_dialect(dialect)
    , m_sink(std::move(sink)) {}

Status SessionStream::begin(const Records& records) {
    switch (m_format) {
    case Format::Csv:
        m_chunk = csvHeader(m_dialect);
        break;
    case Format::HistoryJson:
        m_chunk = "[\n";
        break;
    case Format::ExportJson:
        // QJsonDocument's order: keys sorted.
        m_chunk = "{\n    \"cleanings\": ";
        appendArray(m_chunk, records.cleanings, cleaningToJson, 4);
        m_chunk += ",\n    \"devices\": ";
        appendArray(m_chunk, records.devices, deviceToJson, 4);
        m_chunk += ",\n    \"format\": \"dermaplan-export\",\n    \"pauses\": ";
        appendArray(m_chunk, records.pauses, pauseToJson, 4);
        m_chunk += ",\n    \"products\": ";
        appendArray(m_chunk, records.products, productToJson, 4);
        m_chunk += ",\n    \"regimens\": ";
        appendArray(m_chunk, records.regimens, regimenToJson, 4);
        m_chunk += ",\n    \"sessions\": [\n";
        break;
    }
    return flushIfFull();
}

Status SessionStream::add(const Session& session) {
    if (m_format == Format::Csv) {
        appendCsvRow(m_chunk, session, m_dialect);
    } else {
        if (m_any)
            m_chunk += ",\n";
        QJsonObject object = sessionToJson(session);
        if (!session.followUps.isEmpty()) {
            QJsonArray answers;
            for (const FollowUp& f : session.followUps)
                answers.append(followUpToJson(f));
            object.insert(QStringLiteral("followups"), answers);
        }
        appendIndented(m_chunk, object, m_format == Format::HistoryJson ? 4 : 8);
    }
    m_any = true;
    return flushIfFull();
}

Status SessionStream::finish() {
    if (m_format == Format::HistoryJson)
        m_chunk += m_any ? "\n]\n" : "]\n";
    else if (m_format == Format::ExportJson)
        m_chunk += QByteArray(m_any ? "\n" : "") + "    ],\n    \"version\": 1\n}\n";
    const Status done = m_sink(m_chunk);
    m_chunk.clear();
    return done;
}

Status SessionStream::flushIfFull() {
    if (m_chunk.size() < kChunkBytes)
        return success();
    const Status done = m_sink(m_chunk);
    m_chunk.clear();
    return done;
}

} // namespace dermaplan::io
