#include "SessionRecord.h"

#include "domain/IsoDate.h"
#include "io/SessionFile.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringTokenizer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace dermaplan::io {

namespace {

constexpr int kMaxFieldLength = 10000;

// A list field ("cheeks;forehead"): items split at ';' or ',', trimmed, empty ones dropped.
// QStringTokenizer, not a regular expression: one is compiled per call, for every row.
QStringList listItems(const QString& text) {
    QStringList items;
    for (const auto part : QStringTokenizer(text, u';'))
        for (const auto item : QStringTokenizer(part, u','))
            if (const auto trimmed = item.trimmed(); !trimmed.isEmpty())
                items << trimmed.toString();
    return items;
}

bool startsLikeAFormula(QStringView text) {
    return !text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.at(0));
}

// Whether an exported text gets a leading apostrophe: one that starts like a formula, and one
// that starts with apostrophes before such a start (its own first apostrophe would otherwise be
// taken for ours on import: "'-x" came back as "-x").
bool needsFormulaGuard(QStringView text) {
    while (text.startsWith(u'\''))
        text = text.mid(1);
    return startsLikeAFormula(text);
}

} // namespace

Problems::Problems(QString file, int max)
    : m_file(std::move(file))
    , m_max(max) {}

void Problems::add(int line, const QString& field, const QString& message) {
    if (m_errors.size() >= m_max) {
        m_truncated = true;
        return;
    }
    m_errors << Error::at(m_file, line, field, message);
}

void Problems::moveInto(ImportResult& r) {
    r.errors = m_errors;
    r.truncatedErrors = m_truncated;
    if (!r.errors.isEmpty()) {
        r.sessions.clear();
        r.records = {};
    }
}

void deliver(Session&& session, int line, const SessionSink& sink, ImportResult& result,
             Problems& problems) {
    if (!sink) {
        result.sessions << std::move(session);
        return;
    }
    if (const Status put = sink(std::move(session), line); !put)
        problems.add(line, put.error().field, put.error().message);
}

QString uuidTwiceMessage(const QString& uuid) {
    return QStringLiteral("'%1' appears twice in the file").arg(uuid);
}

void Record::insert(const QString& name, const QString& value) {
    if (QString* field = find(name))
        *field = value;
    else
        m_fields.emplaceBack(name, value);
}

void Record::remove(QStringView name) {
    m_fields.removeIf([name](const Field& f) { return f.first == name; });
}

QString Record::value(QStringView name) const {
    const QString* field = find(name);
    return field ? *field : QString();
}

QString* Record::find(QStringView name) {
    for (Field& f : m_fields)
        if (f.first == name)
            return &f.second;
    return nullptr;
}

const QString* Record::find(QStringView name) const {
    for (const Field& f : m_fields)
        if (f.first == name)
            return &f.second;
    return nullptr;
}

bool isSessionField(QStringView name) {
    static const QStringList fields{u"uuid"_s,
                                    u"date"_s,
                                    u"time"_s,
                                    u"area"_s,
                                    u"zones"_s,
                                    u"zone"_s,
                                    u"needle_mm"_s,
                                    u"performed_by"_s,
                                    u"device_id"_s,
                                    u"pain"_s,
                                    u"contraindications"_s,
                                    u"reaction"_s,
                                    u"products"_s,
                                    u"notes"_s,
                                    u"override_reason"_s};
    return fields.contains(name);
}

