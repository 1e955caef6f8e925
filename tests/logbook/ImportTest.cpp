// The logbook's import: a file read for import, planned against the log, stored, taken back.
#include "LogbookFixture.h"
#include "TestSupport.h"

#include "domain/IsoDate.h"
#include "io/JsonFormat.h"
#include "logbook/Import.h"
#include "logbook/Logbook.h"
#include "storage/DeviceStore.h"
#include "storage/ImportSpool.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace dermaplan;
using test::rules;

namespace {

using ImportTest = test::LogbookFixture;
const QDate kToday = test::LogbookFixture::kToday;

} // namespace

// Read for import, the sessions go to a spool, and the spool finds a uuid met before (a set of
// every uuid read would grow with the file): the same error, at each repeating line.
TEST(Import, AFileReadForImportIsSpooledAndARepeatedUuidIsNamedByLine) {
    QTemporaryDir dir;
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString other = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto write = [&dir](const QString& name, const QByteArray& text) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
        return f.fileName();
    };
    const QString good =
        write(QStringLiteral("good.csv"), "uuid,date,area,needle_mm\n" + uuid.toUtf8() +
                                              ",2026-11-01,face,0.5\n" + other.toUtf8() +
                                              ",2026-11-09,face,0.5\n,2026-11-10,face,0.5\n");
    const ImportSource source = readImportFile(good, QString(), rules(), kToday);
    const io::ImportResult& read = source.read;
    ASSERT_TRUE(read.errors.isEmpty());
    EXPECT_TRUE(read.sessions.isEmpty()) << "the sessions are in the spool, not in memory";
    ASSERT_TRUE(source.spool);
    EXPECT_EQ(source.spool->size(), 3);

    const QString twice =
        write(QStringLiteral("twice.csv"),
              "uuid,date,area,needle_mm\n" + uuid.toUtf8() + ",2026-11-01,face,0.5\n" +
                  other.toUtf8() + ",2026-11-02,face,0.5\n" + uuid.toUtf8() +
                  ",2026-11-09,face,0.5\n" + uuid.toUtf8() + ",2026-11-10,face,0.5\n");
    const ImportSource twiceRead = readImportFile(twice, QString(), rules(), kToday);
    const io::ImportResult& csv = twiceRead.read;
    ASSERT_EQ(csv.errors.size(), 2);
    EXPECT_EQ(csv.errors[0].line, 4);
    EXPECT_EQ(csv.errors[1].line, 5);
    EXPECT_EQ(csv.errors[0].field, QStringLiteral("uuid"));
    EXPECT_TRUE(csv.errors[0].message.contains(QStringLiteral("appears twice")));
    EXPECT_FALSE(twiceRead.spool) << "nothing is kept for an import when anything is wrong";

    // Beside the file's other problems, and with more than fit, "and more".
    const QString mixed =
        write(QStringLiteral("mixed.csv"), "uuid,date,area,needle_mm\n" + uuid.toUtf8() +
                                               ",2026-11-01,face,0.5\n" + ",not-a-date,face,0.5\n" +
                                               uuid.toUtf8() + ",2026-11-09,face,0.5\n");
    const io::ImportResult both = readImportFile(mixed, QString(), rules(), kToday).read;
    ASSERT_EQ(both.errors.size(), 2);
    EXPECT_EQ(both.errors[0].line, 3);
    EXPECT_EQ(both.errors[1].line, 4);
    EXPECT_EQ(both.errors[1].field, QStringLiteral("uuid"));
    QByteArray many = "uuid,date,area,needle_mm\n";
    for (int i = 0; i < 30; ++i)
        many += uuid.toUtf8() + ",2026-11-01,face,0.5\n";
    const io::ImportResult tooMany =
        readImportFile(write(QStringLiteral("many.csv"), many), QString(), rules(), kToday).read;
    EXPECT_EQ(tooMany.errors.size(), 20);
    EXPECT_TRUE(tooMany.truncatedErrors);

    const QString json =
        write(QStringLiteral("twice.json"), "[\n{\"uuid\": \"" + uuid.toUtf8() +
                                                "\", \"date\": \"2026-11-01\", \"area\": \"face\", "
                                                "\"needle_mm\": 0.5},\n{\"uuid\": \"" +
                                                uuid.toUtf8() +
                                                "\", \"date\": \"2026-11-09\", \"area\": \"face\", "
                                                "\"needle_mm\": 0.5}\n]\n");
    const ImportSource jsonRead = readImportFile(json, QString(), rules(), kToday);
    const io::ImportResult& fromJson = jsonRead.read;
    ASSERT_EQ(fromJson.errors.size(), 1);
    EXPECT_EQ(fromJson.errors[0].line, 3);
    EXPECT_FALSE(jsonRead.spool);
}

