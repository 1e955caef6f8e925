// CSV and JSON export/import: round trips, RFC 4180 details, and malformed files rejected with
// FILE:LINE: field: problem.
#include "TestSupport.h"

#include "io/CsvFormat.h"
#include "io/JsonFormat.h"
#include "io/SessionStream.h"
#include "rules/SafetyCheck.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <random>

using namespace dermaplan;
using test::rules;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 24);

QList<Session> sampleSessions() {
    QList<Session> out;
    for (int i = 0; i < 6; ++i) {
        Session s;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.date = QDate(2026, 10, 1).addDays(i * 5);
        if (i % 2)
            s.time = QTime(20, 15);
        s.area = i % 3 ? QStringLiteral("face") : QStringLiteral("scalp");
        s.zones = i % 3 ? QStringList{QStringLiteral("cheeks"), QStringLiteral("under-eye")}
                        : QStringList{};
        s.needle = NeedleLength::fromMillimetres(i % 2 ? 0.25 : 0.5);
        s.performedBy = i == 4 ? Performer::Professional : Performer::Self;
        if (i == 2)
            s.deviceId = 3;
        if (i != 5)
            s.pain = i;
        s.reaction = i == 1 ? QStringLiteral("redness,\nthen \"fine\"") : QString();
        s.products = QStringLiteral("serum ✓");
        s.notes = i == 3 ? QStringLiteral("line one\r\nline two, with \"quotes\"")
                         : QStringLiteral("plain");
        s.contraindications =
            i == 2 ? QStringList{QStringLiteral("darker-skin"), QStringLiteral("pregnancy")}
                   : QStringList{};
        s.overrideReason = i == 4 ? QStringLiteral("clinic, 2026") : QString();
        out << s;
    }
    return out;
}

void expectSameSessions(const QList<Session>& back, const QList<Session>& original) {
    ASSERT_EQ(back.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i) {
        Session expected = original[i];
        expected.id = 0; // ids belong to a database, not to a file
        EXPECT_EQ(back[i], expected)
            << "row " << i << ": reaction " << QJsonValue(back[i].reaction).toString().toStdString()
            << " | " << expected.reaction.toUtf8().toPercentEncoding().toStdString() << " vs "
            << back[i].reaction.toUtf8().toPercentEncoding().toStdString() << "; notes "
            << expected.notes.toUtf8().toPercentEncoding().toStdString() << " vs "
            << back[i].notes.toUtf8().toPercentEncoding().toStdString() << "; products "
            << expected.products.toUtf8().toPercentEncoding().toStdString() << " vs "
            << back[i].products.toUtf8().toPercentEncoding().toStdString() << "; override "
            << expected.overrideReason.toUtf8().toPercentEncoding().toStdString() << " vs "
            << back[i].overrideReason.toUtf8().toPercentEncoding().toStdString();
    }
}

QStringList errorTexts(const io::ImportResult& r) {
    QStringList out;
    for (const Error& e : r.errors)
        out << e.toString();
    return out;
}

} // namespace

TEST(SessionFormats, CsvRoundTripKeepsEveryField) {
    const QList<Session> sessions = sampleSessions();
    const QByteArray csv = io::exportCsv(sessions);
    EXPECT_TRUE(csv.startsWith("uuid,date,time,area,zones,needle_mm,"));
    EXPECT_TRUE(csv.contains("\r\n"));
    const io::ImportResult back = io::parseCsv(csv, QStringLiteral("s.csv"), rules(), kToday);
    ASSERT_TRUE(back.errors.isEmpty()) << errorTexts(back).join(u'\n').toStdString();
    expectSameSessions(back.sessions, sessions);
}

TEST(SessionFormats, JsonRoundTripKeepsEveryField) {
    const QList<Session> sessions = sampleSessions();
    for (const QByteArray& json : {io::historyJson(sessions), io::exportJson(sessions)}) {
        const io::ImportResult back =
            io::parseJson(json, QStringLiteral("s.json"), rules(), kToday);
        ASSERT_TRUE(back.errors.isEmpty()) << errorTexts(back).join(u'\n').toStdString();
        expectSameSessions(back.sessions, sessions);
    }
}

TEST(SessionFormats, CsvQuotesOnlyWhatNeedsQuoting) {
    Session plain = sampleSessions().at(0); // notes "plain", products "serum ✓"
    Session quoted = sampleSessions().at(3);
    const QString csv = QString::fromUtf8(io::exportCsv({plain, quoted}));
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    // A field without a comma, quote or line break goes out as it is.
    EXPECT_TRUE(lines.value(1).contains(QStringLiteral(",serum ✓,plain,"))) << csv.toStdString();
    EXPECT_FALSE(lines.value(1).contains(u'"')) << csv.toStdString();
    // One with them is quoted, its quotes doubled, its line break kept.
    EXPECT_TRUE(csv.contains(QStringLiteral("\"line one\r\nline two, with \"\"quotes\"\"\"")));
}

