#include "SessionFormats.h"

#include "rules/SafetyCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUuid>

namespace dermaplan::io {

namespace {

QString key(const char* k) {
    return QString::fromLatin1(k);
}
QJsonValue dateOrNull(const std::optional<QDate>& d) {
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue();
}
constexpr int kMaxFieldLength = 10000;

// Collects errors up to a limit.
class Problems {
public:
    Problems(QString file, int max)
        : m_file(std::move(file))
        , m_max(max) {}
    void add(int line, const QString& field, const QString& message) {
        if (m_errors.size() >= m_max) {
            m_truncated = true;
            return;
        }
        m_errors << Error{message, m_file, line, field};
    }
    [[nodiscard]] bool full() const { return m_truncated; }
    void moveInto(ImportResult& r) {
        r.errors = m_errors;
        r.truncatedErrors = m_truncated;
        if (!r.errors.isEmpty()) {
            r.sessions.clear();
            r.regimens.clear();
            r.devices.clear();
        }
    }

private:
    QString m_file;
    int m_max;
    QList<Error> m_errors;
    bool m_truncated = false;
};

// The fields of one record, as text, from either format.
using Record = QHash<QString, QString>;

// Validates one record into a session; reports each bad field.
std::optional<Session> toSession(const Record& rec, int line, const RuleBook& rules, QDate today,
                                 Problems& problems, QSet<QString>& uuids) {
    bool ok = true;
    auto bad = [&](const char* field, const QString& message) {
        problems.add(line, key(field), message);
        ok = false;
    };
    for (auto it = rec.constBegin(); it != rec.constEnd(); ++it)
        if (it.value().size() > kMaxFieldLength)
            problems.add(line, it.key(),
                         QStringLiteral("is %1 characters long (at most %2)")
                             .arg(it.value().size())
                             .arg(kMaxFieldLength)),
                ok = false;
    Session s;
    s.uuid = rec.value(key("uuid")).trimmed();
    if (!s.uuid.isEmpty()) {
        if (QUuid::fromString(s.uuid).isNull())
            bad("uuid", QStringLiteral("'%1' is not a UUID").arg(s.uuid.left(60)));
        else if (uuids.contains(s.uuid))
            bad("uuid", QStringLiteral("'%1' appears twice in the file").arg(s.uuid));
        uuids.insert(s.uuid);
    }
    const QString date = rec.value(key("date")).trimmed();
    s.date = QDate::fromString(date, Qt::ISODate);
    if (date.isEmpty())
        bad("date", QStringLiteral("is missing"));
    else if (date.size() != 10 || !s.date.isValid())
        bad("date", QStringLiteral("'%1' is not a date (use YYYY-MM-DD)").arg(date.left(60)));
    else if (s.date > today)
        bad("date", QStringLiteral("%1 is in the future").arg(date));
    const QString time = rec.value(key("time")).trimmed();
    if (!time.isEmpty()) {
        const QTime t = QTime::fromString(time, QStringLiteral("HH:mm"));
        if (!t.isValid())
            bad("time", QStringLiteral("'%1' is not a time (use HH:MM)").arg(time.left(60)));
        else
            s.time = t;
    }
    s.area = rec.value(key("area")).trimmed();
    const QString zones =
        rec.contains(key("zones")) ? rec.value(key("zones")) : rec.value(key("zone"));
    for (const QString& z :
         zones.split(QRegularExpression(QStringLiteral("[;,]")), Qt::SkipEmptyParts))
        s.zones << z.trimmed();
    if (s.area.isEmpty())
        bad("area", QStringLiteral("is missing"));
    else if (auto place = rules.validatePlace(s.area, s.zones); !place)
        bad(place.error().field == u"area" ? "area" : "zones", place.error().message);
    const QString needle = rec.value(key("needle_mm")).trimmed();
    const auto n = NeedleLength::parse(needle);
    if (needle.isEmpty())
        bad("needle_mm", QStringLiteral("is missing"));
    else if (!n)
        bad("needle_mm",
            QStringLiteral("'%1' is not a length in millimetres").arg(needle.left(60)));
    else if (auto inRange = rules.needle(*n); !inRange)
        bad("needle_mm", inRange.error().message);
    else
        s.needle = *n;
    const QString by = rec.value(key("performed_by")).trimmed();
    if (!by.isEmpty()) {
        const auto p = parsePerformer(by);
        if (!p)
            bad("performed_by", p.error().message);
        else
            s.performedBy = *p;
    }
    const QString device = rec.value(key("device_id")).trimmed();
    if (!device.isEmpty()) {
        bool isNumber = false;
        const qint64 id = device.toLongLong(&isNumber);
        if (!isNumber || id < 1)
            bad("device_id", QStringLiteral("'%1' is not a device id").arg(device.left(60)));
        else
            s.deviceId = id;
    }
    const QString pain = rec.value(key("pain")).trimmed();
    if (!pain.isEmpty()) {
        bool isNumber = false;
        const int p = pain.toInt(&isNumber);
        if (!isNumber || p < 0 || p > 10)
            bad("pain", QStringLiteral("'%1' is not a pain score from 0 to 10").arg(pain.left(60)));
        else
            s.pain = p;
    }
    for (const QString& item :
         rec.value(key("contraindications"))
             .split(QRegularExpression(QStringLiteral("[;,]")), Qt::SkipEmptyParts)) {
        if (!rules.contraindication(item.trimmed()))
            bad("contraindications",
                QStringLiteral("'%1' is not a checklist item").arg(item.trimmed().left(60)));
        else
            s.contraindications << item.trimmed();
    }
    s.reaction = rec.value(key("reaction"));
    s.products = rec.value(key("products"));
    s.notes = rec.value(key("notes"));
    s.overrideReason = rec.value(key("override_reason"));
    return ok ? std::optional<Session>(s) : std::nullopt;
}

// The text as UTF-8, or the line of the first problem (invalid UTF-8 or a NUL byte).
std::optional<QString> decodeUtf8(const QByteArray& raw, const QString& fileName,
                                  Problems& problems) {
    QByteArray data = raw;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0) {
        problems.add(1 + int(data.left(nul).count('\n')), QString(),
                     QStringLiteral("binary data (a NUL byte): not a text file"));
        return std::nullopt;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError()) {
        // Find the first bad line by decoding line by line.
        int line = 1;
        for (const QByteArray& l : data.split('\n')) {
            QStringDecoder lineDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            (void)QString(lineDecoder.decode(l));
            if (lineDecoder.hasError())
                break;
            ++line;
        }
        problems.add(line, QString(), QStringLiteral("is not valid UTF-8 text"));
        Q_UNUSED(fileName);
        return std::nullopt;
    }
    return text;
}

// Free-text CSV columns: a spreadsheet would run a cell that starts with = + - @ (or a tab or
// carriage return) as a formula. Export prefixes such a cell with ' (OWASP's CSV injection
// rule); import takes the ' off again, so a round trip changes nothing.
const char* const kFreeTextColumns[] = {"reaction", "products", "notes", "override_reason"};

bool startsLikeAFormula(const QString& text) {
    return !text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.at(0));
}

