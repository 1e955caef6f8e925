#pragma once

#include "io/ImportResult.h"
#include "rules/RuleBook.h"

#include <QByteArray>
#include <QJsonObject>

class QIODevice;

namespace dermaplan::io {

// One session as JSON: id, uuid, date, time, area, zone (zones joined with ","), zones,
// needle_mm, performed_by, device_id, pain, reaction, products, notes, contraindications,
// override_reason, rule_broken.
[[nodiscard]] QJsonObject sessionToJson(const Session& session);
// An answer to "how is your skin?": history as JSON lists them under "followups".
[[nodiscard]] QJsonObject followUpToJson(const FollowUp& followUp);
[[nodiscard]] QJsonObject regimenToJson(const Regimen& regimen);
[[nodiscard]] QJsonObject deviceToJson(const Device& device);
// {"device_id", "cleaned_at": "YYYY-MM-DDTHH:MM"}
[[nodiscard]] QJsonObject cleaningToJson(const Cleaning& cleaning);
// {"id", "from", "to", "area" (null: every area), "reason"}
[[nodiscard]] QJsonObject pauseToJson(const Pause& pause);
// {"id", "name", "kind", "broken_skin": "yes" | "no" | "unknown"}
[[nodiscard]] QJsonObject productToJson(const Product& product);

// A JSON array of sessions (what `history --format json` prints).
[[nodiscard]] QByteArray historyJson(const QList<Session>& sessions);
// {"format": "dermaplan-export", "version": 1, "sessions": [...], and `records`: "regimens",
// "devices", "cleanings", "pauses", "products"}
[[nodiscard]] QByteArray exportJson(const QList<Session>& sessions, const Records& records = {});

// Reads either an array of sessions or a Dermaplan export, validating everything and reporting
// every problem (up to maxErrors) with file, line and field. The file is read once and walked a
// session at a time (JsonOutline): memory holds the file and the sessions, not a tree of it. Never
// throws, never crashes, on any input.
// With a sink, valid sessions go to it instead of the result's list (SessionSink).
[[nodiscard]] ImportResult parseJson(QIODevice& device, const QString& fileName,
                                     const RuleBook& rules, QDate today, int maxErrors = 20,
                                     const SessionSink& sink = {});
[[nodiscard]] ImportResult parseJson(const QByteArray& data, const QString& fileName,
                                     const RuleBook& rules, QDate today, int maxErrors = 20,
                                     const SessionSink& sink = {});

} // namespace dermaplan::io
