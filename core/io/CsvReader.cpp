#include "CsvReader.h"

#include "io/SessionRecord.h"

#include <QFileDevice>
#include <QStringDecoder>

#include <algorithm>

namespace dermaplan::io {

namespace {

constexpr qint64 kChunkSize = 64 * 1024;

constexpr auto kDecoderFlags =
    QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom;

// The field as text; nothing when it is not valid UTF-8.
std::optional<QString> decodeField(const QByteArray& field) {
    // Most fields are ASCII (dates, numbers, ids): those need no decoder.
    if (std::all_of(field.cbegin(), field.cend(), [](char c) { return uchar(c) < 0x80; }))
        return QString::fromLatin1(field);
    QStringDecoder decoder(QStringDecoder::Utf8, kDecoderFlags);
    QString text = decoder.decode(field);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

CsvReader::CsvReader(QIODevice& device, char delimiter)
    : m_device(device)
    , m_delimiter(delimiter) {}

int CsvReader::peek() {
    while (m_pos >= m_buffer.size()) {
        if (m_finished)
            return -1;
        m_buffer = m_device.read(kChunkSize);
        m_pos = 0;
        if (m_buffer.isEmpty()) {
            m_finished = true;
            return -1;
        }
        if (!m_started) {
            m_started = true;
            // A device may hand out fewer bytes than the mark has.
            while (m_buffer.size() < 3) {
                const QByteArray more = m_device.read(kChunkSize);
                if (more.isEmpty())
                    break;
                m_buffer += more;
            }
            if (m_buffer.startsWith("\xEF\xBB\xBF"))
                m_pos = 3;
        }
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

void CsvReader::advance() {
    ++m_pos;
}

void CsvReader::skipRestOfLine() {
    for (int c = peek(); c != -1 && c != '\n'; c = peek())
        advance();
}

void CsvReader::stop() {
    m_finished = true;
    m_buffer.clear();
    m_pos = 0;
}

std::optional<CsvReader::Record> CsvReader::next() {
    for (;;) {
        if (peek() == -1) {
            const auto* file = qobject_cast<const QFileDevice*>(&m_device);
            if (file && file->error() != QFileDevice::NoError && !m_reportedReadError) {
                m_reportedReadError = true;
                return Record{m_line, {}, Error::at({}, m_line, {}, file->errorString())};
            }
            return std::nullopt;
        }
        Record record{m_line, {}, std::nullopt};
        const auto problem = [&](int line, const QString& message) {
            if (!record.problem)
                record.problem = Error::at({}, line, {}, message);
        };
        const auto fatal = [&](int line, const QString& message) {
            problem(line, message);
            stop();
            return record;
        };
        QByteArray field;
        for (;;) {
            const int fieldLine = m_line;
            int c = peek();
            if (c == '"') {
                advance();
                for (;;) {
                    c = peek();
                    if (c == -1)
                        return fatal(fieldLine, QStringLiteral("a quoted field is never closed"));
                    if (c == 0)
                        return fatal(m_line, nulByteMessage());
                    advance();
                    if (c == '"') {
                        if (peek() != '"')
                            break;
                        advance();
                    } else if (c == '\n') {
                        ++m_line;
                    }
                    field += char(c);
                }
                c = peek();
                if (c != -1 && c != m_delimiter && c != '\r' && c != '\n') {
                    problem(m_line, QStringLiteral("unexpected text after a closing quote"));
                    skipRestOfLine();
                    c = peek();
                }
            } else {
                for (; c != -1 && c != m_delimiter && c != '\r' && c != '\n'; c = peek()) {
                    if (c == 0)
                        return fatal(m_line, nulByteMessage());
                    if (c == '"')
                        problem(m_line, QStringLiteral("a quote inside an unquoted field"));
                    field += char(c);
                    advance();
                }
            }
            // Decoded field by field (the file's own byte order mark is gone already: one at
            // the start of a field is text, kept).
            std::optional<QString> text = decodeField(field);
            if (!text)
                return fatal(fieldLine + std::max(0, lineOfInvalidUtf8(field)),
                             invalidUtf8Message());
            record.fields << *text;
            field.clear();
            if (c == m_delimiter) {
                advance();
                continue;
            }
            if (c == '\r') {
                advance();
                c = peek();
                if (c == '\n')
                    advance();
                ++m_line;
            } else if (c == '\n') {
                advance();
                ++m_line;
            }
            break;
        }
        if (!record.problem && record.fields.size() == 1 && record.fields[0].isEmpty())
            continue; // a blank line
        return record;
    }
}

} // namespace dermaplan::io
