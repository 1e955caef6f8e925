#pragma once

#include "Result.h"
#include "domain/Pause.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QByteArray>
#include <QDate>
#include <QTime>

#include <optional>

namespace dermaplan::io {

struct CalendarOptions {
    QString databaseUuid;                          // part of every UID: stable per database
    std::optional<QTime> reminderAt = QTime(9, 0); // a VALARM on the day; none when empty
};

// The planned sessions in [from, to] as an RFC 5545 calendar (libical writes, escapes and folds
// it). Events are all-day (a planned session has a day, not a time), titled like
// "Scalp · 0.5 mm", described with the aftercare that follows. UIDs name the database, the
// regimen and the occurrence's place in the regimen, so re-exporting after a session was logged
// late moves the events instead of duplicating them.
[[nodiscard]] Result<QByteArray> planCalendar(const QList<Regimen>& regimens,
                                              const QList<Session>& history, const RuleBook& rules,
                                              QDate today, QDate from, QDate to,
                                              const CalendarOptions& options,
                                              const QList<Pause>& pauses = {});

} // namespace dermaplan::io