QString neutraliseFormula(const QString& text) {
    return startsLikeAFormula(text) ? u'\'' + text : text;
}

QString restoreFormula(const QString& text) {
    return text.startsWith(u'\'') && startsLikeAFormula(text.mid(1)) ? text.mid(1) : text;
}

QString csvField(const QString& value) {
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r'))
        return value;
    QString escaped = value;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

std::optional<QDate> optionalDate(const QJsonValue& v, bool& ok) {
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    ok = ok && d.isValid();
    return d;
}

// The regimens and devices of a Dermaplan JSON export, validated; problems are named by path.
void parsePlansAndDevices(const QJsonObject& root, const RuleBook& rules, QDate today,
                          ImportResult& result, Problems& problems) {
    const QJsonArray devices = root.value(u"devices").toArray();
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const QJsonObject o = devices.at(i).toObject();
        const QString path = QStringLiteral("devices[%1]").arg(i);
        Device d;
        d.id = o.value(u"id").toInteger();
        d.name = o.value(u"name").toString().trimmed();
        d.kind = o.value(u"kind").toString(QStringLiteral("roller"));
        d.needle = NeedleLength::fromMillimetres(o.value(u"needle_mm").toDouble(-1));
        d.needleCount = o.value(u"needle_count").toInt(0);
        bool datesOk = true;
        d.firstUse = optionalDate(o.value(u"first_use"), datesOk).value_or(QDate());
        d.retiredOn = optionalDate(o.value(u"retired_on"), datesOk);
        if (d.id < 1)
            problems.add(0, path + QStringLiteral(".id"),
                         QStringLiteral("must be a positive number"));
        else if (d.name.isEmpty())
            problems.add(0, path + QStringLiteral(".name"), QStringLiteral("is missing"));
        else if (d.kind != u"roller" && d.kind != u"stamp" && d.kind != u"pen")
            problems.add(0, path + QStringLiteral(".kind"),
                         QStringLiteral("'%1' is not roller, stamp or pen").arg(d.kind));
        else if (!rules.needle(d.needle))
            problems.add(0, path + QStringLiteral(".needle_mm"),
                         QStringLiteral("is not a needle length from 0.1 to 3.0"));
        else if (!datesOk || (d.firstUse.isValid() && d.firstUse > today))
            problems.add(0, path + QStringLiteral(".first_use"),
                         QStringLiteral("dates must be YYYY-MM-DD, not in the future"));
        else
            result.devices << d;
    }
    const QJsonArray regimens = root.value(u"regimens").toArray();
    for (qsizetype i = 0; i < regimens.size(); ++i) {
        const QJsonObject o = regimens.at(i).toObject();
        const QString path = QStringLiteral("regimens[%1]").arg(i);
        Regimen r;
        r.name = o.value(u"name").toString();
        r.area = o.value(u"area").toString();
        for (const QJsonValue& z : o.value(u"zones").toArray())
            r.zones << z.toString();
        r.needle = NeedleLength::fromMillimetres(o.value(u"needle_mm").toDouble(-1));
        r.everyDays = o.value(u"every_days").toInt(0);
        r.start = QDate::fromString(o.value(u"start").toString(), Qt::ISODate);
        if (!o.value(u"weeks").isNull() && !o.value(u"weeks").isUndefined())
            r.weeks = o.value(u"weeks").toInt(0);
        bool datesOk = true;
        r.endedOn = optionalDate(o.value(u"ended_on"), datesOk);
        const auto by = parsePerformer(o.value(u"performed_by").toString(QStringLiteral("self")));
        r.performedBy = by ? *by : Performer::Self;
        r.templateId = o.value(u"template").toString();
        r.goal = o.value(u"goal").toString();
        r.notes = o.value(u"notes").toString();
        const auto verdict = checkRegimen(r, rules);
        if (!by)
            problems.add(0, path + QStringLiteral(".performed_by"), by.error().message);
        else if (!datesOk)
            problems.add(0, path + QStringLiteral(".ended_on"),
                         QStringLiteral("is not a date (use YYYY-MM-DD)"));
        else if (!verdict)
            problems.add(0, path + u'.' + verdict.error().field, verdict.error().message);
        else if (verdict->severity == Severity::Refuse)
            problems.add(0, path + QStringLiteral(".every_days"),
                         verdict->reasons.constFirst().message);
        else
            result.regimens << r;
    }
}

} // namespace