namespace {

// A device that hands out at most one byte per read, like a slow pipe: every record, quote and
// multi-byte character is split across reads.
class TrickleDevice : public QIODevice {
public:
    explicit TrickleDevice(QByteArray data)
        : m_data(std::move(data)) {
        open(QIODevice::ReadOnly);
    }
    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 bytesAvailable() const override {
        return m_data.size() - m_at + QIODevice::bytesAvailable();
    }
    qint64 requested = 0; // bytes asked for in all

protected:
    qint64 readData(char* out, qint64 max) override {
        requested += max;
        if (m_at >= m_data.size() || max <= 0)
            return m_at >= m_data.size() ? -1 : 0;
        *out = m_data[m_at++];
        return 1;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qsizetype m_at = 0;
};

} // namespace

TEST(SessionFormats, CsvReadInPiecesGivesTheSameSessions) {
    const QList<Session> sessions = sampleSessions();
    TrickleDevice device("\xEF\xBB\xBF" + io::exportCsv(sessions));
    const io::ImportResult back = io::parseCsv(device, QStringLiteral("pipe.csv"), rules(), kToday);
    ASSERT_TRUE(back.errors.isEmpty()) << errorTexts(back).join(u'\n').toStdString();
    expectSameSessions(back.sessions, sessions);
}

TEST(SessionFormats, CsvIsReadAChunkAtATimeNotWhole) {
    // 20 MB of bad rows: the reader asks for a chunk at a time; having found as many problems as
    // it reports, it has read a small part of the file, not all of it.
    QByteArray csv = "date,area,needle_mm\n";
    const QByteArray row = "2026-11-01,face,0.5,extra\n";
    while (csv.size() < 20'000'000)
        csv += row;
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    const io::ImportResult r =
        io::parseCsv(buffer, QStringLiteral("big.csv"), rules(), kToday, /*maxErrors=*/3);
    ASSERT_EQ(r.errors.size(), 3);
    EXPECT_TRUE(r.truncatedErrors);
    EXPECT_EQ(r.errors[2].line, 4);
    EXPECT_LT(buffer.pos(), 1'000'000) << "the whole file was read to report line 2";
}

TEST(SessionFormats, AcceptsAUtf8ByteOrderMark) {
    const QByteArray csv = "\xEF\xBB\xBF"
                           "date,area,needle_mm\r\n2026-11-01,face,0.5\r\n";
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("bom.csv"), rules(), kToday);
    ASSERT_TRUE(r.errors.isEmpty()) << errorTexts(r).join(u'\n').toStdString();
    EXPECT_EQ(r.sessions.size(), 1);
}

TEST(SessionFormats, EachBadFieldIsReportedWithFileLineAndField) {
    const QByteArray csv = "date,area,zones,needle_mm,pain,time,contraindications\n"
                           "2026-11-01,face,cheeks,0.5,3,20:00,\n" // line 2: fine
                           "2026-13-01,face,,0.5,,,\n"             // line 3: date
                           "2026-11-02,elbow,,0.5,,,\n"            // line 4: area
                           "2026-11-03,face,crown,0.5,,,\n"        // line 5: zone
                           "2026-11-04,face,,9,,,\n"               // line 6: needle
                           "2026-11-05,face,,0.5,11,,\n"           // line 7: pain
                           "2026-11-06,face,,0.5,,25:00,\n"        // line 8: time
                           "2026-11-07,face,,0.5,,,headache\n"     // line 9: contraindication
                           "2027-01-01,face,,0.5,,,\n";            // line 10: future
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("bad.csv"), rules(), kToday);
    const QStringList errors = errorTexts(r);
    EXPECT_TRUE(r.sessions.isEmpty()) << "nothing is imported when anything is wrong";
    const QStringList expectedStarts{QStringLiteral("bad.csv:3: date: "),
                                     QStringLiteral("bad.csv:4: area: "),
                                     QStringLiteral("bad.csv:5: zones: "),
                                     QStringLiteral("bad.csv:6: needle_mm: "),
                                     QStringLiteral("bad.csv:7: pain: "),
                                     QStringLiteral("bad.csv:8: time: "),
                                     QStringLiteral("bad.csv:9: contraindications: "),
                                     QStringLiteral("bad.csv:10: date: ")};
    ASSERT_EQ(errors.size(), expectedStarts.size()) << errors.join(u'\n').toStdString();
    for (qsizetype i = 0; i < errors.size(); ++i)
        EXPECT_TRUE(errors[i].startsWith(expectedStarts[i])) << errors[i].toStdString();
}

TEST(SessionFormats, LineNumbersCountNewlinesInsideQuotedFields) {
    const QByteArray csv = "date,area,needle_mm,notes\n"
                           "2026-11-01,face,0.5,\"two\nlines\"\n"
                           "2026-11-02,face,oops,x\n";
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("q.csv"), rules(), kToday);
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_EQ(r.errors[0].line, 4);
    EXPECT_EQ(r.errors[0].field, QStringLiteral("needle_mm"));
}

