#include "JsonFormat.h"

#include "io/SessionStream.h"

#include "domain/IsoDate.h"
#include "io/JsonOutline.h"
#include "io/SessionRecord.h"
#include "rules/RecordCheck.h"
#include "rules/SafetyCheck.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace dermaplan::io {

namespace {

QJsonValue dateOrNull(const std::optional<QDate>& d) {
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue();
}

std::optional<QDate> optionalDate(const QJsonValue& v, bool& ok) {
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    const auto d = parseIsoDate(v.toString(), {});
    ok = ok && d;
    return d.valueOr(QDate());
}

// The text member `key` of a record, `fallback` when it is absent or null; any other kind of
// value (a number, true, a list) is a problem named by its path, never read as the fallback.
std::optional<QString> textOr(const QJsonObject& o, const QString& key, const QString& fallback,
                              const QString& path, Problems& problems) {
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (v.isString())
        return v.toString();
    problems.add(0, path + u'.' + key, QStringLiteral("must be a text"));
    return std::nullopt;
}

// The list `key` of an export's records: none when absent; a problem when it is not a list.
QJsonArray listOf(const QJsonObject& root, const QString& key, Problems& problems) {
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        problems.add(0, key, QStringLiteral("is not a list"));
    return value.toArray();
}

// Each object of the list `key`, with its path ("devices[2]"); an element that is not one is a
// problem.
template <typename Visit>
void forEachObject(const QJsonObject& root, const QString& key, Problems& problems, Visit visit) {
    const QJsonArray list = listOf(root, key, problems);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (list.at(i).isObject())
            visit(list.at(i).toObject(), path);
        else
            problems.add(0, path, QStringLiteral("is not an object"));
    }
}

// `ids` gets every device id of the file, valid device or not (a cleaning of an invalid device
// is not reported a second time).
void parseDevices(const QJsonObject& root, const RuleBook& rules, QDate today, QList<Device>& out,
                  QSet<qint64>& ids, Problems& problems) {
    forEachObject(root, u"devices"_s, problems, [&](const QJsonObject& o, const QString& path) {
        Device d;
        d.id = o.value(u"id").toInteger();
        if (d.id > 0 && ids.contains(d.id)) {
            problems.add(0, path + QStringLiteral(".id"),
                         QStringLiteral("%1 is the id of an earlier device too").arg(d.id));
            return;
        }
        ids.insert(d.id);
        d.name = o.value(u"name").toString().trimmed();
        const auto kind = textOr(o, u"kind"_s, QStringLiteral("roller"), path, problems);
        if (!kind)
            return;
        d.kind = *kind;
        d.needle = NeedleLength::fromMillimetres(o.value(u"needle_mm").toDouble(-1));
        d.needleCount = o.value(u"needle_count").toInt(0);
        bool datesOk = true;
        d.firstUse = optionalDate(o.value(u"first_use"), datesOk).value_or(QDate());
        d.retiredOn = optionalDate(o.value(u"retired_on"), datesOk);
        const Status valid = validateDevice(d, rules, today);
        if (d.id < 1)
            problems.add(0, path + QStringLiteral(".id"),
                         QStringLiteral("must be a positive number"));
        else if (!valid && valid.error().field == u"needle")
            problems.add(0, path + QStringLiteral(".needle_mm"),
                         o.value(u"needle_mm").isUndefined() ? QStringLiteral("is missing")
                         : !o.value(u"needle_mm").isDouble()
                             ? QStringLiteral("must be a length in millimetres")
                             : valid.error().message);
        else if (!valid)
            problems.add(0, path + u'.' + valid.error().field, valid.error().message);
        else if (!datesOk)
            problems.add(0, path + QStringLiteral(".first_use"),
                         QStringLiteral("dates must be YYYY-MM-DD"));
        else
            out << d;
    });
}

void parseRegimens(const QJsonObject& root, const RuleBook& rules, QList<Regimen>& out,
                   Problems& problems) {
    forEachObject(root, u"regimens"_s, problems, [&](const QJsonObject& o, const QString& path) {
        Regimen r;
        r.name = o.value(u"name").toString();
        r.area = o.value(u"area").toString();
        for (const QJsonValue& z : o.value(u"zones").toArray())
            r.zones << z.toString();
        r.needle = NeedleLength::fromMillimetres(o.value(u"needle_mm").toDouble(-1));
        r.everyDays = o.value(u"every_days").toInt(0);
        r.start = parseIsoDate(o.value(u"start").toString(), {}).valueOr(QDate());
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
            out << r;
    });
}

