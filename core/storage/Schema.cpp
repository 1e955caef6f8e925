// The schema, as numbered migrations. Never edit a step that has shipped: add a new one.
#include "Database.h"

namespace dermaplan {

namespace {

// A step that creates tables does so with its indexes in one transaction: its first table
// being there means the whole step is.
QString tableExists(const QString& table) {
    return QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
        .arg(table);
}

} // namespace

const QList<Migration>& Database::migrations() {
    static const QList<Migration> steps{
        {1,
         QStringLiteral("initial schema"),
         {
             QStringLiteral(
                 "CREATE TABLE devices ("
                 " id INTEGER PRIMARY KEY,"
                 " name TEXT NOT NULL,"
                 " kind TEXT NOT NULL DEFAULT 'roller' CHECK (kind IN ('roller','stamp','pen')),"
                 " needle_um INTEGER NOT NULL CHECK (needle_um > 0),"
                 " needle_count INTEGER NOT NULL DEFAULT 0 CHECK (needle_count >= 0),"
                 " first_use TEXT,"
                 " retired_on TEXT)"),
             QStringLiteral("CREATE TABLE device_cleanings ("
                            " id INTEGER PRIMARY KEY,"
                            " device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,"
                            " cleaned_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX device_cleanings_by_device ON "
                            "device_cleanings(device_id, cleaned_at)"),
             QStringLiteral(
                 "CREATE TABLE sessions ("
                 " id INTEGER PRIMARY KEY,"
                 " uuid TEXT NOT NULL UNIQUE,"
                 " date TEXT NOT NULL,"
                 " time TEXT,"
                 " area TEXT NOT NULL,"
                 " zones TEXT NOT NULL DEFAULT '',"
                 " needle_um INTEGER NOT NULL CHECK (needle_um > 0),"
                 " performed_by TEXT NOT NULL DEFAULT 'self' CHECK (performed_by IN "
                 "('self','professional')),"
                 " device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,"
                 " pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
                 " reaction TEXT NOT NULL DEFAULT '',"
                 " products TEXT NOT NULL DEFAULT '',"
                 " notes TEXT NOT NULL DEFAULT '',"
                 " override_reason TEXT NOT NULL DEFAULT '',"
                 " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
                 " updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"),
             QStringLiteral("CREATE INDEX sessions_by_area_date ON sessions(area, date)"),
             QStringLiteral("CREATE INDEX sessions_by_date ON sessions(date, id)"),
             QStringLiteral("CREATE INDEX sessions_by_device ON sessions(device_id)"),
             QStringLiteral(
                 "CREATE TABLE session_contraindications ("
                 " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                 " item TEXT NOT NULL,"
                 " PRIMARY KEY (session_id, item))"),
             QStringLiteral("CREATE TABLE regimens ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " area TEXT NOT NULL,"
                            " zones TEXT NOT NULL DEFAULT '',"
                            " needle_um INTEGER NOT NULL CHECK (needle_um > 0),"
                            " every_days INTEGER NOT NULL CHECK (every_days > 0),"
                            " start TEXT NOT NULL,"
                            " weeks INTEGER CHECK (weeks > 0),"
                            " ended_on TEXT,"
                            " performed_by TEXT NOT NULL DEFAULT 'self' CHECK (performed_by IN "
                            "('self','professional')),"
                            " template TEXT NOT NULL DEFAULT '',"
                            " goal TEXT NOT NULL DEFAULT '',"
                            " notes TEXT NOT NULL DEFAULT '')"),
         },
         tableExists(QStringLiteral("sessions"))},
        // A stable identity for the database, so that calendar exports keep their event UIDs
        // when the file is moved or restored.
        {2,
         QStringLiteral("database identity"),
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("INSERT INTO meta (key, value) VALUES ('database_uuid', "
                            "lower(hex(randomblob(16))))"),
         },
         tableExists(QStringLiteral("meta"))},
        // Imported sessions that break a rule say which one (they happened; history keeps them).
        {3,
         QStringLiteral("rule broken by an imported session"),
         {
             QStringLiteral("ALTER TABLE sessions ADD COLUMN rule_broken TEXT NOT NULL DEFAULT ''"),
         },
         QStringLiteral(
             "SELECT COUNT(*) FROM pragma_table_info('sessions') WHERE name = 'rule_broken'")},
        // Readiness reads each needle's latest session in an area's window: with the needle,
        // device and time in the area's index it reads that index alone, not a table row per
        // session in the window.
        {4,
         QStringLiteral("readiness from the area index alone"),
         {
             QStringLiteral("DROP INDEX IF EXISTS sessions_by_area_date"),
             QStringLiteral("CREATE INDEX sessions_by_area_date ON "
                            "sessions(area, date, time, needle_um, device_id)"),
         }},
        // Answers to "how is your skin?" after a session; they go with their session.
        {5,
         QStringLiteral("reaction follow-ups"),
         {
             QStringLiteral(
                 "CREATE TABLE followups ("
                 " id INTEGER PRIMARY KEY,"
                 " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                 " date TEXT NOT NULL,"
                 " state TEXT NOT NULL,"
                 " notes TEXT NOT NULL DEFAULT '',"
                 " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"),
             QStringLiteral("CREATE INDEX followups_by_session ON followups(session_id, date)"),
             // Readiness looks for reactions that may still hold an area: few rows, by state.
             QStringLiteral("CREATE INDEX followups_by_state ON followups(state, session_id)"),
         },
         tableExists(QStringLiteral("followups"))},
        // Days without sessions, on one area ('') or all; the planner moves sessions past them.
        {6,
         QStringLiteral("pauses"),
         {
             QStringLiteral("CREATE TABLE pauses ("
                            " id INTEGER PRIMARY KEY,"
                            " first_day TEXT NOT NULL,"
                            " last_day TEXT NOT NULL CHECK (last_day >= first_day),"
                            " area TEXT NOT NULL DEFAULT '',"
                            " reason TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX pauses_by_last_day ON pauses(last_day)"),
         },
         tableExists(QStringLiteral("pauses"))},
        // The user's products, chosen when logging; whether each is meant for broken skin.
        {7,
         QStringLiteral("products"),
         {
             QStringLiteral("CREATE TABLE products ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            " kind TEXT NOT NULL DEFAULT 'other',"
                            " broken_skin TEXT NOT NULL DEFAULT 'unknown' CHECK (broken_skin IN "
                            "('yes','no','unknown')))"),
         },
         tableExists(QStringLiteral("products"))},
    };
    return steps;
}

} // namespace dermaplan