QJsonObject sessionToJson(const Session& s) {
    return QJsonObject{
        {key("id"), s.id},
        {key("uuid"), s.uuid},
        {key("date"), s.date.toString(Qt::ISODate)},
        {key("time"),
         s.time ? QJsonValue(s.time->toString(QStringLiteral("HH:mm"))) : QJsonValue()},
        {key("area"), s.area},
        {key("zone"), s.zones.join(u',')},
        {key("zones"), QJsonArray::fromStringList(s.zones)},
        {key("needle_mm"), s.needle.millimetres()},
        {key("performed_by"), performerId(s.performedBy)},
        {key("device_id"), s.deviceId ? QJsonValue(*s.deviceId) : QJsonValue()},
        {key("pain"), s.pain ? QJsonValue(*s.pain) : QJsonValue()},
        {key("reaction"), s.reaction},
        {key("products"), s.products},
        {key("notes"), s.notes},
        {key("contraindications"), QJsonArray::fromStringList(s.contraindications)},
        {key("override_reason"), s.overrideReason},
        {key("rule_broken"), s.ruleBroken},
    };
}

QJsonObject regimenToJson(const Regimen& r) {
    return QJsonObject{
        {key("id"), r.id},
        {key("name"), r.name},
        {key("area"), r.area},
        {key("zones"), QJsonArray::fromStringList(r.zones)},
        {key("needle_mm"), r.needle.millimetres()},
        {key("every_days"), r.everyDays},
        {key("start"), r.start.toString(Qt::ISODate)},
        {key("weeks"), r.weeks ? QJsonValue(*r.weeks) : QJsonValue()},
        {key("ended_on"), dateOrNull(r.endedOn)},
        {key("performed_by"), performerId(r.performedBy)},
        {key("template"), r.templateId},
        {key("goal"), r.goal},
        {key("notes"), r.notes},
    };
}

QJsonObject deviceToJson(const Device& d) {
    return QJsonObject{
        {key("id"), d.id},
        {key("name"), d.name},
        {key("kind"), d.kind},
        {key("needle_mm"), d.needle.millimetres()},
        {key("needle_count"), d.needleCount},
        {key("first_use"),
         d.firstUse.isValid() ? QJsonValue(d.firstUse.toString(Qt::ISODate)) : QJsonValue()},
        {key("retired_on"), dateOrNull(d.retiredOn)},
    };
}