TEST(SessionFormats, MalformedCsvIsRejectedCleanly) {
    struct Case {
        const char* name;
        QByteArray data;
        int line;
        const char* words;
    };
    const QList<Case> cases{
        {"unterminated quote", "date,area,needle_mm,notes\n2026-11-01,face,0.5,\"never closed\n", 2,
         "never closed"},
        {"quote inside a field", "date,area,needle_mm,notes\n2026-11-01,face,0.5,bad\"quote\n", 2,
         "quote"},
        {"missing column", "date,area\n2026-11-01,face\n", 1, "missing"},
        {"unknown column", "date,area,needle_mm,colour\n2026-11-01,face,0.5,red\n", 1,
         "unknown column"},
        {"wrong field count", "date,area,needle_mm\n2026-11-01,face\n", 2, "fields"},
        {"invalid UTF-8", "date,area,needle_mm,notes\n2026-11-01,face,0.5,caf\xe9\n", 2, "UTF-8"},
        {"binary garbage", QByteArray("\x00\x01\x02garbage", 10), 1, "binary"},
        {"empty file", "", 1, "empty"},
        {"huge field",
         "date,area,needle_mm,notes\n2026-11-01,face,0.5," + QByteArray(20000, 'x') + "\n", 2,
         "characters"},
    };
    for (const Case& c : cases) {
        const io::ImportResult r = io::parseCsv(c.data, QStringLiteral("m.csv"), rules(), kToday);
        ASSERT_FALSE(r.errors.isEmpty()) << c.name;
        EXPECT_TRUE(r.sessions.isEmpty()) << c.name;
        EXPECT_EQ(r.errors[0].line, c.line)
            << c.name << ": " << r.errors[0].toString().toStdString();
        EXPECT_TRUE(
            r.errors[0].toString().contains(QString::fromLatin1(c.words), Qt::CaseInsensitive))
            << c.name << ": " << r.errors[0].toString().toStdString();
    }
}

TEST(SessionFormats, ErrorsStopAtALimit) {
    QByteArray csv = "date,area,needle_mm\n";
    for (int i = 0; i < 25; ++i)
        csv += "not-a-date,face,0.5\n";
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("many.csv"), rules(), kToday);
    EXPECT_EQ(r.errors.size(), 20);
    EXPECT_TRUE(r.truncatedErrors);
}

TEST(SessionFormats, DuplicateUuidInOneFileIsAnError) {
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray csv = "uuid,date,area,needle_mm\n" + uuid.toUtf8() + ",2026-11-01,face,0.5\n" +
                           uuid.toUtf8() + ",2026-11-09,face,0.5\n";
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("d.csv"), rules(), kToday);
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_EQ(r.errors[0].line, 3);
    EXPECT_EQ(r.errors[0].field, QStringLiteral("uuid"));
}

TEST(SessionFormats, JsonErrorsNameTheLineOfTheSession) {
    const QByteArray json =
        "[\n"
        "  {\"date\": \"2026-11-01\", \"area\": \"face\", \"needle_mm\": 0.5},\n"
        "  {\n"
        "    \"date\": \"2026-11-02\",\n"
        "    \"area\": \"face\",\n"
        "    \"needle_mm\": \"lots\"\n"
        "  }\n"
        "]\n";
    const io::ImportResult r = io::parseJson(json, QStringLiteral("j.json"), rules(), kToday);
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_EQ(r.errors[0].toString().left(22), QStringLiteral("j.json:3: needle_mm: '"));
}

// Members a session does not have are left out of its record unread, however many and however
// long: a session with 20,000 of them imports like one without.
TEST(SessionFormats, JsonMembersASessionDoesNotHaveAreIgnored) {
    QByteArray json = "[{\"date\": \"2026-11-01\", \"area\": \"face\", \"needle_mm\": 0.5";
    for (int i = 0; i < 20000; ++i)
        json += ", \"extra" + QByteArray::number(i) + "\": 1";
    json += ", \"essay\": \"" + QByteArray(20000, 'x') + "\"}]";
    const io::ImportResult r = io::parseJson(json, QStringLiteral("j.json"), rules(), kToday);
    ASSERT_TRUE(r.errors.isEmpty()) << r.errors.constFirst().toString().toStdString();
    ASSERT_EQ(r.sessions.size(), 1);
    EXPECT_EQ(r.sessions[0].needle, NeedleLength::fromMillimetres(0.5));
}

TEST(SessionFormats, MalformedJsonIsRejectedCleanly) {
    EXPECT_EQ(io::parseJson("[\n{\"date\": \n", QStringLiteral("x.json"), rules(), kToday)
                  .errors.value(0)
                  .line,
              3);
    EXPECT_FALSE(io::parseJson("{\"hello\": 1}", QStringLiteral("x.json"), rules(), kToday)
                     .errors.isEmpty());
    EXPECT_FALSE(
        io::parseJson("[1, 2]", QStringLiteral("x.json"), rules(), kToday).errors.isEmpty());
    EXPECT_FALSE(io::parseJson(QByteArray("\x00\xff", 2), QStringLiteral("x.json"), rules(), kToday)
                     .errors.isEmpty());
}

