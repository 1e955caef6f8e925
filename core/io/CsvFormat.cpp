#include "CsvFormat.h"

#include "domain/IsoDate.h"
#include "io/CsvReader.h"
#include "io/SessionRecord.h"

#include <QBuffer>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace dermaplan::io {

namespace {

QString csvField(const QString& value, char delimiter) {
    if (!value.contains(QLatin1Char(delimiter)) && !value.contains(u'"') &&
        !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString escaped = value;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

const QStringList& csvColumns() {
    static const QStringList columns{u"uuid"_s,
                                     u"date"_s,
                                     u"time"_s,
                                     u"area"_s,
                                     u"zones"_s,
                                     u"needle_mm"_s,
                                     u"performed_by"_s,
                                     u"device_id"_s,
                                     u"pain"_s,
                                     u"reaction"_s,
                                     u"products"_s,
                                     u"notes"_s,
                                     u"contraindications"_s,
                                     u"override_reason"_s};
    return columns;
}

CsvDialect CsvDialect::forLocale(const QLocale& locale) {
    return locale.decimalPoint() == u"," ? CsvDialect{';', true} : CsvDialect{};
}

Result<CsvDialect> CsvDialect::fromName(const QString& name) {
    if (name == u",")
        return CsvDialect{};
    if (name == u";")
        return CsvDialect{';', true};
    if (name == u"tab" || name == u"\t")
        return CsvDialect{'\t', false};
    return Error::inField(QStringLiteral("--delimiter"),
                          QStringLiteral("'%1' is not ',', ';' or 'tab'").arg(name.left(20)));
}

char detectCsvDelimiter(QByteArrayView firstLine) {
    for (const char candidate : {',', ';', '\t'}) {
        QStringList names;
        for (const QByteArray& part : firstLine.toByteArray().split(candidate))
            names << QString::fromUtf8(part).remove(QChar(0xFEFF)).trimmed().remove(u'"');
        if (names.contains(u"date"_s) && names.contains(u"area"_s))
            return candidate;
    }
    return ',';
}

QByteArray csvHeader(const CsvDialect& dialect) {
    return (csvColumns().join(QLatin1Char(dialect.delimiter)) + QStringLiteral("\r\n")).toUtf8();
}

void appendCsvRow(QByteArray& out, const Session& s, const CsvDialect& dialect) {
    QString needle = s.needle.numberText();
    if (dialect.decimalComma)
        needle.replace(u'.', u',');
    const QString fields[] = {s.uuid,
                              isoDateText(s.date),
                              s.time ? s.time->toString(QStringLiteral("HH:mm")) : QString(),
                              s.area,
                              s.zones.join(u';'),
                              needle,
                              performerId(s.performedBy),
                              s.deviceId ? QString::number(*s.deviceId) : QString(),
                              s.pain ? QString::number(*s.pain) : QString(),
                              neutraliseFormula(s.reaction),
                              neutraliseFormula(s.products),
                              neutraliseFormula(s.notes),
                              s.contraindications.join(u';'),
                              neutraliseFormula(s.overrideReason)};
    bool first = true;
    for (const QString& f : fields) {
        if (!first)
            out += dialect.delimiter;
        first = false;
        out += csvField(f, dialect.delimiter).toUtf8();
    }
    out += "\r\n";
}

QByteArray exportCsv(const QList<Session>& sessions, const CsvDialect& dialect) {
    QByteArray out = csvHeader(dialect);
    for (const Session& s : sessions)
        appendCsvRow(out, s, dialect);
    return out;
}

ImportResult parseCsv(QIODevice& device, const QString& fileName, const RuleBook& rules,
                      QDate today, int maxErrors, const SessionSink& sink,
                      std::optional<char> delimiter) {
    ImportResult result;
    Problems problems(fileName, maxErrors);
    if (!delimiter) {
        // The header, looked at without being read: a spreadsheet saved in German or Spanish
        // separates with ';'.
        const QByteArray start = device.peek(64 * 1024);
        const qsizetype end = start.indexOf('\n');
        delimiter = detectCsvDelimiter(QByteArrayView(start).first(end < 0 ? start.size() : end));
    }
    CsvReader reader(device, *delimiter);
    std::optional<CsvReader::Record> header;
    QSet<QString> uuids;
    while (!problems.full()) {
        const auto row = reader.next();
        if (!row)
            break;
        if (row->problem) {
            problems.add(row->problem->line, QString(), row->problem->message);
            continue;
        }
        if (!header) {
            header = row;
            for (const QString& required : {u"date"_s, u"area"_s, u"needle_mm"_s})
                if (!header->fields.contains(required))
                    problems.add(header->line, required,
                                 QStringLiteral("the column is missing from the header"));
            for (const QString& column : std::as_const(header->fields))
                if (!csvColumns().contains(column) && column != u"zone")
                    problems.add(header->line, column.left(60), QStringLiteral("unknown column"));
            if (!header->fields.contains(u"date"_s))
                break;
            continue;
        }
        if (row->fields.size() != header->fields.size()) {
            problems.add(row->line, QString(),
                         QStringLiteral("%1 fields, but the header has %2")
                             .arg(row->fields.size())
                             .arg(header->fields.size()));
            continue;
        }
        Record record;
        for (qsizetype c = 0; c < header->fields.size(); ++c)
            record.insert(header->fields[c], row->fields[c]);
        for (const QString& column : freeTextColumns())
            if (QString* text = record.find(column))
                *text = restoreFormula(*text);
        if (auto s = toSession(record, row->line, rules, today, problems, sink ? nullptr : &uuids))
            deliver(std::move(*s), row->line, sink, result, problems);
    }
    if (!header && !problems.any())
        problems.add(1, QString(), QStringLiteral("the file is empty (a header row is needed)"));
    problems.moveInto(result);
    return result;
}

ImportResult parseCsv(const QByteArray& data, const QString& fileName, const RuleBook& rules,
                      QDate today, int maxErrors, const SessionSink& sink,
                      std::optional<char> delimiter) {
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return parseCsv(buffer, fileName, rules, today, maxErrors, sink, delimiter);
}

} // namespace dermaplan::io