QByteArray historyJson(const QList<Session>& sessions) {
    QJsonArray arr;
    for (const Session& s : sessions)
        arr.append(sessionToJson(s));
    return QJsonDocument(arr).toJson(QJsonDocument::Indented);
}

QByteArray exportJson(const QList<Session>& sessions, const QList<Regimen>& regimens,
                      const QList<Device>& devices) {
    QJsonArray s;
    for (const Session& x : sessions)
        s.append(sessionToJson(x));
    QJsonArray r;
    for (const Regimen& x : regimens)
        r.append(regimenToJson(x));
    QJsonArray d;
    for (const Device& x : devices)
        d.append(deviceToJson(x));
    return QJsonDocument(QJsonObject{{key("format"), key("dermaplan-export")},
                                     {key("version"), 1},
                                     {key("sessions"), s},
                                     {key("regimens"), r},
                                     {key("devices"), d}})
        .toJson(QJsonDocument::Indented);
}

const QStringList& csvColumns() {
    static const QStringList columns{key("uuid"),
                                     key("date"),
                                     key("time"),
                                     key("area"),
                                     key("zones"),
                                     key("needle_mm"),
                                     key("performed_by"),
                                     key("device_id"),
                                     key("pain"),
                                     key("reaction"),
                                     key("products"),
                                     key("notes"),
                                     key("contraindications"),
                                     key("override_reason")};
    return columns;
}