TEST(SessionFormats, JsonIsWalkedASessionAtATimeWithQtsRules) {
    // Brackets, braces and escaped quotes inside strings do not end a session.
    const QByteArray tricky =
        "{\"format\": \"dermaplan-export\", \"sessions\": [\n"
        "  {\"date\": \"2026-11-01\", \"area\": \"face\", \"needle_mm\": 0.5,\n"
        "   \"notes\": \"a ] and a } and a \\\" and a \\\\\"},\n"
        "  {\"date\": \"2026-11-09\", \"area\": \"face\", \"needle_mm\": 0.5}\n"
        "], \"regimens\": [], \"devices\": []}\n";
    const io::ImportResult ok = io::parseJson(tricky, QStringLiteral("t.json"), rules(), kToday);
    ASSERT_TRUE(ok.errors.isEmpty()) << errorTexts(ok).join(u'\n').toStdString();
    ASSERT_EQ(ok.sessions.size(), 2);
    EXPECT_EQ(ok.sessions[0].notes, QStringLiteral("a ] and a } and a \" and a \\"));

    // What QJsonDocument refuses is refused, at the line where it is.
    struct Case {
        const char* name;
        QByteArray data;
        int line;
    };
    const QList<Case> cases{
        {"missing comma", "[\n{\"date\": \"2026-11-01\"}\n{\"date\": \"2026-11-02\"}\n]", 3},
        {"trailing comma in a session", "[\n{\"date\": \"2026-11-01\",}\n]", 2},
        {"garbage after the document", "[]\n\nnonsense", 3},
        {"unclosed session", "[\n{\"date\": \"2026-11-01\"\n", 3},
        {"bad member in an export", "{\"sessions\": [],\n \"devices\": [tru]}", 2},
        {"single quotes", "[\n{'date': '2026-11-01'}]", 2},
        {"a member without a value", "{\"devices\": ,\n \"sessions\": []}", 1},
        {"a value missing at the end", "{\"sessions\": [],\n \"x\": }", 2},
        {"a comma too many", "[\n{\"date\": \"2026-11-01\"},\n]", 3},
    };
    for (const Case& c : cases) {
        const io::ImportResult r = io::parseJson(c.data, QStringLiteral("x.json"), rules(), kToday);
        ASSERT_FALSE(r.errors.isEmpty()) << c.name;
        EXPECT_EQ(r.errors.constLast().line, c.line)
            << c.name << ": " << r.errors.constLast().toString().toStdString();
        EXPECT_TRUE(r.errors.constLast().message.startsWith(u"invalid JSON"))
            << c.name << ": " << r.errors.constLast().toString().toStdString();
        EXPECT_TRUE(QJsonDocument::fromJson(c.data).isNull()) << c.name << " is valid JSON";
    }
}

// Qt keeps the last of two "sessions" members; walking both would import both. Neither can be
// what the file meant: it is refused.
TEST(SessionFormats, JsonWithTwoSessionsMembersIsRefused) {
    const QByteArray twice = "{\"sessions\": [{\"date\": \"2026-11-01\", \"area\": \"face\", "
                             "\"needle_mm\": 0.5}],\n \"sessions\": null}";
    const io::ImportResult r = io::parseJson(twice, QStringLiteral("t.json"), rules(), kToday);
    ASSERT_EQ(r.errors.size(), 1) << errorTexts(r).join(u'\n').toStdString();
    EXPECT_EQ(r.errors[0].line, 2);
    EXPECT_TRUE(r.errors[0].message.contains(QStringLiteral("twice")));
    EXPECT_TRUE(r.sessions.isEmpty());
}

TEST(SessionFormats, CsvKeepsAByteOrderMarkInsideAFieldAndNamesTheLineOfBadUtf8) {
    // The file's own mark is dropped; one at the start of a field is no content either, in
    // every format (keptText: Qt's JSON writer could not carry it), and one inside it stays.
    const QByteArray csv = "\xEF\xBB\xBF"
                           "date,area,needle_mm,notes\r\n"
                           "2026-11-01,face,0.5,\xEF\xBB\xBFnote\xEF\xBB\xBF\r\n";
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("b.csv"), rules(), kToday);
    ASSERT_TRUE(r.errors.isEmpty()) << errorTexts(r).join(u'\n').toStdString();
    ASSERT_EQ(r.sessions.size(), 1);
    EXPECT_EQ(r.sessions[0].notes, QStringLiteral("note") + QChar(0xFEFF));

    // Invalid UTF-8 on the third line of a quoted field that starts on line 2.
    const QByteArray bad = "date,area,needle_mm,notes\n2026-11-01,face,0.5,\"one\ntwo\nthr\xff\"\n";
    const io::ImportResult e = io::parseCsv(bad, QStringLiteral("u.csv"), rules(), kToday);
    ASSERT_EQ(e.errors.size(), 1);
    EXPECT_EQ(e.errors[0].line, 4);
}

