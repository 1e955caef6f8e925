#include "JsonFormat.h"

#include "io/SessionStream.h"

#include "domain/IsoDate.h"
#include "io/JsonOutline.h"
#include "io/SessionRecord.h"
#include "rules/DeviceCheck.h"
#include "rules/SafetyCheck.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

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
            result.regimens << r;
    }
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

namespace {

// Runs `stream` over `sessions` into one byte array.
QByteArray streamed(SessionStream::Format format, const QList<Session>& sessions,
                    const QList<Regimen>& regimens = {}, const QList<Device>& devices = {}) {
    QByteArray out;
    SessionStream stream(format, [&out](QByteArrayView chunk) {
        out += chunk;
        return success();
    });
    (void)stream.begin(regimens, devices);
    for (const Session& s : sessions)
        (void)stream.add(s);
    (void)stream.finish();
    return out;
}

} // namespace

QByteArray historyJson(const QList<Session>& sessions) {
    return streamed(SessionStream::Format::HistoryJson, sessions);
}

QByteArray exportJson(const QList<Session>& sessions, const QList<Regimen>& regimens,
                      const QList<Device>& devices) {
    return streamed(SessionStream::Format::ExportJson, sessions, regimens, devices);
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
        parsePlansAndDevices(outline.otherMembers(), rules, today, result, problems);
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
