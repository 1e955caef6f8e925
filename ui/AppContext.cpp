#include "AppContext.h"

#include "storage/Database.h"

namespace dermaplan::ui {

AppContext::AppContext(const RuleBook& rules, Database& db, QDate today, QObject* parent)
    : QObject(parent)
    , m_rules(rules)
    , m_db(db)
    , m_today(today)
    , m_dataVersion(db.dataVersion()) {}

void AppContext::notifyChanged() {
    m_dataVersion = m_db.dataVersion();
    emit dataChanged();
}

void AppContext::checkForOutsideChanges() {
    const qint64 version = m_db.dataVersion();
    if (version != m_dataVersion) {
        m_dataVersion = version;
        emit dataChanged();
    }
}

} // namespace dermaplan::ui