// Cleanings name a device of the file (`deviceIds`, valid or not: an invalid one is reported
// as itself) and a moment not after today.
void parseCleanings(const QJsonObject& root, const QSet<qint64>& deviceIds, QDate today,
                    QList<Cleaning>& out, Problems& problems) {
    forEachObject(root, u"cleanings"_s, problems, [&](const QJsonObject& o, const QString& path) {
        const qint64 deviceId = o.value(u"device_id").toInteger();
        const auto at = parseIsoMinute(o.value(u"cleaned_at").toString(), u"cleaned_at"_s);
        if (!deviceIds.contains(deviceId))
            problems.add(0, path + QStringLiteral(".device_id"),
                         QStringLiteral("is not the id of a device in this file's \"devices\""));
        else if (!at)
            problems.add(0, path + QStringLiteral(".cleaned_at"), at.error().message);
        else if (at->date() > today)
            problems.add(0, path + QStringLiteral(".cleaned_at"),
                         QStringLiteral("%1 is in the future (today is %2)")
                             .arg(isoMinuteText(*at), isoDateText(today)));
        else
            out << Cleaning{deviceId, *at};
    });
}

void parsePauses(const QJsonObject& root, const RuleBook& rules, QList<Pause>& out,
                 Problems& problems) {
    forEachObject(root, u"pauses"_s, problems, [&](const QJsonObject& o, const QString& path) {
        Pause p;
        const auto from = parseIsoDate(o.value(u"from").toString(), u"from"_s);
        const auto to = parseIsoDate(o.value(u"to").toString(), u"to"_s);
        p.from = from.valueOr(QDate());
        p.to = to.valueOr(QDate());
        const auto area = textOr(o, u"area"_s, QString(), path, problems);
        const auto reason = textOr(o, u"reason"_s, QString(), path, problems);
        if (!area || !reason)
            return;
        p.area = *area; // none (null, absent or empty): every area
        p.reason = reason->trimmed();
        const Status valid = validatePause(p, rules);
        if (!from)
            problems.add(0, path + QStringLiteral(".from"), from.error().message);
        else if (!to)
            problems.add(0, path + QStringLiteral(".to"), to.error().message);
        else if (!valid)
            problems.add(0, path + u'.' + valid.error().field, valid.error().message);
        else
            out << p;
    });
}

// Products: each name once (whatever its case), as the database keeps them.
void parseProducts(const QJsonObject& root, QList<Product>& out, Problems& problems) {
    forEachObject(root, u"products"_s, problems, [&](const QJsonObject& o, const QString& path) {
        Product p;
        p.name = o.value(u"name").toString().trimmed();
        const auto kind = textOr(o, u"kind"_s, QStringLiteral("other"), path, problems);
        const auto brokenSkin =
            textOr(o, u"broken_skin"_s, QStringLiteral("unknown"), path, problems);
        if (!kind || !brokenSkin)
            return;
        p.kind = *kind;
        bool known = false;
        p.brokenSkin = brokenSkinFromId(*brokenSkin, &known);
        const Status valid = validateProduct(p);
        const bool twice = std::any_of(out.cbegin(), out.cend(), [&p](const Product& earlier) {
            return sameProductName(earlier.name, p.name);
        });
        if (!valid)
            problems.add(0, path + u'.' + valid.error().field, valid.error().message);
        else if (!known)
            problems.add(0, path + QStringLiteral(".broken_skin"),
                         QStringLiteral("'%1' is not yes, no or unknown").arg(*brokenSkin));
        else if (twice)
            problems.add(0, path + QStringLiteral(".name"),
                         QStringLiteral("\"%1\" is listed twice").arg(p.name));
        else
            out << p;
    });
}

// The records of a Dermaplan JSON export, validated; problems are named by path.
void parseRecords(const QJsonObject& root, const RuleBook& rules, QDate today, Records& records,
                  Problems& problems) {
    QSet<qint64> deviceIds;
    parseDevices(root, rules, today, records.devices, deviceIds, problems);
    parseRegimens(root, rules, records.regimens, problems);
    parseCleanings(root, deviceIds, today, records.cleanings, problems);
    parsePauses(root, rules, records.pauses, problems);
    parseProducts(root, records.products, problems);
}

