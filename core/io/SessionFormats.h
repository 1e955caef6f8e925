#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace dermaplan::io {

// One session as JSON: id, uuid, date, time, area, zone (zones joined with ","), zones,
// needle_mm, performed_by, device_id, pain, reaction, products, notes, contraindications,
// override_reason.
[[nodiscard]] QJsonObject sessionToJson(const Session& session);
[[nodiscard]] QJsonObject regimenToJson(const Regimen& regimen);
[[nodiscard]] QJsonObject deviceToJson(const Device& device);

// A JSON array of sessions (what `history --format json` prints).
[[nodiscard]] QByteArray historyJson(const QList<Session>& sessions);
// {"format": "dermaplan-export", "version": 1, "sessions": [...], "regimens": [...], "devices":
// [...]}
[[nodiscard]] QByteArray exportJson(const QList<Session>& sessions, const QList<Regimen>& regimens,
                                    const QList<Device>& devices);
// RFC 4180: a header row, CRLF line ends, UTF-8, one row per session (columns in docs/cli.md).
[[nodiscard]] QByteArray exportCsv(const QList<Session>& sessions);
[[nodiscard]] const QStringList& csvColumns();

struct ImportResult {
    QList<Session> sessions;
    QList<Regimen> regimens; // from a JSON export; ids are the file's
    QList<Device>
        devices; // from a JSON export; ids are the file's (sessions' device_id refer to them)
    QList<Error> errors; // "FILE:LINE: field: problem"; when not empty, nothing may be stored
    bool truncatedErrors = false;
};

// Validate everything and report every problem (up to maxErrors) with file, line and field.
// They never throw and never crash on any input.
[[nodiscard]] ImportResult parseCsv(const QByteArray& data, const QString& fileName,
                                    const RuleBook& rules, QDate today, int maxErrors = 20);
[[nodiscard]] ImportResult parseJson(const QByteArray& data, const QString& fileName,
                                     const RuleBook& rules, QDate today, int maxErrors = 20);

} // namespace dermaplan::io