TEST(SessionFormats, ALargeFileParses) {
    QList<Session> many;
    Session s = sampleSessions().at(0);
    for (int i = 0; i < 100000; ++i) {
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.date = QDate(2020, 1, 1).addDays(i % 2000);
        many << s;
    }
    const io::ImportResult r =
        io::parseCsv(io::exportCsv(many), QStringLiteral("big.csv"), rules(), kToday);
    ASSERT_TRUE(r.errors.isEmpty());
    EXPECT_EQ(r.sessions.size(), 100000);
}

namespace {

// Records of every kind, as an export carries them.
io::Records sampleRecords() {
    Regimen r = test::regimen(4, QStringLiteral("scalp"), 0.5, 14, QDate(2026, 11, 1), 12);
    r.name = QStringLiteral("Hair");
    Device d;
    d.id = 3;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    d.firstUse = QDate(2026, 10, 1);
    Pause p;
    p.id = 5;
    p.from = QDate(2026, 12, 20);
    p.to = QDate(2027, 1, 3);
    p.area = QStringLiteral("face");
    p.reason = QStringLiteral("Holiday");
    Pause everywhere;
    everywhere.id = 6;
    everywhere.from = everywhere.to = QDate(2026, 11, 30);
    Product serum;
    serum.id = 7;
    serum.name = QStringLiteral("Hyaluronic serum");
    serum.kind = QStringLiteral("serum");
    serum.brokenSkin = Product::BrokenSkin::Yes;
    Product retinol;
    retinol.id = 8;
    retinol.name = QStringLiteral("Retinol 0.3%");
    retinol.kind = QStringLiteral("retinoid");
    return {.regimens = {r},
            .devices = {d},
            .cleanings = {{3, QDateTime(QDate(2026, 11, 2), QTime(21, 30))},
                          {3, QDateTime(QDate(2026, 11, 16), QTime(8, 5))}},
            .pauses = {p, everywhere},
            .products = {serum, retinol}};
}

} // namespace

TEST(SessionFormats, JsonExportCarriesEveryRecordAndChecksThem) {
    const io::Records records = sampleRecords();
    const io::ImportResult back = io::parseJson(io::exportJson(sampleSessions(), records),
                                                QStringLiteral("e.json"), rules(), kToday);
    ASSERT_TRUE(back.errors.isEmpty()) << errorTexts(back).join(u'\n').toStdString();
    ASSERT_EQ(back.records.regimens.size(), 1);
    Regimen expected = records.regimens[0];
    expected.id = 0; // a regimen gets a new id where it is imported
    EXPECT_EQ(back.records.regimens[0], expected);
    EXPECT_EQ(back.records.devices, records.devices);
    EXPECT_EQ(back.records.cleanings, records.cleanings);
    QList<Pause> pauses = records.pauses;
    QList<Product> products = records.products;
    for (Pause& p : pauses)
        p.id = 0; // new ids where they are imported
    for (Product& p : products)
        p.id = 0;
    EXPECT_EQ(back.records.pauses, pauses);
    EXPECT_EQ(back.records.products, products);

    io::Records wrong = records;
    wrong.regimens[0].everyDays = 2; // below the 7-day minimum for 0.5 mm on the scalp
    const io::ImportResult refused = io::parseJson(io::exportJson(sampleSessions(), wrong),
                                                   QStringLiteral("e.json"), rules(), kToday);
    ASSERT_EQ(refused.errors.size(), 1);
    EXPECT_EQ(refused.errors[0].field, QStringLiteral("regimens[0].every_days"));
    EXPECT_TRUE(refused.sessions.isEmpty() && refused.records.isEmpty())
        << "nothing when anything is wrong";
}