// The line of the first problem that makes `data` no text: a NUL byte or invalid UTF-8. The
// check decodes a chunk at a time into one reused buffer, so no copy of the file is made.
std::optional<std::pair<int, QString>> notText(QByteArrayView data) {
    const qsizetype nul = data.indexOf('\0');
    if (nul >= 0)
        return std::pair{1 + int(data.first(nul).count('\n')), nulByteMessage()};
    constexpr qsizetype kChunk = 64 * 1024;
    QStringDecoder decoder(QStringDecoder::Utf8);
    std::vector<QChar> buffer(decoder.requiredSpace(kChunk));
    for (qsizetype at = 0; at < data.size(); at += kChunk) {
        (void)decoder.appendToBuffer(buffer.data(),
                                     data.sliced(at, std::min(kChunk, data.size() - at)));
        if (!decoder.hasError())
            continue;
        // Rare: find the line.
        return std::pair{1 + std::max(0, lineOfInvalidUtf8(data)), invalidUtf8Message()};
    }
    // (A sequence cut off by the end of the file is left to the JSON walk: it is inside a
    // string that never closes.)
    return std::nullopt;
}

// A session's "followups" (an export's, or history's): each answer's day, state and notes,
// checked as the app checks an answer (a state the rules know, a day from the session's to
// today). Problems are named "sessions[N].followups[K].field".
QList<FollowUp> toFollowUps(const QJsonValue& value, const Session& session, int line, qsizetype n,
                            const RuleBook& rules, QDate today, Problems& problems) {
    QList<FollowUp> out;
    if (value.isUndefined() || value.isNull())
        return out;
    const QString where = QStringLiteral("sessions[%1].followups").arg(n);
    if (!value.isArray()) {
        problems.add(line, where, QStringLiteral("is not a list of follow-up answers"));
        return out;
    }
    const QJsonArray answers = value.toArray();
    for (qsizetype k = 0; k < answers.size(); ++k) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(k);
        const QJsonObject o = answers.at(k).toObject();
        FollowUp f;
        const QString dateText = o.value(u"date").toString();
        const auto date = parseIsoDate(dateText, u"date"_s);
        f.date = date.valueOr(QDate());
        f.state = o.value(u"state").toString();
        f.notes = o.value(u"notes").toString();
        if (!answers.at(k).isObject())
            problems.add(line, at, QStringLiteral("is not an object"));
        else if (!date)
            problems.add(line, at + QStringLiteral(".date"), date.error().message);
        else if (f.date < session.date || f.date > today)
            problems.add(line, at + QStringLiteral(".date"),
                         QStringLiteral("%1 is not between the session's day (%2) and today")
                             .arg(dateText, isoDateText(session.date)));
        else if (!rules.followUp().state(f.state))
            problems.add(line, at + QStringLiteral(".state"),
                         QStringLiteral("'%1' is not a follow-up state").arg(f.state));
        else
            out << f;
    }
    return out;
}

} // namespace

QJsonObject sessionToJson(const Session& s) {
    return QJsonObject{
        {u"id"_s, s.id},
        {u"uuid"_s, s.uuid},
        {u"date"_s, s.date.toString(Qt::ISODate)},
        {u"time"_s, s.time ? QJsonValue(s.time->toString(QStringLiteral("HH:mm"))) : QJsonValue()},
        {u"area"_s, s.area},
        {u"zone"_s, s.zones.join(u',')},
        {u"zones"_s, QJsonArray::fromStringList(s.zones)},
        {u"needle_mm"_s, s.needle.millimetres()},
        {u"performed_by"_s, performerId(s.performedBy)},
        {u"device_id"_s, s.deviceId ? QJsonValue(*s.deviceId) : QJsonValue()},
        {u"pain"_s, s.pain ? QJsonValue(*s.pain) : QJsonValue()},
        {u"reaction"_s, s.reaction},
        {u"products"_s, s.products},
        {u"notes"_s, s.notes},
        {u"contraindications"_s, QJsonArray::fromStringList(s.contraindications)},
        {u"override_reason"_s, s.overrideReason},
        {u"rule_broken"_s, s.ruleBroken},
    };
}

QJsonObject followUpToJson(const FollowUp& f) {
    return QJsonObject{
        {u"id"_s, f.id},
        {u"session_id"_s, f.sessionId},
        {u"date"_s, f.date.toString(Qt::ISODate)},
        {u"state"_s, f.state},
        {u"notes"_s, f.notes},
    };
}

QJsonObject regimenToJson(const Regimen& r) {
    return QJsonObject{
        {u"id"_s, r.id},
        {u"name"_s, r.name},
        {u"area"_s, r.area},
        {u"zones"_s, QJsonArray::fromStringList(r.zones)},
        {u"needle_mm"_s, r.needle.millimetres()},
        {u"every_days"_s, r.everyDays},
        {u"start"_s, r.start.toString(Qt::ISODate)},
        {u"weeks"_s, r.weeks ? QJsonValue(*r.weeks) : QJsonValue()},
        {u"ended_on"_s, dateOrNull(r.endedOn)},
        {u"performed_by"_s, performerId(r.performedBy)},
        {u"template"_s, r.templateId},
        {u"goal"_s, r.goal},
        {u"notes"_s, r.notes},
    };
}

