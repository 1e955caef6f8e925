#pragma once

// What both file formats share when they read sessions: the fields of one record as text, their
// validation into a Session, and the problems found on the way. Internal to core/io.

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <QList>
#include <QSet>

#include <utility>

namespace dermaplan::io {

// The fields of one record, as text, keyed by column (CSV) or member (JSON) name. A record has a
// dozen fields at most: looked up in a flat list, which costs a large import less than a hash
// table built for every row.
class Record {
public:
    using Field = std::pair<QString, QString>;

    // Sets the field, replacing one of the same name (a column named twice: the last one wins).
    void insert(const QString& name, const QString& value);
    void remove(QStringView name);
    [[nodiscard]] bool contains(QStringView name) const { return find(name) != nullptr; }
    // The field's text; empty when the record has no such field.
    [[nodiscard]] QString value(QStringView name) const;
    [[nodiscard]] const QList<Field>& fields() const { return m_fields; }
    // The field's text to change in place, or null.
    [[nodiscard]] QString* find(QStringView name);
    [[nodiscard]] const QString* find(QStringView name) const;

private:
    QList<Field> m_fields;
};

// Collects problems with a file, up to a limit.
class Problems {
public:
    Problems(QString file, int max);
    void add(int line, const QString& field, const QString& message);
    [[nodiscard]] bool full() const { return m_truncated; }
    [[nodiscard]] bool any() const { return !m_errors.isEmpty(); }
    // Hands the problems to `result`; any problem means the result holds no data.
    void moveInto(ImportResult& result);

private:
    QString m_file;
    int m_max;
    QList<Error> m_errors;
    bool m_truncated = false;
};

// The fields toSession reads (a record's other fields are never looked at): a reader may leave
// everything else out, so that a record stays a dozen fields long whatever a file holds.
[[nodiscard]] bool isSessionField(QStringView name);

// Validates one record into a session, reporting each bad field at `line`. `uuids` collects the
// file's uuids, so that one appearing twice is reported; null when a sink checks that instead.
[[nodiscard]] std::optional<Session> toSession(const Record& record, int line,
                                               const RuleBook& rules, QDate today,
                                               Problems& problems, QSet<QString>* uuids);

// Hands a valid session to `sink`, or without one to result.sessions.
void deliver(Session&& session, int line, const SessionSink& sink, ImportResult& result,
             Problems& problems);

// What both readers say of a file that is no text.
[[nodiscard]] QString nulByteMessage();      // "binary data (a NUL byte): not a text file"
[[nodiscard]] QString nulCharacterMessage(); // a text field holding U+0000
[[nodiscard]] QString invalidUtf8Message();
// How many lines into `text` the first invalid UTF-8 is (0: the first line); -1 when it is valid.
[[nodiscard]] int lineOfInvalidUtf8(QByteArrayView text);

// Free-text columns: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
// return) as a formula. Export prefixes such a cell with ' (OWASP's CSV injection rule); import
// takes the ' off again, so a round trip changes nothing.
[[nodiscard]] const QStringList& freeTextColumns();
[[nodiscard]] QString neutraliseFormula(const QString& text);
[[nodiscard]] QString restoreFormula(const QString& text);

} // namespace dermaplan::io
