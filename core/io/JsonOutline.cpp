#include "JsonOutline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace dermaplan::io {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

JsonOutline::JsonOutline(QByteArrayView text)
    : m_text(text) {}

void JsonOutline::skipSpace() {
    while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
        ++m_pos;
}

int JsonOutline::lineAt(qsizetype pos) {
    pos = std::min(pos, m_text.size());
    if (pos < m_linePos) { // a problem behind us: count again from the start
        m_linePos = 0;
        m_line = 1;
    }
    m_line += int(m_text.sliced(m_linePos, pos - m_linePos).count('\n'));
    m_linePos = pos;
    return m_line;
}

JsonOutline::Problem JsonOutline::problemAt(qsizetype pos, const QString& what) {
    return Problem{lineAt(pos), QStringLiteral("invalid JSON: %1").arg(what)};
}

std::optional<qsizetype> JsonOutline::valueEnd() const {
    qsizetype i = m_pos;
    const qsizetype n = m_text.size();
    if (i >= n)
        return std::nullopt;
    const char first = m_text[i];
    if (first != '{' && first != '[' && first != '"') {
        // A number, true, false or null: up to the next delimiter.
        while (i < n && !isSpace(m_text[i]) && m_text[i] != ',' && m_text[i] != ']' &&
               m_text[i] != '}')
            ++i;
        return i;
    }
    int depth = 0;
    bool inString = false;
    for (; i < n; ++i) {
        const char c = m_text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            if (!inString && depth == 0)
                return i + 1;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
    }
    return std::nullopt;
}

std::optional<JsonOutline::Problem> JsonOutline::parse(qsizetype from, qsizetype to,
                                                       QJsonValue& out) {
    if (from >= to) // nothing where a value must be (a comma too many, a member without one)
        return problemAt(from, QStringLiteral("illegal value"));
    // Wrapped in [ ] so that any value parses as a document; only this piece is copied.
    QByteArray piece;
    piece.reserve(to - from + 2);
    piece.append('[').append(m_text.sliced(from, to - from)).append(']');
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(piece, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype at = from + std::clamp<qsizetype>(error.offset - 1, 0, to - from);
        return problemAt(at, error.errorString());
    }
    out = doc.array().at(0);
    return std::nullopt;
}

std::optional<JsonOutline::Problem> JsonOutline::readValue(QJsonValue& out, qsizetype& start,
                                                           const QString& unclosed) {
    start = m_pos;
    const auto end = valueEnd();
    if (!end)
        return problemAt(m_text.size(), QStringLiteral("unterminated %1").arg(unclosed));
    if (auto problem = parse(start, *end, out))
        return problem;
    m_pos = *end;
    return std::nullopt;
}

std::optional<JsonOutline::Problem> JsonOutline::walkArray(const Visit& visit) {
    ++m_pos; // [
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == ']') {
        ++m_pos;
        return std::nullopt;
    }
    for (qsizetype index = 0;; ++index) {
        skipSpace();
        qsizetype start = 0;
        QJsonValue value;
        if (auto problem = readValue(value, start, QStringLiteral("array")))
            return problem;
        if (!visit(index, lineAt(start), value))
            return std::nullopt;
        skipSpace();
        if (m_pos >= m_text.size())
            return problemAt(m_pos, QStringLiteral("unterminated array"));
        if (m_text[m_pos] == ']') {
            ++m_pos;
            return std::nullopt;
        }
        if (m_text[m_pos] != ',')
            return problemAt(m_pos, QStringLiteral("missing value separator"));
        ++m_pos;
    }
}

std::optional<JsonOutline::Problem> JsonOutline::walkObject(const Visit& visit) {
    ++m_pos; // {
    skipSpace();
    bool first = true;
    bool seenSessions = false;
    while (m_pos < m_text.size() && m_text[m_pos] != '}') {
        if (!first) {
            if (m_text[m_pos] != ',')
                return problemAt(m_pos, QStringLiteral("missing value separator"));
            ++m_pos;
            skipSpace();
        }
        first = false;
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            return problemAt(m_pos, QStringLiteral("missing name"));
        qsizetype keyStart = 0;
        QJsonValue name;
        if (auto problem = readValue(name, keyStart, QStringLiteral("string")))
            return problem;
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != ':')
            return problemAt(m_pos, QStringLiteral("missing name separator"));
        ++m_pos;
        skipSpace();
        const bool isSessions = name.toString() == u"sessions";
        if (isSessions && seenSessions)
            // Qt would keep the last; walking both would import both: neither is what the
            // file's author can have meant.
            return problemAt(keyStart, QStringLiteral("\"sessions\" appears twice"));
        seenSessions |= isSessions;
        if (isSessions && m_pos < m_text.size() && m_text[m_pos] == '[') {
            m_foundSessions = true;
            if (auto problem = walkArray(visit))
                return problem;
        } else {
            qsizetype start = 0;
            QJsonValue value;
            if (auto problem = readValue(value, start, QStringLiteral("object")))
                return problem;
            m_members.insert(name.toString(), value);
        }
        skipSpace();
    }
    if (m_pos >= m_text.size())
        return problemAt(m_pos, QStringLiteral("unterminated object"));
    ++m_pos; // }
    return std::nullopt;
}

std::optional<JsonOutline::Problem> JsonOutline::walk(const Visit& visit) {
    skipSpace();
    if (m_pos >= m_text.size())
        return problemAt(m_pos, QStringLiteral("illegal value"));
    if (m_text[m_pos] == '[') {
        m_topLevelIsArray = true;
        m_foundSessions = true;
        if (auto problem = walkArray(visit))
            return problem;
    } else if (m_text[m_pos] == '{') {
        if (auto problem = walkObject(visit))
            return problem;
    } else {
        return problemAt(m_pos, QStringLiteral("illegal value"));
    }
    skipSpace();
    if (m_pos < m_text.size())
        return problemAt(m_pos, QStringLiteral("garbage at the end of the document"));
    return std::nullopt;
}

} // namespace dermaplan::io