QJsonObject deviceToJson(const Device& d) {
    return QJsonObject{
        {u"id"_s, d.id},
        {u"name"_s, d.name},
        {u"kind"_s, d.kind},
        {u"needle_mm"_s, d.needle.millimetres()},
        {u"needle_count"_s, d.needleCount},
        {u"first_use"_s,
         d.firstUse.isValid() ? QJsonValue(d.firstUse.toString(Qt::ISODate)) : QJsonValue()},
        {u"retired_on"_s, dateOrNull(d.retiredOn)},
    };
}

QJsonObject cleaningToJson(const Cleaning& c) {
    return QJsonObject{
        {u"device_id"_s, c.deviceId},
        {u"cleaned_at"_s, isoMinuteText(c.at)},
    };
}

QJsonObject pauseToJson(const Pause& p) {
    return QJsonObject{
        {u"id"_s, p.id},
        {u"from"_s, isoDateText(p.from)},
        {u"to"_s, isoDateText(p.to)},
        {u"area"_s, p.area.isEmpty() ? QJsonValue() : QJsonValue(p.area)},
        {u"reason"_s, p.reason},
    };
}

QJsonObject productToJson(const Product& p) {
    return QJsonObject{
        {u"id"_s, p.id},
        {u"name"_s, p.name},
        {u"kind"_s, p.kind},
        {u"broken_skin"_s, brokenSkinId(p.brokenSkin)},
    };
}

namespace {

// Runs `stream` over `sessions` into one byte array.
QByteArray streamed(SessionStream::Format format, const QList<Session>& sessions,
                    const Records& records = {}) {
    QByteArray out;
    SessionStream stream(format, [&out](QByteArrayView chunk) {
        out += chunk;
        return success();
    });
    (void)stream.begin(records);
    for (const Session& s : sessions)
        (void)stream.add(s);
    (void)stream.finish();
    return out;
}

} // namespace

QByteArray historyJson(const QList<Session>& sessions) {
    return streamed(SessionStream::Format::HistoryJson, sessions);
}

QByteArray exportJson(const QList<Session>& sessions, const Records& records) {
    return streamed(SessionStream::Format::ExportJson, sessions, records);
}

ImportResult parseJson(const QByteArray& raw, const QString& fileName, const RuleBook& rules,
                       QDate today, int maxErrors, const SessionSink& sink) {
    ImportResult result;
    Problems problems(fileName, maxErrors);
    QByteArrayView view(raw);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    if (const auto bad = notText(view)) {
        problems.add(bad->first, QString(), bad->second);
        problems.moveInto(result);
        return result;
    }
    QSet<QString> uuids;
    JsonOutline outline(view);
    const auto problem = outline.walk([&](qsizetype n, int line, const QJsonValue& v) {
        if (!v.isObject()) {
            problems.add(line, QStringLiteral("sessions[%1]").arg(n),
                         QStringLiteral("is not an object"));
            return !problems.full();
        }
        const QJsonObject o = v.toObject();
        Record rec;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            // Members a session does not have are never read: left out, however many there are.
            if (!isSessionField(it.key()))
                continue;
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
            rec.remove(u"zone"_s);
        if (auto s = toSession(rec, line, rules, today, problems, sink ? nullptr : &uuids)) {
            s->followUps = toFollowUps(o.value(u"followups"), *s, line, n, rules, today, problems);
            // Its id is the file's, not one here: the store assigns one.
            deliver(std::move(*s), line, sink, result, problems);
        }
        return !problems.full();
    });
    if (problem)
        problems.add(problem->line, QString(), problem->message);
    else if (!outline.foundSessions())
        problems.add(1, u"sessions"_s,
                     QStringLiteral("expected an array of sessions or a Dermaplan export"));
    else if (!outline.topLevelIsArray())
        parseRecords(outline.otherMembers(), rules, today, result.records, problems);
    problems.moveInto(result);
    return result;
}

ImportResult parseJson(QIODevice& device, const QString& fileName, const RuleBook& rules,
                       QDate today, int maxErrors, const SessionSink& sink) {
    // One copy of the file, walked a session at a time. (Mapping it would save the copy, but a
    // file truncated by another program meanwhile would then crash the reader.)
    return parseJson(device.readAll(), fileName, rules, today, maxErrors, sink);
}

} // namespace dermaplan::io
