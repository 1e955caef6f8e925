#include "CsvFormat.h"

#include "domain/IsoDate.h"
#include "io/CsvReader.h"
#include "io/SessionRecord.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace dermaplan::io {

namespace {

QString csvField(const QString& value) {
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
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

QByteArray csvHeader() {
    return (csvColumns().join(u',') + QStringLiteral("\r\n")).toUtf8();
}

void appendCsvRow(QByteArray& out, const Session& s) {
    const QString fields[] = {s.uuid,
                              isoDateText(s.date),
                              s.time ? s.time->toString(QStringLiteral("HH:mm")) : QString(),
                              s.area,
                              s.zones.join(u';'),
                              s.needle.numberText(),
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
            out += ',';
        first = false;
        out += csvField(f).toUtf8();
    }
    out += "\r\n";
}

QByteArray exportCsv(const QList<Session>& sessions) {
    QByteArray out = csvHeader();
    for (const Session& s : sessions)
        appendCsvRow(out, s);
    return out;
}

ImportResult parseCsv(QIODevice& device, const QString& fileName, const RuleBook& rules,
                      QDate today, int maxErrors, const SessionSink& sink) {
    ImportResult result;
    Problems problems(fileName, maxErrors);
    CsvReader reader(device);
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
                      QDate today, int maxErrors, const SessionSink& sink) {
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return parseCsv(buffer, fileName, rules, today, maxErrors, sink);
}

} // namespace dermaplan::io