// Each record that cannot be stored is named by its path, and nothing of the file is kept.
TEST(SessionFormats, JsonExportRefusesBadRecordsNamingEach) {
    const QByteArray good = io::exportJson(sampleSessions(), sampleRecords());
    const auto refusedWith = [&good](const QString& key, const QJsonValue& value) {
        QJsonObject root = QJsonDocument::fromJson(good).object();
        root.insert(key, value);
        return io::parseJson(QJsonDocument(root).toJson(), QStringLiteral("e.json"), rules(),
                             kToday);
    };
    const auto object = [](std::initializer_list<std::pair<QString, QJsonValue>> members) {
        QJsonObject o;
        for (const auto& [k, v] : members)
            o.insert(k, v);
        return o;
    };
    struct Case {
        QString key;
        QJsonValue value;
        QString field;
    };
    const QList<Case> cases = {
        {u"cleanings"_s,
         QJsonArray{object({{u"device_id"_s, 9}, {u"cleaned_at"_s, u"2026-11-02T21:30"_s}})},
         u"cleanings[0].device_id"_s},
        {u"cleanings"_s,
         QJsonArray{object({{u"device_id"_s, 3}, {u"cleaned_at"_s, u"2026-11-02 21:30"_s}})},
         u"cleanings[0].cleaned_at"_s},
        {u"cleanings"_s,
         QJsonArray{object({{u"device_id"_s, 3}, {u"cleaned_at"_s, u"2027-01-02T21:30"_s}})},
         u"cleanings[0].cleaned_at"_s},
        {u"pauses"_s,
         QJsonArray{object({{u"from"_s, u"2026-12-20"_s}, {u"to"_s, u"2026-12-19"_s}})},
         u"pauses[0].to"_s},
        {u"pauses"_s,
         QJsonArray{object({{u"from"_s, u"20.12.2026"_s}, {u"to"_s, u"2026-12-21"_s}})},
         u"pauses[0].from"_s},
        {u"pauses"_s,
         QJsonArray{object(
             {{u"from"_s, u"2026-12-20"_s}, {u"to"_s, u"2026-12-21"_s}, {u"area"_s, u"elbow"_s}})},
         u"pauses[0].area"_s},
        {u"products"_s, QJsonArray{object({{u"name"_s, u"A, B"_s}})}, u"products[0].name"_s},
        {u"products"_s, QJsonArray{object({{u"name"_s, u"A"_s}, {u"kind"_s, u"potion"_s}})},
         u"products[0].kind"_s},
        {u"products"_s, QJsonArray{object({{u"name"_s, u"A"_s}, {u"broken_skin"_s, u"maybe"_s}})},
         u"products[0].broken_skin"_s},
        {u"products"_s,
         QJsonArray{object({{u"name"_s, u"Crème"_s}}), object({{u"name"_s, u"CRÈME"_s}})},
         u"products[1].name"_s},
        {u"products"_s, QJsonArray{u"Serum"_s}, u"products[0]"_s},
        {u"pauses"_s, u"none"_s, u"pauses"_s},
        // A value of the wrong kind is named, never read as "every area" or a default.
        {u"pauses"_s,
         QJsonArray{
             object({{u"from"_s, u"2026-12-20"_s}, {u"to"_s, u"2026-12-21"_s}, {u"area"_s, 5}})},
         u"pauses[0].area"_s},
        {u"products"_s, QJsonArray{object({{u"name"_s, u"A"_s}, {u"broken_skin"_s, true}})},
         u"products[0].broken_skin"_s},
        {u"devices"_s,
         QJsonArray{object(
             {{u"id"_s, 3}, {u"name"_s, u"Roller"_s}, {u"kind"_s, 5}, {u"needle_mm"_s, 0.5}})},
         u"devices[0].kind"_s},
        // Two devices under one id: which one a session or a cleaning meant is not known.
        {u"devices"_s,
         QJsonArray{object({{u"id"_s, 3}, {u"name"_s, u"Roller"_s}, {u"needle_mm"_s, 0.5}}),
                    object({{u"id"_s, 3}, {u"name"_s, u"Stamp"_s}, {u"needle_mm"_s, 0.25}})},
         u"devices[1].id"_s},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(
            c.field.toStdString() + " " +
            QJsonDocument(QJsonArray{c.value}).toJson(QJsonDocument::Compact).toStdString());
        const io::ImportResult r = refusedWith(c.key, c.value);
        ASSERT_EQ(r.errors.size(), 1) << errorTexts(r).join(u'\n').toStdString();
        EXPECT_EQ(r.errors[0].field, c.field);
        EXPECT_TRUE(r.sessions.isEmpty() && r.records.isEmpty());
    }
}

// Exports are written a chunk at a time (io::SessionStream): the bytes must be those of the whole
// document as Qt writes it, for no session, one and many, and whatever the chunking.
TEST(SessionStream, JsonIsByteForByteTheDocumentQtWrites) {
    Regimen r = test::regimen(3, QStringLiteral("scalp"), 0.5, 7, kToday);
    r.name = QStringLiteral("Scalp");
    Device d;
    d.id = 2;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    for (const qsizetype count : {0, 1, 4}) {
        SCOPED_TRACE(count);
        const QList<Session> sessions = sampleSessions().mid(0, count);
        QJsonArray array;
        for (const Session& s : sessions)
            array.append(io::sessionToJson(s));
        EXPECT_EQ(io::historyJson(sessions), QJsonDocument(array).toJson(QJsonDocument::Indented));
        for (const bool withOthers : {false, true}) {
            const io::Records records = withOthers ? sampleRecords() : io::Records{};
            QJsonArray rs, ds, cs, ps, prs;
            for (const Regimen& x : records.regimens)
                rs.append(io::regimenToJson(x));
            for (const Device& x : records.devices)
                ds.append(io::deviceToJson(x));
            for (const Cleaning& x : records.cleanings)
                cs.append(io::cleaningToJson(x));
            for (const Pause& x : records.pauses)
                ps.append(io::pauseToJson(x));
            for (const Product& x : records.products)
                prs.append(io::productToJson(x));
            const QJsonObject whole{{QStringLiteral("format"), QStringLiteral("dermaplan-export")},
                                    {QStringLiteral("version"), 1},
                                    {QStringLiteral("sessions"), array},
                                    {QStringLiteral("regimens"), rs},
                                    {QStringLiteral("devices"), ds},
                                    {QStringLiteral("cleanings"), cs},
                                    {QStringLiteral("pauses"), ps},
                                    {QStringLiteral("products"), prs}};
            EXPECT_EQ(io::exportJson(sessions, records),
                      QJsonDocument(whole).toJson(QJsonDocument::Indented));
        }
    }
}