std::optional<Session> toSession(const Record& rec, int line, const RuleBook& rules, QDate today,
                                 Problems& problems, QSet<QString>* uuids) {
    bool ok = true;
    auto bad = [&](const char* field, const QString& message) {
        problems.add(line, QString::fromLatin1(field), message);
        ok = false;
    };
    for (const auto& [name, text] : rec.fields()) {
        if (text.size() > kMaxFieldLength)
            problems.add(line, name,
                         QStringLiteral("is %1 characters long (at most %2)")
                             .arg(text.size())
                             .arg(kMaxFieldLength)),
                ok = false;
        // A CSV file cannot hold one (it is refused as binary there): every format refuses it.
        if (text.contains(QChar(u'\0')))
            problems.add(line, name, nulCharacterMessage()), ok = false;
    }
    Session s;
    s.uuid = rec.value(u"uuid"_s).trimmed();
    if (!s.uuid.isEmpty()) {
        if (QUuid::fromString(s.uuid).isNull())
            bad("uuid", QStringLiteral("'%1' is not a UUID").arg(s.uuid.left(60)));
        else if (uuids && uuids->contains(s.uuid))
            bad("uuid", uuidTwiceMessage(s.uuid));
        if (uuids)
            uuids->insert(s.uuid);
    }
    const QString date = rec.value(u"date"_s).trimmed();
    const auto parsed = parseIsoDate(date, u"date"_s);
    s.date = parsed.valueOr(QDate());
    if (date.isEmpty())
        bad("date", QStringLiteral("is missing"));
    else if (!parsed)
        bad("date", parsed.error().message);
    else if (s.date > today)
        bad("date", QStringLiteral("%1 is in the future").arg(date));
    const QString time = rec.value(u"time"_s).trimmed();
    if (!time.isEmpty()) {
        const QTime t = QTime::fromString(time, QStringLiteral("HH:mm"));
        if (!t.isValid())
            bad("time", QStringLiteral("'%1' is not a time (use HH:MM)").arg(time.left(60)));
        else
            s.time = t;
    }
    s.area = rec.value(u"area"_s).trimmed();
    const QString zones = rec.contains(u"zones"_s) ? rec.value(u"zones"_s) : rec.value(u"zone"_s);
    s.zones = listItems(zones);
    if (s.area.isEmpty())
        bad("area", QStringLiteral("is missing"));
    else if (auto place = rules.validatePlace(s.area, s.zones); !place)
        bad(place.error().field == u"area" ? "area" : "zones", place.error().message);
    QString needle = rec.value(u"needle_mm"_s).trimmed();
    // "0,5" from a spreadsheet that writes decimals with a comma.
    static const QRegularExpression decimalComma(QStringLiteral("^\\d+,\\d+$"));
    if (decimalComma.match(needle).hasMatch())
        needle.replace(u',', u'.');
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
    const QString by = rec.value(u"performed_by"_s).trimmed();
    if (!by.isEmpty()) {
        const auto p = parsePerformer(by);
        if (!p)
            bad("performed_by", p.error().message);
        else
            s.performedBy = *p;
    }
    const QString device = rec.value(u"device_id"_s).trimmed();
    if (!device.isEmpty()) {
        bool isNumber = false;
        const qint64 id = device.toLongLong(&isNumber);
        if (!isNumber || id < 1)
            bad("device_id", QStringLiteral("'%1' is not a device id").arg(device.left(60)));
        else
            s.deviceId = id;
    }
    const QString pain = rec.value(u"pain"_s).trimmed();
    if (!pain.isEmpty()) {
        bool isNumber = false;
        const int p = pain.toInt(&isNumber);
        if (!isNumber || p < 0 || p > 10)
            bad("pain", QStringLiteral("'%1' is not a pain score from 0 to 10").arg(pain.left(60)));
        else
            s.pain = p;
    }
    for (const QString& item : listItems(rec.value(u"contraindications"_s))) {
        if (!rules.contraindication(item))
            bad("contraindications",
                QStringLiteral("'%1' is not a checklist item").arg(item.left(60)));
        else
            s.contraindications << item;
    }
    s.reaction = keptText(rec.value(u"reaction"_s));
    s.products = keptText(rec.value(u"products"_s));
    s.notes = keptText(rec.value(u"notes"_s));
    s.overrideReason = keptText(rec.value(u"override_reason"_s));
    return ok ? std::optional<Session>(s) : std::nullopt;
}

QString nulCharacterMessage() {
    return QStringLiteral("holds a NUL character (\\u0000), which no file Dermaplan writes can "
                          "keep; remove it");
}

QString nulByteMessage() {
    return QStringLiteral("binary data (a NUL byte): not a text file");
}

QString invalidUtf8Message() {
    return QStringLiteral("is not valid UTF-8 text");
}

int lineOfInvalidUtf8(QByteArrayView text) {
    int line = 0;
    for (qsizetype start = 0; start <= text.size(); ++line) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)QString(decoder.decode(text.sliced(start, end - start)));
        if (decoder.hasError())
            return line;
        start = end + 1;
    }
    return -1;
}

const QStringList& freeTextColumns() {
    static const QStringList columns{u"reaction"_s, u"products"_s, u"notes"_s,
                                     u"override_reason"_s};
    return columns;
}

QString neutraliseFormula(const QString& text) {
    return needsFormulaGuard(text) ? u'\'' + text : text;
}

QString restoreFormula(const QString& text) {
    return text.startsWith(u'\'') && needsFormulaGuard(QStringView(text).mid(1)) ? text.mid(1)
                                                                                 : text;
}

} // namespace dermaplan::io
