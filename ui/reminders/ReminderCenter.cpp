#include "ReminderCenter.h"

#include "AppContext.h"
#include "logbook/Logbook.h"
#include "logbook/LogbookFile.h"

#include <QLocale>
#include <QSettings>

namespace dermaplan::ui {

namespace {

const auto kLastSeen = QStringLiteral("lastSeen");
const auto kShown = QStringLiteral("shown");

} // namespace

ReminderCenter::ReminderCenter(AppContext& context, std::function<QTime()> now, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_now(std::move(now)) {
    m_morning.setSingleShot(true);
    connect(&m_morning, &QTimer::timeout, this, &ReminderCenter::check);
    connect(&m_context, &AppContext::dayChanged, this, &ReminderCenter::checkInTheMorning);
    // What was answered or done since is no longer current: looked at again at once.
    connect(&m_context.logbook(), &Logbook::changed, this, &ReminderCenter::refresh);
}

QString ReminderCenter::settingsGroup() const {
    return QStringLiteral("reminders/") + m_context.file().uuid();
}

void ReminderCenter::checkInTheMorning() {
    const QTime now = m_now();
    const QTime morning(kMorningHour, 0);
    if (now >= morning) {
        check();
        return;
    }
    m_morning.start(now.msecsTo(morning));
}

void ReminderCenter::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled) {
        m_current.clear();
        m_morning.stop();
    }
    check();
}

void ReminderCenter::check() {
    if (!m_enabled)
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup());
    const QDate lastSeen = QDate::fromString(settings.value(kLastSeen).toString(), Qt::ISODate);
    auto reminders = m_context.logbook().reminders(lastSeen, QLocale());
    if (!reminders) {
        m_context.reportError(reminders.error());
        return;
    }
    const QStringList shown = settings.value(kShown).toStringList();
    QList<Reminder> fresh;
    QStringList keys;
    for (const Reminder& r : std::as_const(*reminders)) {
        keys << r.key;
        if (!shown.contains(r.key))
            fresh << r;
    }
    // Only the keys still current are kept: the list never grows with the years.
    settings.setValue(kShown, keys);
    settings.setValue(kLastSeen, m_context.today().toString(Qt::ISODate));
    m_current = std::move(reminders).value();
    m_since = lastSeen;
    emit currentChanged(m_current);
    if (!fresh.isEmpty())
        emit remindersDue(fresh);
}

void ReminderCenter::refresh() {
    if (!m_enabled || m_current.isEmpty())
        return;
    auto reminders = m_context.logbook().reminders(m_since, QLocale());
    if (!reminders) {
        m_context.reportError(reminders.error());
        return;
    }
    keepCurrent(m_current, *reminders);
    emit currentChanged(m_current);
}

} // namespace dermaplan::ui