TEST(SessionStream, ALongHistoryComesInSeveralChunksOfWholeRows) {
    QList<Session> many;
    for (int i = 0; i < 4000; ++i) {
        Session s = sampleSessions().at(i % 4);
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.notes = QString(80, QChar(u'é'));
        many << s;
    }
    QList<QByteArray> chunks;
    io::SessionStream stream(io::SessionStream::Format::Csv, [&chunks](QByteArrayView chunk) {
        chunks << chunk.toByteArray();
        return success();
    });
    ASSERT_TRUE(stream.begin());
    for (const Session& s : many)
        ASSERT_TRUE(stream.add(s));
    ASSERT_TRUE(stream.finish());
    EXPECT_GT(chunks.size(), 1);
    for (const QByteArray& chunk : chunks)
        EXPECT_TRUE(chunk.endsWith("\r\n")) << "a chunk ends inside a row";
    EXPECT_EQ(chunks.join(), io::exportCsv(many));
}

TEST(SessionStream, AFailingSinkStopsTheWriter) {
    io::SessionStream stream(io::SessionStream::Format::HistoryJson, [](QByteArrayView) {
        return Status(Error::plain(QStringLiteral("disk full")));
    });
    ASSERT_TRUE(stream.begin());
    const Status done = stream.finish();
    ASSERT_FALSE(done);
    EXPECT_EQ(done.error().message, QStringLiteral("disk full"));
}

TEST(SessionFormats, AJsonExportsDeviceIsCheckedAsAnyDeviceAndNamedByItsPath) {
    // validateDevice, as for a device added in the app or by `device add`; a missing needle is
    // said to be missing, not shown as the value standing in for it.
    const QByteArray json = R"({"format":"dermaplan-export","version":1,"sessions":[],"regimens":[],
        "devices":[{"id":1,"name":"A","kind":"wand","needle_mm":0.5},
                   {"id":2,"name":"B","kind":"roller"},
                   {"id":3,"name":"C","kind":"pen","needle_mm":0.5,"first_use":"2026-12-30"},
                   {"id":4,"name":"D","kind":"stamp","needle_mm":0.5,"first_use":"2026-11-02"}]})";
    const io::ImportResult r = io::parseJson(json, QStringLiteral("d.json"), rules(), kToday);
    const QString errors = errorTexts(r).join(u'\n');
    EXPECT_TRUE(errors.contains(u"devices[0].kind: 'wand' is not roller, stamp or pen"))
        << errors.toStdString();
    EXPECT_TRUE(errors.contains(u"devices[1].needle_mm: is missing")) << errors.toStdString();
    EXPECT_TRUE(errors.contains(u"devices[2].first_use: 2026-12-30 is in the future"))
        << errors.toStdString();
    EXPECT_EQ(r.errors.size(), 3) << "the stamp is fine: " << errors.toStdString();
}

namespace {

// Text a spreadsheet, a shell or another program might put in a field: separators, quotes,
// line breaks of every kind, control characters, a byte order mark, formula starters,
// characters outside the basic plane, right-to-left marks, leading and trailing blanks.
QString hostileText(std::mt19937& random) {
    static const QStringList pieces{
        QStringLiteral(","),       QStringLiteral(";"),     QStringLiteral("\""),
        QStringLiteral("'"),       QStringLiteral("\n"),    QStringLiteral("\r\n"),
        QStringLiteral("\r"),      QStringLiteral("\t"),    QStringLiteral(" "),
        QStringLiteral("\x01"),    QStringLiteral("\x1f"),  QStringLiteral("\x7f"),
        QStringLiteral("\ufeff"),  QStringLiteral("="),     QStringLiteral("+"),
        QStringLiteral("-"),       QStringLiteral("@"),     QStringLiteral("\\"),
        QStringLiteral("\\u0000"), QStringLiteral("😀"),     QStringLiteral("\u200f"),
        QStringLiteral("ß"),       QStringLiteral("0,5"),   QStringLiteral("{}"),
        QStringLiteral("[\"x\"]"), QStringLiteral("serum"), QStringLiteral("\u2028")};
    QString text;
    const int n = std::uniform_int_distribution<int>(0, 12)(random);
    for (int i = 0; i < n; ++i)
        text += pieces.at(std::uniform_int_distribution<qsizetype>(0, pieces.size() - 1)(random));
    return text;
}

QList<Session> hostileHistory(std::mt19937& random) {
    QList<Session> sessions = sampleSessions();
    for (Session& s : sessions) {
        // As the store keeps them (keptText): what an export is made from.
        s.reaction = keptText(hostileText(random));
        s.products = keptText(hostileText(random));
        s.notes = keptText(hostileText(random));
        s.overrideReason = keptText(hostileText(random));
    }
    return sessions;
}

} // namespace

