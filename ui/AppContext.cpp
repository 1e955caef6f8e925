#include "AppContext.h"

#include "logbook/LogbookFile.h"

#include <QDateTime>

namespace dermaplan::ui {

Status AppContext::mayExportTo(const QString& path) const {
    return m_file.refuseOwnFiles(path);
}

AppContext::AppContext(const RuleBook& rules, LogbookFile& file, TodayClock today, QObject* parent)
    : QObject(parent)
    , m_rules(rules)
    , m_file(file)
    , m_logbook(file.database(), rules, std::move(today)) {
    m_shownDay = m_logbook.today();
    connect(&m_logbook, &Logbook::changed, this, &AppContext::dataChanged);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        checkDate();
        scheduleMidnight();
    });
    scheduleMidnight();
}

AppContext::AppContext(const RuleBook& rules, LogbookFile& file, QDate today, QObject* parent)
    : AppContext(rules, file, TodayClock([today] { return today; }), parent) {}

void AppContext::checkDate() {
    const QDate now = m_logbook.today();
    if (now == m_shownDay)
        return;
    m_shownDay = now;
    emit dayChanged(now);
    emit dataChanged();
}

void AppContext::scheduleMidnight() {
    // A second past the next local midnight; a suspended machine wakes the timer late, which
    // only delays the check.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime next(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(std::chrono::milliseconds(std::max<qint64>(1000, now.msecsTo(next))));
}

} // namespace dermaplan::ui
