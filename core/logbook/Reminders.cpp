// Reminders (Reminders.h), and Logbook::reminders, in their own file.
#include "logbook/Reminders.h"

#include "logbook/FollowUpText.h"
#include "logbook/Logbook.h"
#include "planning/ScheduleText.h"
#include "rules/ReadinessText.h"

#include <QCoreApplication>

#include <algorithm>

namespace dermaplan {

namespace {

class RemindersTr {
    Q_DECLARE_TR_FUNCTIONS(Reminders)
};

QString deviceKey(const DeviceStatus& d) {
    const QString what = d.level == DeviceStatus::Level::ReplaceNow    ? QStringLiteral("replace")
                         : d.level == DeviceStatus::Level::ReplaceSoon ? QStringLiteral("soon")
                                                                       : QStringLiteral("clean");
    return QStringLiteral("device:%1:%2").arg(d.state.device.id).arg(what);
}

} // namespace

QList<DueSession> allowedSessions(const DayGuide& guide) {
    QList<DueSession> out;
    for (const DueSession& d : guide.due)
        if (d.level != ReadinessLevel::Wait)
            out << d;
    return out;
}

QList<Reminder> remindersFor(const DayGuide& guide, const RuleBook& rules, const QLocale& locale) {
    QList<Reminder> out;
    for (const DueSession& d : allowedSessions(guide)) {
        const Occurrence& o = d.occurrence;
        out << Reminder{Reminder::Kind::Session,
                        QStringLiteral("session:%1:%2:%3")
                            .arg(o.area)
                            .arg(o.needle.micrometres())
                            .arg(o.date.toString(Qt::ISODate)),
                        o.date, RemindersTr::tr("Due today: %1").arg(occurrenceTitle(o, rules)),
                        describeReadiness(d.readiness, guide.date, rules, locale, o.needle)};
    }
    for (const DeviceStatus& d : guide.devices)
        out << Reminder{Reminder::Kind::Device, deviceKey(d), guide.date,
                        RemindersTr::tr("“%1”").arg(d.state.device.name),
                        deviceStatusText(d, locale)};
    for (const DueFollowUp& f : guide.followUps) {
        QString text = followUpQuestion(f, guide.date, rules, locale);
        if (const QString advice = followUpAdvice(f, guide.date, rules); !advice.isEmpty())
            text += QLatin1Char(' ') + advice;
        out << Reminder{Reminder::Kind::FollowUp,
                        QStringLiteral("followup:%1:%2:%3")
                            .arg(f.session.id)
                            .arg(f.check.isEmpty() ? QStringLiteral("open") : f.check,
                                 f.dueSince.toString(Qt::ISODate)),
                        f.dueSince, followUpSubject(f, guide.date, rules, locale), text};
    }
    return out;
}

Reminder missedReminder(const Occurrence& missed, const RuleBook& rules, const QLocale& locale) {
    return Reminder{
        Reminder::Kind::Missed,
        QStringLiteral("missed:%1:%2").arg(missed.regimenId).arg(missed.date.toString(Qt::ISODate)),
        missed.date,
        RemindersTr::tr("Planned on %1: %2")
            .arg(locale.toString(missed.date, QStringLiteral("ddd d MMM")),
                 occurrenceTitle(missed, rules)),
        RemindersTr::tr("No session was logged that day. The plan goes on from your last "
                        "session; log it if you did it.")};
}

Result<QList<Reminder>> Logbook::reminders(QDate lastSeen, const QLocale& locale) const {
    const auto guide = dayGuide();
    if (!guide)
        return guide.error();
    QList<Reminder> out;
    // The planned sessions that went by while nobody looked (a week at most: older ones are
    // history, not news).
    const QDate yesterday = today().addDays(-1);
    const QDate from =
        std::max(lastSeen.isValid() ? lastSeen.addDays(1) : yesterday, today().addDays(-7));
    if (from <= yesterday) {
        const auto plan = this->plan(from, yesterday);
        if (!plan)
            return plan.error();
        for (const Occurrence& o : plan->occurrences)
            if (o.status == Occurrence::Status::Missed && o.date >= from)
                out << missedReminder(o, m_rules, locale);
    }
    out << remindersFor(*guide, m_rules, locale);
    return out;
}

bool holdsReminder(const QList<Reminder>& reminders, const QString& key) {
    return std::any_of(reminders.cbegin(), reminders.cend(),
                       [&](const Reminder& r) { return r.key == key; });
}

void keepCurrent(QList<Reminder>& reminders, const QList<Reminder>& current) {
    reminders.removeIf([&](const Reminder& r) { return !holdsReminder(current, r.key); });
}

} // namespace dermaplan