// Every file Dermaplan exports imports back unchanged, whatever text its sessions hold.
TEST(SessionFormats, EveryExportOfAHostileHistoryImportsBackUnchanged) {
    std::mt19937 random(20261207);
    for (int round = 0; round < 300; ++round) {
        const QList<Session> sessions = hostileHistory(random);
        const std::pair<const char*, QByteArray> files[] = {
            {"csv", io::exportCsv(sessions)},
            {"csv with ';' and decimal commas", io::exportCsv(sessions, {';', true})},
            {"csv with tabs", io::exportCsv(sessions, {'\t', false})},
            {"history json", io::historyJson(sessions)},
            {"export json", io::exportJson(sessions)}};
        for (const auto& [format, bytes] : files) {
            // Each CSV dialect is read back by detecting it from the header.
            const io::ImportResult back =
                QByteArrayView(format).startsWith("csv")
                    ? io::parseCsv(bytes, QStringLiteral("s.csv"), rules(), kToday)
                    : io::parseJson(bytes, QStringLiteral("s.json"), rules(), kToday);
            ASSERT_TRUE(back.errors.isEmpty()) << format << ", round " << round << ": "
                                               << errorTexts(back).join(u'\n').toStdString();
            expectSameSessions(back.sessions, sessions);
            if (HasFailure())
                FAIL() << format << ", round " << round;
        }
    }
}

TEST(SessionFormats, ANulCharacterIsRefusedByEveryFormatNamingTheField) {
    Session s = sampleSessions().at(0);
    s.notes = QStringLiteral("before") + QChar(u'\0') + QStringLiteral("after");
    const io::ImportResult json =
        io::parseJson(io::exportJson({s}), QStringLiteral("s.json"), rules(), kToday);
    ASSERT_EQ(json.errors.size(), 1);
    EXPECT_EQ(json.errors.at(0).field, QStringLiteral("notes"));
    EXPECT_TRUE(json.errors.at(0).message.contains(QStringLiteral("NUL")));
    EXPECT_GT(json.errors.at(0).line, 0);
    const io::ImportResult csv =
        io::parseCsv(io::exportCsv({s}), QStringLiteral("s.csv"), rules(), kToday);
    ASSERT_FALSE(csv.errors.isEmpty());
    EXPECT_TRUE(csv.errors.at(0).message.contains(QStringLiteral("NUL")));
    const auto direct = validateSession(s, rules(), kToday);
    ASSERT_FALSE(direct);
    EXPECT_EQ(direct.error().field, QStringLiteral("notes"));
}

TEST(SessionFormats, ASpreadsheetSavedInGermanOrSpanishIsRead) {
    // As LibreOffice or Excel save CSV where the decimal separator is a comma: ';' between
    // fields, "0,5", a byte order mark, quoted text with the delimiter in it.
    const QByteArray csv = "\xEF\xBB\xBF"
                           "date;area;needle_mm;notes\r\n"
                           "2026-11-01;face;0,5;\"erste; Sitzung\"\r\n"
                           "2026-11-20;scalp;0,25;segunda\r\n";
    EXPECT_EQ(io::detectCsvDelimiter(QByteArrayView(csv).first(csv.indexOf('\r'))), ';');
    const io::ImportResult r = io::parseCsv(csv, QStringLiteral("de.csv"), rules(), kToday);
    ASSERT_TRUE(r.errors.isEmpty()) << errorTexts(r).join(u'\n').toStdString();
    ASSERT_EQ(r.sessions.size(), 2);
    EXPECT_EQ(r.sessions[0].needle, NeedleLength::fromMillimetres(0.5));
    EXPECT_EQ(r.sessions[0].notes, QStringLiteral("erste; Sitzung"));
    EXPECT_EQ(r.sessions[1].needle, NeedleLength::fromMillimetres(0.25));
    // A comma-separated file keeps its commas: "0,5" there is two fields.
    EXPECT_EQ(io::detectCsvDelimiter("date,area,needle_mm"), ',');
    EXPECT_EQ(io::CsvDialect::forLocale(QLocale(QLocale::German)), (io::CsvDialect{';', true}));
    EXPECT_EQ(io::CsvDialect::forLocale(QLocale(QLocale::Spanish)), (io::CsvDialect{';', true}));
    EXPECT_EQ(io::CsvDialect::forLocale(QLocale(QLocale::English)), io::CsvDialect{});
    const QByteArray out = io::exportCsv(r.sessions, {';', true});
    EXPECT_TRUE(out.contains(";face;;0,5;self;")) << out.toStdString();
}
