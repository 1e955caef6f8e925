#pragma once

#include "Result.h"
#include "domain/Device.h"
#include "domain/FollowUp.h"
#include "domain/Product.h"
#include "domain/Progress.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "domain/SessionFilter.h"
#include "io/SessionStream.h"
#include "logbook/DayGuide.h"
#include "logbook/Import.h"
#include "logbook/Reminders.h"
#include "logbook/Stats.h"
#include "planning/Planner.h"
#include "planning/WeeklySchedule.h"
#include "rules/DeviceStatus.h"
#include "rules/Readiness.h"
#include "rules/RuleBook.h"
#include "rules/SafetyCheck.h"

#include <QDate>
#include <QObject>

#include <functional>
#include <optional>

namespace dermaplan {

class Database;

// Where "today" comes from: the system clock in the apps, a fixed or moving day in tests. Read
// at each use, so an app left open overnight moves on with the date.
using TodayClock = std::function<QDate()>;

// A session offered to the logbook and what became of it.
struct LogOutcome {
    Verdict verdict;
    std::optional<qint64> id; // set when it was stored; empty when a refusal blocked it
};

// The use cases both faces call (design.md, core/logbook): every answer a person reads —
// readiness per area and needle, device status, plans, checks — is computed here once, from
// indexed queries that load what the use case needs, never whole tables. Every write goes
// through here and is followed by one changed() signal.
class Logbook final : public QObject {
    Q_OBJECT
public:
    Logbook(Database& db, const RuleBook& rules, TodayClock today, QObject* parent = nullptr);

    [[nodiscard]] const RuleBook& rules() const { return m_rules; }
    [[nodiscard]] QDate today() const;

    // Sessions
    // `withFollowUps`: each with its follow-up answers (a page of history shows them).
    [[nodiscard]] Result<QList<Session>> sessions(const SessionFilter& filter,
                                                  bool withFollowUps = false) const;
    [[nodiscard]] Result<int> sessionCount(const SessionFilter& filter) const;
    [[nodiscard]] Result<Session> session(qint64 id) const;
    // The verdict for a draft against every session that can matter and its device.
    [[nodiscard]] Result<Verdict> check(const Session& draft) const;
    // Checks and stores in one transaction. A refusal without an override reason is not stored;
    // an override reason is kept only when a rule was really overridden.
    [[nodiscard]] Result<LogOutcome> log(const Session& draft);
    // A person's edit: checked and stored in one transaction, like log(), so that a session a
    // second program logged meanwhile is taken into account. A refusal without an override
    // reason is an error naming the rule, and nothing is stored.
    [[nodiscard]] Status editSession(const Session& session);
    // Puts a session back as it was (undo): history is restored, not judged again.
    [[nodiscard]] Status updateSession(const Session& session);
    // Deletes a session and its follow-up answers in one write; returns the answers, so that an
    // undo can put them back.
    [[nodiscard]] Result<QList<FollowUp>> removeSession(qint64 id);
    // Puts back a removed session with its uuid and the follow-up answers it had (undo), in one
    // write; returns its id (the old one if free).
    [[nodiscard]] Result<qint64> restoreSession(const Session& session,
                                                const QList<FollowUp>& answers = {});

    // Follow-ups: answers to "how is your skin?" after a session (domain guide, "Reaction
    // follow-up"). They move the session's area's readiness, the plan and the schedule.
    // Validates the answer (a known state, a day from the session's to today) and stores it.
    [[nodiscard]] Result<qint64> addFollowUp(const FollowUp& followUp);
    [[nodiscard]] Status removeFollowUp(qint64 id);
    // Puts back a removed answer (undo), with its id when that is free.
    [[nodiscard]] Result<qint64> restoreFollowUp(const FollowUp& followUp);
    // The answers about a session, oldest first.
    [[nodiscard]] Result<QList<FollowUp>> followUps(qint64 sessionId) const;
    // The questions due today, oldest session first.
    [[nodiscard]] Result<QList<DueFollowUp>> followUpsDue() const;

    // How it is going over [from, to] on `area` (every area when empty): sessions, pain and
    // reactions per week, each regimen's adherence, devices (Stats.h). Aggregated by SQLite.
    // Grouped by `period` (ISO weeks unless asked otherwise).
    [[nodiscard]] Result<Stats> stats(QDate from, QDate to, const QString& area = {},
                                      StatsPeriod period = StatsPeriod::Week) const;