QByteArray exportCsv(const QList<Session>& sessions) {
    QString out = csvColumns().join(u',') + QStringLiteral("\r\n");
    for (const Session& s : sessions) {
        const QStringList fields{s.uuid,
                                 s.date.toString(Qt::ISODate),
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
        QStringList quoted;
        for (const QString& f : fields)
            quoted << csvField(f);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

ImportResult parseCsv(const QByteArray& data, const QString& fileName, const RuleBook& rules,
                      QDate today, int maxErrors) {
    ImportResult result;
    Problems problems(fileName, maxErrors);
    const auto text = decodeUtf8(data, fileName, problems);
    if (!text) {
        problems.moveInto(result);
        return result;
    }
    // RFC 4180 records, each with the line it starts on.
    struct Row {
        int line;
        QStringList fields;
    };
    QList<Row> rows;
    const QString& t = *text;
    int line = 1;
    qsizetype i = 0;
    while (i < t.size() && !problems.full()) {
        Row row{line, {}};
        QString field;
        bool rowDone = false;
        bool broken = false;
        while (!rowDone) {
            if (i < t.size() && t[i] == u'"') {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < t.size()) {
                    if (t[i] == u'"') {
                        if (i + 1 < t.size() && t[i + 1] == u'"') {
                            field += u'"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (t[i] == u'\n')
                        ++line;
                    field += t[i++];
                }
                if (!closed) {
                    problems.add(quoteLine, QString(),
                                 QStringLiteral("a quoted field is never closed"));
                    return (problems.moveInto(result), result);
                }
                if (i < t.size() && t[i] != u',' && t[i] != u'\r' && t[i] != u'\n') {
                    problems.add(line, QString(),
                                 QStringLiteral("unexpected text after a closing quote"));
                    broken = true;
                    while (i < t.size() && t[i] != u'\n')
                        ++i;
                }
            } else {
                while (i < t.size() && t[i] != u',' && t[i] != u'\r' && t[i] != u'\n') {
                    if (t[i] == u'"' && !broken) {
                        problems.add(line, QString(),
                                     QStringLiteral("a quote inside an unquoted field"));
                        broken = true;
                    }
                    field += t[i++];
                }
            }
            row.fields << field;
            field.clear();
            if (i >= t.size()) {
                rowDone = true;
            } else if (t[i] == u',') {
                ++i;
            } else {
                if (t[i] == u'\r')
                    ++i;
                if (i < t.size() && t[i] == u'\n')
                    ++i;
                ++line;
                rowDone = true;
            }
        }
        if (!broken && !(row.fields.size() == 1 && row.fields[0].isEmpty()))
            rows << row;
    }
    if (rows.isEmpty()) {
        if (result.errors.isEmpty())
            problems.add(1, QString(),
                         QStringLiteral("the file is empty (a header row is needed)"));
        problems.moveInto(result);
        return result;
    }
    const QStringList header = rows.takeFirst().fields;
    for (const QString& required : {key("date"), key("area"), key("needle_mm")})
        if (!header.contains(required))
            problems.add(1, required, QStringLiteral("the column is missing from the header"));
    for (const QString& column : header)
        if (!csvColumns().contains(column) && column != u"zone")
            problems.add(1, column.left(60), QStringLiteral("unknown column"));
    if (!problems.full() && !header.contains(key("date"))) {
        problems.moveInto(result);
        return result;
    }
    QSet<QString> uuids;
    for (const Row& row : std::as_const(rows)) {
        if (problems.full())
            break;
        if (row.fields.size() != header.size()) {
            problems.add(row.line, QString(),
                         QStringLiteral("%1 fields, but the header has %2")
                             .arg(row.fields.size())
                             .arg(header.size()));
            continue;
        }
        Record rec;
        for (int c = 0; c < header.size(); ++c)
            rec.insert(header[c], row.fields[c]);
        for (const char* column : kFreeTextColumns)
            if (rec.contains(key(column)))
                rec[key(column)] = restoreFormula(rec.value(key(column)));
        if (auto s = toSession(rec, row.line, rules, today, problems, uuids))
            result.sessions << *s;
    }
    problems.moveInto(result);
    return result;
}

ImportResult parseJson(const QByteArray& data, const QString& fileName, const RuleBook& rules,
                       QDate today, int maxErrors) {
    ImportResult result;
    Problems problems(fileName, maxErrors);
    const auto text = decodeUtf8(data, fileName, problems);
    if (!text) {
        problems.moveInto(result);
        return result;
    }
    const QByteArray utf8 = text->toUtf8();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        problems.add(1 + int(utf8.left(parseError.offset).count('\n')), QString(),
                     QStringLiteral("invalid JSON: %1").arg(parseError.errorString()));
        problems.moveInto(result);
        return result;
    }
    QJsonArray sessions;
    if (doc.isArray()) {
        sessions = doc.array();
    } else if (doc.isObject() && doc.object().value(u"sessions").isArray()) {
        sessions = doc.object().value(u"sessions").toArray();
    } else {
        problems.add(1, key("sessions"),
                     QStringLiteral("expected an array of sessions or a Dermaplan export"));
        problems.moveInto(result);
        return result;
    }
    // The line each session object starts on: the n-th '{' at the sessions array's depth.
    QList<int> lines;
    {
        const qsizetype start = doc.isArray() ? utf8.indexOf('[') : utf8.indexOf("\"sessions\"");
        int depth = 0;
        int line = 1 + int(utf8.left(std::max<qsizetype>(0, start)).count('\n'));
        bool inString = false;
        bool arrayOpen = false;
        for (qsizetype i = std::max<qsizetype>(0, start); i < utf8.size(); ++i) {
            const char ch = utf8[i];
            if (ch == '\n')
                ++line;
            if (inString) {
                if (ch == '\\')
                    ++i;
                else if (ch == '"')
                    inString = false;
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == '[' || ch == '{') {
                if (!arrayOpen && ch == '[') {
                    arrayOpen = true;
                    depth = 1;
                    continue;
                }
                if (arrayOpen && depth == 1 && ch == '{')
                    lines << line;
                ++depth;
            } else if (ch == ']' || ch == '}') {
                if (--depth == 0 && arrayOpen)
                    break;
            }
        }
    }
    QSet<QString> uuids;
    for (qsizetype n = 0; n < sessions.size() && !problems.full(); ++n) {
        const int line = n < lines.size() ? lines[n] : 0;
        const QJsonValue v = sessions.at(n);
        if (!v.isObject()) {
            problems.add(line, QStringLiteral("sessions[%1]").arg(n),
                         QStringLiteral("is not an object"));
            continue;
        }
        const QJsonObject o = v.toObject();
        Record rec;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QJsonValue value = it.value();
            if (value.isArray()) {
                QStringList parts;
                for (const QJsonValue& p : value.toArray())
                    parts << p.toString();
                rec.insert(it.key(), parts.join(u';'));
            } else if (value.isDouble()) {
                rec.insert(it.key(), QString::number(value.toDouble(), 'g', 12));
            } else if (!value.isNull()) {
                rec.insert(it.key(), value.toString());
            }
        }
        if (o.contains(u"zones"))
            rec.remove(key("zone"));
        if (auto s = toSession(rec, line, rules, today, problems, uuids)) {
            // An id of the file is not an id here: the store assigns its own.
            result.sessions << *s;
        }
    }
    if (doc.isObject())
        parsePlansAndDevices(doc.object(), rules, today, result, problems);
    problems.moveInto(result);
    return result;
}

} // namespace dermaplan::io
