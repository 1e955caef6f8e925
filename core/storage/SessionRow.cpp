#include "SessionRow.h"

#include "SqliteStatement.h"

#include <type_traits>

namespace dermaplan::sessionrow {

const QString& columns() {
    static const QString list = sql::selectList<col::Count>(
        std::array{u"id", u"uuid", u"date", u"time", u"area", u"zones", u"needle_um",
                   u"performed_by", u"device_id", u"pain", u"reaction", u"products", u"notes",
                   u"override_reason", u"rule_broken", u"updated_at",
                   u"(SELECT d.needle_um FROM devices d WHERE d.id = sessions.device_id)"});
    return list;
}

const QString& written() {
    static const QString list = QStringLiteral("date, time, area, zones, needle_um, performed_by, "
                                               "device_id, pain, reaction, products, notes, "
                                               "override_reason, rule_broken");
    return list;
}

void bindSession(SqliteStatement& statement, const Session& s, int first) {
    int at = first;
    putWritten(s, [&](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::optional<QString>>)
            value ? statement.bind(at++, *value) : statement.bindNull(at++);
        else
            statement.bind(at++, value);
    });
    Q_ASSERT(at - first == kWrittenCount);
}

Session readSession(const SqliteStatement& row) {
    Session s;
    s.id = row.integer(col::Id);
    s.uuid = row.text(col::Uuid);
    s.date = isoDateFromText(row.text(col::Date));
    if (!row.isNull(col::Time))
        s.time = QTime::fromString(row.text(col::Time), QStringLiteral("HH:mm"));
    s.area = row.text(col::Area);
    s.zones = row.text(col::Zones).split(u',', Qt::SkipEmptyParts);
    s.needle = NeedleLength::fromMicrometres(int(row.integer(col::NeedleUm)));
    s.performedBy =
        row.text(col::PerformedBy) == u"professional" ? Performer::Professional : Performer::Self;
    if (!row.isNull(col::DeviceId))
        s.deviceId = row.integer(col::DeviceId);
    if (!row.isNull(col::Pain))
        s.pain = int(row.integer(col::Pain));
    s.reaction = row.text(col::Reaction);
    s.products = row.text(col::Products);
    s.notes = row.text(col::Notes);
    s.overrideReason = row.text(col::OverrideReason);
    s.ruleBroken = row.text(col::RuleBroken);
    s.updatedAt = row.text(col::UpdatedAt);
    if (!row.isNull(col::DeviceNeedleUm))
        s.deviceNeedle = NeedleLength::fromMicrometres(int(row.integer(col::DeviceNeedleUm)));
    return s;
}

} // namespace dermaplan::sessionrow
