#include "RegimenStore.h"

#include "Database.h"
#include "RowsById.h"
#include "SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dermaplan {

namespace {

using sql::notNull;

namespace col {
enum {
    Id,
    Name,
    Area,
    Zones,
    NeedleUm,
    EveryDays,
    Start,
    Weeks,
    EndedOn,
    PerformedBy,
    Template,
    Goal,
    Notes,
    Count
};
} // namespace col
const QString kColumns = sql::selectList<col::Count>(
    std::array{u"id", u"name", u"area", u"zones", u"needle_um", u"every_days", u"start", u"weeks",
               u"ended_on", u"performed_by", u"template", u"goal", u"notes"});

QVariant optionalDate(const std::optional<QDate>& d) {
    return d ? QVariant(d->toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

void bindRegimen(QSqlQuery& q, const Regimen& r) {
    q.bindValue(QStringLiteral(":name"), notNull(r.name));
    q.bindValue(QStringLiteral(":area"), notNull(r.area));
    q.bindValue(QStringLiteral(":zones"), notNull(r.zones.join(u',')));
    q.bindValue(QStringLiteral(":needle"), r.needle.micrometres());
    q.bindValue(QStringLiteral(":every"), r.everyDays);
    q.bindValue(QStringLiteral(":start"), r.start.toString(Qt::ISODate));
    q.bindValue(QStringLiteral(":weeks"), sql::nullable(r.weeks, QMetaType::Int));
    q.bindValue(QStringLiteral(":ended"), optionalDate(r.endedOn));
    q.bindValue(QStringLiteral(":by"), performerId(r.performedBy));
    q.bindValue(QStringLiteral(":template"), notNull(r.templateId));
    q.bindValue(QStringLiteral(":goal"), notNull(r.goal));
    q.bindValue(QStringLiteral(":notes"), notNull(r.notes));
}

Regimen readRegimen(const QSqlQuery& q) {
    Regimen r;
    r.id = q.value(col::Id).toLongLong();
    r.name = q.value(col::Name).toString();
    r.area = q.value(col::Area).toString();
    r.zones = q.value(col::Zones).toString().split(u',', Qt::SkipEmptyParts);
    r.needle = NeedleLength::fromMicrometres(q.value(col::NeedleUm).toInt());
    r.everyDays = q.value(col::EveryDays).toInt();
    r.start = QDate::fromString(q.value(col::Start).toString(), Qt::ISODate);
    if (!q.value(col::Weeks).isNull())
        r.weeks = q.value(col::Weeks).toInt();
    if (!q.value(col::EndedOn).isNull())
        r.endedOn = QDate::fromString(q.value(col::EndedOn).toString(), Qt::ISODate);
    r.performedBy = q.value(col::PerformedBy).toString() == u"professional"
                        ? Performer::Professional
                        : Performer::Self;
    r.templateId = q.value(col::Template).toString();
    r.goal = q.value(col::Goal).toString();
    r.notes = q.value(col::Notes).toString();
    return r;
}

} // namespace

Result<qint64> RegimenStore::add(const Regimen& regimen) {
    return insert(regimen, false);
}

Result<qint64> RegimenStore::reinsert(const Regimen& regimen) {
    return insert(regimen, true);
}

Result<qint64> RegimenStore::insert(const Regimen& regimen, bool keepId) {
    qint64 id = 0;
    auto done = m_db.write([&](QSqlDatabase& conn) -> Status {
        const auto reused = sql::reusesId(m_db, QStringLiteral("regimens"), regimen.id, keepId);
        if (!reused)
            return reused.error();
        const bool withId = *reused;
        const QString columns = QStringLiteral(
            "name, area, zones, needle_um, every_days, start, weeks, ended_on, performed_by, "
            "template, goal, notes");
        const QString values = QStringLiteral(
            ":name, :area, :zones, :needle, :every, :start, :weeks, :ended, :by, :template, "
            ":goal, :notes");
        QSqlQuery q(conn);
        q.prepare(
            withId ? QStringLiteral("INSERT INTO regimens (id, %1) VALUES (:id, %2)")
                         .arg(columns, values)
                   : QStringLiteral("INSERT INTO regimens (%1) VALUES (%2)").arg(columns, values));
        bindRegimen(q, regimen);
        if (withId)
            q.bindValue(QStringLiteral(":id"), regimen.id);
        if (!q.exec())
            return m_db.sqlError(q.lastError(), QStringLiteral("saving the regimen"));
        id = q.lastInsertId().toLongLong();
        return success();
    });
    if (!done)
        return done.error();
    return id;
}

Status RegimenStore::update(const Regimen& regimen) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral(
            "UPDATE regimens SET name = :name, area = :area, zones = :zones, needle_um = "
            ":needle, every_days = :every, start = :start, weeks = :weeks, ended_on = :ended, "
            "performed_by = :by, template = :template, goal = :goal, notes = :notes WHERE id = "
            ":id"));
        bindRegimen(q, regimen);
        q.bindValue(QStringLiteral(":id"), regimen.id);
        return sql::execOnRowById(m_db, q, QStringLiteral("regimen"), regimen.id,
                                  QStringLiteral("updating the regimen"));
    });
}

Status RegimenStore::end(qint64 id, QDate lastDay) {
    return m_db.write([&](QSqlDatabase& conn) -> Status {
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("UPDATE regimens SET ended_on = ? WHERE id = ?"));
        q.addBindValue(lastDay.toString(Qt::ISODate));
        q.addBindValue(id);
        return sql::execOnRowById(m_db, q, QStringLiteral("regimen"), id,
                                  QStringLiteral("ending the regimen"));
    });
}

Status RegimenStore::remove(qint64 id) {
    return m_db.write([&](QSqlDatabase& conn) {
        return sql::deleteRowById(m_db, conn, QStringLiteral("regimens"), QStringLiteral("regimen"),
                                  id);
    });
}

Result<Regimen> RegimenStore::get(qint64 id) const {
    return sql::rowById(m_db, QStringLiteral("regimens"), kColumns, QStringLiteral("regimen"), id,
                        readRegimen);
}

Result<QList<Regimen>> RegimenStore::list(bool includeEnded) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM regimens%2 ORDER BY id")
                  .arg(kColumns, includeEnded
                                     ? QString()
                                     : QStringLiteral(" WHERE ended_on IS NULL OR ended_on >= ?")));
    if (!includeEnded)
        q.addBindValue(m_db.today().toString(Qt::ISODate));
    if (!q.exec())
        return m_db.sqlError(q.lastError(), QStringLiteral("reading regimens"));
    QList<Regimen> out;
    while (q.next())
        out << readRegimen(q);
    return out;
}

} // namespace dermaplan
