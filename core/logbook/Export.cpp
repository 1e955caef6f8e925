// The logbook's exports (Logbook.h), in their own file.
#include "logbook/Logbook.h"

#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/PauseStore.h"
#include "storage/ProductStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <QSqlDatabase>

namespace dermaplan {

Status Logbook::writeSessions(const SessionFilter& filter, io::SessionStream::Format format,
                              const io::ByteSink& sink, const io::CsvDialect& dialect) const {
    QSqlDatabase connection = m_db.connection();
    const bool snapshot = connection.transaction();
    const Status done = [&]() -> Status {
        io::Records records;
        if (format == io::SessionStream::Format::ExportJson) {
            auto read = exportRecords();
            if (!read)
                return read.error();
            records = std::move(read).value();
        }
        io::SessionStream stream(format, sink, dialect);
        if (auto begun = stream.begin(records); !begun)
            return begun;
        // JSON says how the skin was after each session; a CSV row has no room for a list.
        const bool withFollowUps = format != io::SessionStream::Format::Csv;
        if (auto all = SessionStore(m_db).forEach(
                filter, [&stream](const Session& s) { return stream.add(s); }, withFollowUps);
            !all)
            return all;
        return stream.finish();
    }();
    if (snapshot)
        connection.commit();
    return done;
}

Result<io::Records> Logbook::exportRecords() const {
    io::Records out;
    auto regimens = RegimenStore(m_db).list(true);
    if (!regimens)
        return regimens.error();
    out.regimens = std::move(regimens).value();
    auto devices = DeviceStore(m_db).list(true);
    if (!devices)
        return devices.error();
    out.devices = std::move(devices).value();
    auto cleanings = DeviceStore(m_db).allCleanings();
    if (!cleanings)
        return cleanings.error();
    out.cleanings = std::move(cleanings).value();
    auto pauses = PauseStore(m_db).endingFrom(QDate());
    if (!pauses)
        return pauses.error();
    out.pauses = std::move(pauses).value();
    auto products = ProductStore(m_db).list();
    if (!products)
        return products.error();
    out.products = std::move(products).value();
    return out;
}

} // namespace dermaplan