    // Readiness
    [[nodiscard]] Result<Readiness> readiness(const QString& area,
                                              const Placement& placement = {}) const;
    // What to do today (DayGuide): due sessions, aftercare, devices, every area's readiness.
    [[nodiscard]] Result<DayGuide> dayGuide() const;
    // What to remind of today (Reminders.h), after the planned sessions of the days since
    // `lastSeen` (the last day reminders were looked at; invalid: never) that went by without
    // a session, up to a week back.
    [[nodiscard]] Result<QList<Reminder>> reminders(QDate lastSeen, const QLocale& locale) const;
    // A new session as a person most likely logs it today, on `area` or (empty) on the area of
    // today's planned session, else of the latest one: that session's zones and needle, and the
    // device last used there unless it was retired. Nothing known: only the date is set.
    [[nodiscard]] Result<Session> proposedSession(const QString& area = {}) const;
    // The last session on `area`, if any.
    [[nodiscard]] Result<std::optional<Session>> lastSession(const QString& area) const;

    // Regimens and plans
    [[nodiscard]] Result<QList<Regimen>> regimens(bool includeEnded) const;
    [[nodiscard]] Result<Regimen> regimen(qint64 id) const;
    [[nodiscard]] Result<Verdict> checkRegimen(const Regimen& regimen) const;
    // Stores a regimen the check does not refuse.
    [[nodiscard]] Result<qint64> addRegimen(const Regimen& regimen);
    [[nodiscard]] Status updateRegimen(const Regimen& regimen);
    // Ends a regimen on `lastDay` (its history stays).
    [[nodiscard]] Status endRegimen(qint64 id, QDate lastDay);
    [[nodiscard]] Status removeRegimen(qint64 id);
    // Puts back a removed regimen (undo), with its id when that is free; returns its id.
    [[nodiscard]] Result<qint64> restoreRegimen(const Regimen& regimen);
    [[nodiscard]] Result<Plan> plan(QDate from, QDate to) const;
    // What a calendar of [from, to] shows: the plan, the sessions logged in it, and the
    // recovery spans of logged sessions that reach into it.
    struct CalendarDays {
        Plan plan;
        QList<Session> logged;
        QList<RecoverySpan> recovering;
        QList<Pause> pauses; // those that reach into [from, to]
    };
    [[nodiscard]] Result<CalendarDays> calendarDays(QDate from, QDate to) const;
    [[nodiscard]] Result<WeeklySchedule> schedule(QDate from, QDate to) const;
    // The planned sessions in [from, to] as an iCalendar file (io::planCalendar).
    [[nodiscard]] Result<QByteArray> calendar(QDate from, QDate to,
                                              std::optional<QTime> reminderAt) const;

    // Pauses: days without sessions; the plan moves past them (Pause.h)
    // The pauses that end on or after `endingFrom` (all when invalid), by first day.
    [[nodiscard]] Result<QList<Pause>> pauses(QDate endingFrom = {}) const;
    // Validates (dates in order, a known area or every area) and stores a pause.
    [[nodiscard]] Result<qint64> addPause(const Pause& pause);
    // Removes a pause and returns it as it was (for undo).
    [[nodiscard]] Result<Pause> removePause(qint64 id);
    // Puts back a removed pause, with its id when that is free.
    [[nodiscard]] Result<qint64> restorePause(const Pause& pause);

    // Products: the user's list, chosen when logging (Product.h)
    [[nodiscard]] Result<QList<Product>> products() const;
    // Validates (a name not yet in the list, a known kind) and stores a product.
    [[nodiscard]] Result<qint64> addProduct(const Product& product);
    // Removes a product and returns it as it was (for undo); sessions keep the name.
    [[nodiscard]] Result<Product> removeProduct(qint64 id);
    [[nodiscard]] Result<qint64> restoreProduct(const Product& product);