namespace {

// The whole log as an export writes it.
QByteArray exported(const Logbook& logbook) {
    QByteArray out;
    EXPECT_TRUE(logbook.writeSessions({}, io::SessionStream::Format::ExportJson,
                                      [&out](QByteArrayView chunk) {
                                          out += chunk;
                                          return success();
                                      }));
    return out;
}

} // namespace

// Taking an import back (the app's Ctrl+Z) removes every row it added — sessions with their
// answers, devices with their cleanings, a cleaning of a device that was here, regimens, pauses,
// products — and nothing that was there before: the log exports as it did.
TEST_F(ImportTest, TakingBackAnImportLeavesTheLogAsItWas) {
    const qint64 roller =
        addDevice(QStringLiteral("Roller"), QStringLiteral("roller"), 0.5, kToday.addDays(-60));
    Session mine = draft(QStringLiteral("face"), 0.5, kToday.addDays(-40));
    mine.deviceId = roller;
    ASSERT_TRUE(m_logbook->log(mine));
    Product serum;
    serum.name = QStringLiteral("Serum");
    ASSERT_TRUE(m_logbook->addProduct(serum));
    const QByteArray before = exported(*m_logbook);

    // A file from another computer: the same roller (matched) with a newer cleaning, a stamp,
    // two sessions (one answered), a regimen, a pause, the same product and a new one.
    const QByteArray file = R"({"format": "dermaplan-export", "version": 1,
        "devices": [{"id": 7, "name": "Roller", "kind": "roller", "needle_mm": 0.5,
                     "first_use": ")" +
                            isoDateText(kToday.addDays(-60)).toUtf8() + R"("},
                    {"id": 8, "name": "Stamp", "kind": "stamp", "needle_mm": 0.25}],
        "cleanings": [{"device_id": 7, "cleaned_at": "2026-11-20T21:00"},
                      {"device_id": 8, "cleaned_at": "2026-11-21T21:00"}],
        "regimens": [{"name": "Body", "area": "body", "needle_mm": 0.25, "every_days": 7,
                      "start": "2026-11-01"}],
        "pauses": [{"from": "2026-12-20", "to": "2026-12-27", "area": null, "reason": "Trip"}],
        "products": [{"name": "SERUM", "kind": "serum"}, {"name": "Retinol", "kind": "retinoid"}],
        "sessions": [
            {"date": "2026-11-10", "area": "body", "needle_mm": 0.25, "device_id": 8,
             "followups": [{"date": "2026-11-11", "state": "fine", "notes": ""}]},
            {"date": "2026-11-20", "area": "face", "zones": ["cheeks"], "needle_mm": 0.5,
             "device_id": 7}]})";
    const auto read = io::parseJson(file, QStringLiteral("other.json"), rules(), kToday);
    ASSERT_TRUE(read.errors.isEmpty()) << read.errors.first().toString().toStdString();
    const auto plan = m_logbook->planImport(read);
    ASSERT_TRUE(plan);
    const auto receipt = m_logbook->runImport(*plan);
    ASSERT_TRUE(receipt) << receipt.error().toString().toStdString();
    EXPECT_EQ(receipt->sessions.size(), 2);
    EXPECT_EQ(receipt->devices.size(), 1);
    EXPECT_EQ(receipt->cleanings.size(), 1) << "the roller's, which was here";
    EXPECT_EQ(receipt->regimens.size(), 1);
    EXPECT_EQ(receipt->pauses.size(), 1);
    EXPECT_EQ(receipt->products.size(), 1);
    EXPECT_NE(exported(*m_logbook), before);

    ASSERT_TRUE(m_logbook->takeBackImport(*receipt));
    EXPECT_EQ(exported(*m_logbook), before);
    EXPECT_EQ(stored(), 1);

    // Done again (redo), it adds the same again.
    const auto again = m_logbook->runImport(*plan);
    ASSERT_TRUE(again);
    EXPECT_EQ(stored(), 3);
    EXPECT_EQ(DeviceStore(*m_db).allCleanings()->size(), 2);
}

