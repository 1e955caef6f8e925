#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace dermaplan::io {

// Walks a session file's JSON one session at a time, so that memory holds one session's tree,
// never the whole document's (QJsonDocument alone would hold a tree several times the file's
// size). The file is either an array of sessions or an object whose "sessions" member is one;
// the object's other members (small: regimens, devices) are parsed whole. Each piece is parsed
// by QJsonDocument, so what counts as valid JSON is Qt's rule, not a second one written here.
class JsonOutline {
public:
    struct Problem {
        int line = 0;
        QString message;
    };
    // Called with each element of the sessions array, its index and the line it starts on;
    // returning false stops the walk.
    using Visit = std::function<bool(qsizetype index, int line, const QJsonValue& value)>;

    explicit JsonOutline(QByteArrayView text);

    // Walks the whole text; nothing on success, else where and what the first problem is.
    [[nodiscard]] std::optional<Problem> walk(const Visit& visit);
    // After a walk: the top-level object's members other than "sessions" (empty for an array).
    [[nodiscard]] const QJsonObject& otherMembers() const { return m_members; }
    // After a walk: whether a sessions array was found at all.
    [[nodiscard]] bool foundSessions() const { return m_foundSessions; }
    [[nodiscard]] bool topLevelIsArray() const { return m_topLevelIsArray; }

private:
    void skipSpace();
    [[nodiscard]] int lineAt(qsizetype pos);
    [[nodiscard]] Problem problemAt(qsizetype pos, const QString& what);
    // The end of the value starting at m_pos (just past it), or nothing at an unclosed value.
    [[nodiscard]] std::optional<qsizetype> valueEnd() const;
    // Parses text[from, to) as one JSON value.
    [[nodiscard]] std::optional<Problem> parse(qsizetype from, qsizetype to, QJsonValue& out);
    // Reads the value at m_pos into `out` and moves past it; `start` is where it began.
    // `unclosed` names what an unclosed value leaves unterminated ("array", "object").
    [[nodiscard]] std::optional<Problem> readValue(QJsonValue& out, qsizetype& start,
                                                   const QString& unclosed);
    [[nodiscard]] std::optional<Problem> walkObject(const Visit& visit);
    [[nodiscard]] std::optional<Problem> walkArray(const Visit& visit);

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    qsizetype m_linePos = 0; // lines are counted forward only: m_line is the line of m_linePos
    int m_line = 1;
    QJsonObject m_members;
    bool m_foundSessions = false;
    bool m_topLevelIsArray = false;
};

} // namespace dermaplan::io