    // Devices
    [[nodiscard]] Result<QList<Device>> devices(bool includeRetired) const;
    // The device as stored.
    [[nodiscard]] Result<Device> device(qint64 id) const;
    [[nodiscard]] Result<DeviceStatus> deviceStatus(qint64 id) const;
    [[nodiscard]] Result<QList<DeviceStatus>> deviceStatuses(bool includeRetired) const;
    [[nodiscard]] Result<qint64> addDevice(const Device& device);
    [[nodiscard]] Status recordCleaning(qint64 id, const QDateTime& when);
    [[nodiscard]] Status retireDevice(qint64 id, QDate day);
    // Undo's counterparts: a device put back as it was (with its id when free), an added one
    // removed (refused once sessions were logged with it), a cleaning taken back.
    [[nodiscard]] Status updateDevice(const Device& device);
    [[nodiscard]] Result<qint64> restoreDevice(const Device& device);
    [[nodiscard]] Status removeDevice(qint64 id);
    [[nodiscard]] Status removeCleaning(qint64 id, const QDateTime& when);

    // Import (Import.h: a file is read by readImportFile, before any database is opened) and
    // export.
    // What importing `source` would do: no duplicates (by uuid), device links only where the
    // device exists, every new session checked against the rules in date order and flagged with
    // the rule it breaks, the records already here matched, not copied. Any problem in the file:
    // its first problem. Runs outside any transaction: `progress` may show a dialog and process
    // events meanwhile without holding the write lock; returning false cancels.
    [[nodiscard]] Result<ImportPlan> planImport(ImportSource source,
                                                const Progress& progress = {}) const;
    // Stores the plan (devices, regimens, cleanings, pauses, products, then the sessions from
    // the spool, links remapped) in one transaction, and says what it added; `progress` may
    // cancel, which stores nothing.
    [[nodiscard]] Result<ImportReceipt> runImport(const ImportPlan& plan,
                                                  const Progress& progress = {});
    // Removes what an import added (undo), in one transaction.
    [[nodiscard]] Status takeBackImport(const ImportReceipt& receipt);
    // The sessions matching `filter` in `format` (an ExportJson carries every regimen, device,
    // cleaning, pause and product too), streamed into `sink` a chunk at a time from one read
    // transaction: one moment's history even while another program writes, in memory that does not
    // grow with it.
    [[nodiscard]] Status writeSessions(const SessionFilter& filter,
                                       io::SessionStream::Format format, const io::ByteSink& sink,
                                       const io::CsvDialect& dialect = {}) const;

    // Emits changed() when another program (the CLI on the same file) committed since the last
    // look (SQLite's data_version).
    void checkForOutsideChanges();
    // For writes made around the logbook (an import runs its own transaction).
    void announceChange();

signals:
    void changed();

private:
    // What an export carries beside the sessions: every record of each kind.
    [[nodiscard]] Result<io::Records> exportRecords() const;
    // Announces a write that succeeded and hands its result on.
    template <typename T> [[nodiscard]] Result<T> written(Result<T> result) {
        if (result)
            announceChange();
        return result;
    }
    // What planning [from, to] needs: every regimen and the sessions that can bear on it (on the
    // regimens' areas, or on every area).
    struct Planning {
        QList<Regimen> regimens;
        QList<Session> history;
        QList<Pause> pauses; // all of them: an old one may have moved a regimen's days along
    };
    [[nodiscard]] Result<Planning> planning(QDate from, QDate to, bool everyArea) const;
    // The names of the user's actives, for the aftercare that pauses them (schedule, Today):
    // read there only, not by every plan.
    [[nodiscard]] Result<QStringList> activeProducts() const;
    // readiness(area) from a history that holds the area's sessions in the window and its last
    // one (a planning's history): the same answer without reading them again.
    [[nodiscard]] Readiness readinessIn(const QString& area, const QList<Session>& history,
                                        const Placement& placement = {}) const;
    // The sessions that can bear on a plan or schedule of [from, to]: those from a window before
    // the earliest of from, today and the regimens' starts, and the last one on each area.
    [[nodiscard]] Result<QList<Session>> sessionsAround(QDate from, QDate to,
                                                        const QList<Regimen>& regimens,
                                                        const QStringList& areas) const;
    [[nodiscard]] Result<std::optional<DeviceState>> deviceStateFor(const Session& s) const;
    // Fills in each session's follow-up answers and the reaction they make, and adds the sessions
    // on `areas` (every area when empty) whose reaction is still open, or restarted their clock
    // late enough to matter from `since` on, however old: they hold an area that the dates of
    // `history` alone would call free.
    [[nodiscard]] Status withReactions(QList<Session>& history, const QStringList& areas,
                                       QDate since) const;

    Database& m_db;
    const RuleBook& m_rules;
    TodayClock m_today;
    qint64 m_dataVersion = -1;
};

} // namespace dermaplan