// Two devices here that look alike (same name, needle, first use) stay two: an export of this
// log imported back into it matches each to itself, and adds nothing (the second's cleaning
// went to the first).
TEST_F(ImportTest, TwoDevicesThatLookAlikeAreMatchedOneToOne) {
    addDevice(QStringLiteral("Roller"), QStringLiteral("roller"), 0.5);
    const qint64 second = addDevice(QStringLiteral("Roller"), QStringLiteral("roller"), 0.5);
    ASSERT_TRUE(m_logbook->recordCleaning(second, QDateTime(kToday.addDays(-3), QTime(21, 0))));
    const QByteArray before = exported(*m_logbook);
    const auto read = io::parseJson(before, QStringLiteral("mine.json"), rules(), kToday);
    ASSERT_TRUE(read.errors.isEmpty());
    const auto plan = m_logbook->planImport(read);
    ASSERT_TRUE(plan);
    EXPECT_TRUE(plan->newCleanings.isEmpty());
    EXPECT_EQ(plan->cleaningsPresent, 1);
    ASSERT_TRUE(m_logbook->runImport(*plan));
    EXPECT_EQ(exported(*m_logbook), before);
}

// An import redone after an undo brings back the same sessions, uuids included, even for rows
// of a file that had none: later commands find them by uuid.
TEST_F(ImportTest, ARedoneImportGivesTheSameUuids) {
    io::ImportResult parsed;
    parsed.sessions << draft(QStringLiteral("body"), 0.25, kToday.addDays(-20))
                    << draft(QStringLiteral("body"), 0.25, kToday.addDays(-10));
    const auto plan = m_logbook->planImport(parsed);
    ASSERT_TRUE(plan);
    const auto first = m_logbook->runImport(*plan);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->sessions.size(), 2);
    ASSERT_TRUE(m_logbook->takeBackImport(*first));
    const auto again = m_logbook->runImport(*plan);
    ASSERT_TRUE(again);
    ASSERT_EQ(again->sessions.size(), 2);
    EXPECT_EQ(again->sessions[0].second, first->sessions[0].second);
    EXPECT_EQ(again->sessions[1].second, first->sessions[1].second);
    EXPECT_NE(again->sessions[0].second, again->sessions[1].second);
}

// Taking an import back never removes a session that took an imported one's id since (ids are
// reused): it is refused, and nothing is removed.
TEST_F(ImportTest, TakingBackNeverRemovesASessionThatTookAnImportedId) {
    io::ImportResult parsed;
    parsed.sessions << draft(QStringLiteral("body"), 0.25, kToday.addDays(-20));
    const auto plan = m_logbook->planImport(parsed);
    ASSERT_TRUE(plan);
    const auto receipt = m_logbook->runImport(*plan);
    ASSERT_TRUE(receipt);
    const qint64 id = receipt->sessions.at(0).first;
    ASSERT_TRUE(m_logbook->removeSession(id));
    Session other = draft(QStringLiteral("scalp"), 0.5, kToday.addDays(-5));
    other.id = id;
    ASSERT_EQ(*SessionStore(*m_db).reinsert(other), id) << "another session now has the id";
    EXPECT_FALSE(m_logbook->takeBackImport(*receipt));
    EXPECT_EQ(stored(), 1);
    EXPECT_EQ(m_logbook->session(id)->area, QStringLiteral("scalp"));
}
