// Each dermaplan-cli command run in process (cli::run, the function the program's main calls),
// on a temporary database: exit codes, what it prints and what the database then holds. The
// shell scripts beside this file drive the real binary as a user would; these run in
// milliseconds and reach each command's branches.
#include "TestSupport.h"

#include "Cli.h"
#include "planning/Planner.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

struct Outcome {
    int code = -1;
    QString out;
    QString err;
};

QStringList words(const char* text) {
    return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts);
}

class CommandsTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString db() const { return m_dir.filePath(QStringLiteral("cli.sqlite")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

    // Runs `dermaplan-cli --db DB ARGS...`.
    Outcome cli(QStringList args) {
        Outcome o;
        QTextStream out(&o.out);
        QTextStream err(&o.err);
        args.prepend(db());
        args.prepend(QStringLiteral("--db"));
        o.code = cli::run(args, out, err, cli::Environment{db(), kToday, test::rules()});
        out.flush();
        err.flush();
        return o;
    }

    QJsonArray json(const QStringList& args) {
        const Outcome o = cli(args);
        EXPECT_EQ(o.code, 0) << o.err.toStdString();
        return QJsonDocument::fromJson(o.out.toUtf8()).array();
    }

    // Each command fails as bad input (exit 2), its error starting with the message given, and
    // leaves the disk as it was: not even an empty database is made for it.
    void expectUsageErrorsWithoutOpening(
        std::initializer_list<std::pair<const char*, const char*>> cases) {
        for (const auto& [command, message] : cases) {
            const Outcome o = cli(words(command));
            EXPECT_EQ(o.code, 2) << command;
            EXPECT_TRUE(o.err.startsWith(QString::fromUtf8(message)))
                << command << ": " << o.err.toStdString();
            EXPECT_FALSE(QFile::exists(db())) << command << " opened the database";
        }
    }

    int sessions() {
        auto opened = Database::open(db(), kToday);
        return opened ? *SessionStore(**opened).count({}) : -1;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(CommandsTest, GlobalOptionsHelpVersionAndUnknownCommands) {
    Outcome o = cli({QStringLiteral("--help")});
    EXPECT_EQ(o.code, 0);
    EXPECT_TRUE(o.out.contains(QStringLiteral("plan add"))) << "every command is listed";
    EXPECT_EQ(cli({QStringLiteral("frobnicate")}).code, 2);
    o = cli({QStringLiteral("plan")});
    EXPECT_EQ(o.code, 2);
    EXPECT_TRUE(o.err.contains(QStringLiteral("needs an action")));
    Outcome noPath;
    QTextStream out(&noPath.out), err(&noPath.err);
    EXPECT_EQ(cli::run({QStringLiteral("--db")}, out, err, {db(), kToday, test::rules()}), 2);
    err.flush();
    EXPECT_TRUE(noPath.err.contains(QStringLiteral("--db"))) << noPath.err.toStdString();
    o = cli(words("log --help"));
    EXPECT_EQ(o.code, 0);
    EXPECT_TRUE(o.out.startsWith(QStringLiteral("Usage: dermaplan-cli [--db PATH] log")));
}

TEST_F(CommandsTest, LogStoresRefusesAndValidates) {
    EXPECT_EQ(cli(words("log --area face --needle 0.5 --date 2026-11-20")).code, 0);
    EXPECT_EQ(sessions(), 1);
    const Outcome refused = cli(words("log --area face --needle 0.5 --date 2026-11-24"));
    EXPECT_EQ(refused.code, 3) << "too soon after the last session";
    EXPECT_TRUE(refused.err.contains(QStringLiteral("refused")));
    EXPECT_EQ(cli(words("log --area face --needle 0.5 --date 2026-11-24 --override clinic")).code,
              0);
    EXPECT_EQ(sessions(), 2);
    const Outcome future = cli(words("log --area face --needle 0.5 --date 2026-12-01"));
    EXPECT_EQ(future.code, 2);
    EXPECT_TRUE(future.err.contains(QStringLiteral("--date"))) << future.err.toStdString();
    EXPECT_EQ(cli(words("log --area elbow --needle 0.5")).code, 2);
    EXPECT_EQ(cli(words("log --area body --needle 0.5 --dry-run")).code, 0);
    EXPECT_EQ(sessions(), 2) << "a dry run stores nothing";
}

TEST_F(CommandsTest, HistoryAndNextAnswerFromTheLog) {
    ASSERT_EQ(cli(words("log --area scalp --needle 0.5 --date 2026-11-20 --notes first")).code, 0);
    const QJsonArray history = json(words("history --format json"));
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0].toObject().value(u"notes").toString(), QStringLiteral("first"));
    const QJsonArray next = json(words("next --area scalp --needle 0.5 --format json"));
    ASSERT_EQ(next.size(), 1);
    EXPECT_FALSE(next[0].toObject().value(u"allowed_now").toBool());
    EXPECT_EQ(next[0].toObject().value(u"last_session_date").toString(),
              QStringLiteral("2026-11-20"));
}

TEST_F(CommandsTest, FollowUpAnswersListsWhatIsDueAndHoldsTheArea) {
    // A face session four days ago (its 72 h check is due) and a scalp one today (nothing yet).
    ASSERT_EQ(cli(words("log --area face --zone cheeks --needle 0.25 --date 2026-11-20")).code, 0);
    ASSERT_EQ(cli(words("log --area scalp --needle 0.25 --date 2026-11-24")).code, 0);
    QJsonArray due = json(words("followup --due --format json"));
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due[0].toObject().value(u"session_id").toInteger(), 1);
    EXPECT_EQ(due[0].toObject().value(u"check").toString(), QStringLiteral("day-3"));
    EXPECT_TRUE(due[0].toObject().value(u"states").toArray().contains(QStringLiteral("fine")));
    Outcome text = cli(words("followup --due"));
    EXPECT_TRUE(text.out.contains(QStringLiteral("72 hours after: how is the skin?")))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("followup 1 --state fine|"))) << "how to answer";

    // Bad answers name what is wrong and store nothing.
    Outcome bad = cli(words("followup 1 --state itchy"));
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--state"))) << bad.err.toStdString();
    bad = cli(words("followup 1 --state fine --date 2026-11-25"));
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--date: 2026-11-25 is in the future")))
        << bad.err.toStdString();
    bad = cli(words("followup 9 --state fine"));
    EXPECT_EQ(bad.code, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("SESSION_ID: no session with id 9")))
        << bad.err.toStdString();
    EXPECT_EQ(cli(words("followup 1")).code, 2) << "--state is required";
    EXPECT_EQ(cli(words("followup --due --state fine")).code, 2);
    EXPECT_EQ(cli(words("followup 1 --state fine --format json")).code, 2);

    // Signs of infection: the advice to see a doctor, the face held, asked about again tomorrow.
    const Outcome held = cli(words("followup 1 --state infection --notes warm"));
    EXPECT_EQ(held.code, 0) << held.err.toStdString();
    EXPECT_TRUE(held.err.contains(QStringLiteral("See a doctor now"))) << held.err.toStdString();
    EXPECT_TRUE(json(words("followup --due --format json")).isEmpty()) << "answered today";
    const QJsonArray next = json(words("next --area face --needle 0.25 --format json"));
    ASSERT_EQ(next.size(), 1);
    EXPECT_FALSE(next[0].toObject().value(u"allowed_now").toBool());
    const QJsonObject onHold = next[0].toObject().value(u"on_hold").toObject();
    EXPECT_EQ(onHold.value(u"state").toString(), QStringLiteral("infection"));
    EXPECT_EQ(onHold.value(u"since").toString(), QStringLiteral("2026-11-24"));
    EXPECT_EQ(onHold.value(u"session_id").toInteger(), 1);
    EXPECT_TRUE(next[0].toObject().value(u"earliest_allowed_date").isNull())
        << "not known until the reaction resolves";
    EXPECT_TRUE(next[0].toObject().value(u"recommended_date").isNull());
    EXPECT_TRUE(cli(words("next --area face")).out.contains(QStringLiteral("on hold")));
    EXPECT_EQ(cli(words("log --area face --zone cheeks --needle 0.25")).code, 3);

    // History as JSON lists the answers with their session.
    const QJsonArray history = json(words("history --format json"));
    ASSERT_EQ(history.size(), 2);
    const QJsonArray answers = history[0].toObject().value(u"followups").toArray();
    ASSERT_EQ(answers.size(), 1);
    EXPECT_EQ(answers[0].toObject().value(u"state").toString(), QStringLiteral("infection"));
    EXPECT_EQ(answers[0].toObject().value(u"date").toString(), QStringLiteral("2026-11-24"));
    EXPECT_EQ(answers[0].toObject().value(u"notes").toString(), QStringLiteral("warm"));
    EXPECT_FALSE(history[1].toObject().contains(u"followups")) << "none for the scalp";

    // Cleared by a doctor: the face is free again.
    EXPECT_EQ(cli(words("followup 1 --state cleared")).code, 0);
    EXPECT_TRUE(json(words("next --area face --needle 0.25 --format json"))[0]
                    .toObject()
                    .value(u"on_hold")
                    .isNull());
    EXPECT_EQ(cli(words("log --area face --zone cheeks --needle 0.25")).code, 0);
}

TEST_F(CommandsTest, DueListsWhatIsDueTodayAndNeverASessionBeforeItIsAllowed) {
    EXPECT_EQ(cli(words("due")).out, QStringLiteral("Nothing is due today.\n"));
    // The scalp planned today; a roller used on the face three days ago (its 72 h question).
    ASSERT_EQ(cli(words("plan add --area scalp --needle 0.5 --every 14 --start 2026-11-24")).code,
              0);
    ASSERT_EQ(cli(words("device add --name Roller --needle 0.25")).code, 0);
    ASSERT_EQ(
        cli(words("log --area face --zone cheeks --needle 0.25 --date 2026-11-21 --device 1")).code,
        0);
    QJsonObject due =
        QJsonDocument::fromJson(cli(words("due --format json")).out.toUtf8()).object();
    EXPECT_EQ(due.value(u"date").toString(), QStringLiteral("2026-11-24"));
    ASSERT_EQ(due.value(u"sessions").toArray().size(), 1);
    EXPECT_EQ(due.value(u"sessions").toArray()[0].toObject().value(u"area").toString(),
              QStringLiteral("scalp"));
    EXPECT_EQ(due.value(u"sessions").toArray()[0].toObject().value(u"level").toString(),
              QStringLiteral("go"));
    ASSERT_EQ(due.value(u"devices").toArray().size(), 1);
    EXPECT_TRUE(due.value(u"devices").toArray()[0].toObject().value(u"needs_cleaning").toBool());
    ASSERT_EQ(due.value(u"followups").toArray().size(), 1);
    EXPECT_EQ(due.value(u"followups").toArray()[0].toObject().value(u"check").toString(),
              QStringLiteral("day-3"));
    const Outcome text = cli(words("due"));
    EXPECT_TRUE(text.out.contains(QStringLiteral("session: Scalp · 0.5 mm")))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("device: “Roller”: needs cleaning")));
    EXPECT_TRUE(text.out.contains(QStringLiteral("follow-up: 1  Face")));

    // The scalp rolled yesterday with a longer needle (overridden): today's session is not due.
    ASSERT_EQ(cli(words("log --area scalp --needle 1.0 --date 2026-11-23 --override clinic")).code,
              0);
    due = QJsonDocument::fromJson(cli(words("due --format json")).out.toUtf8()).object();
    EXPECT_TRUE(due.value(u"sessions").toArray().isEmpty());
    EXPECT_EQ(cli(words("due --format xml")).code, 2);
}

TEST_F(CommandsTest, StatsPrintsTheLogbooksFiguresAsTextJsonAndCsv) {
    ASSERT_EQ(cli(words("log --area scalp --needle 0.5 --date 2026-11-02 --pain 2")).code, 0);
    ASSERT_EQ(
        cli(words("log --area scalp --needle 0.5 --date 2026-11-03 --pain 4 --override x")).code,
        0);
    ASSERT_EQ(cli(words("log --area face --zone cheeks --needle 0.25 --date 2026-11-20")).code, 0);
    ASSERT_EQ(cli(words("followup 3 --state redness --date 2026-11-21")).code, 0);
    const QJsonObject all =
        QJsonDocument::fromJson(cli(words("stats --from 2026-11-01 --format json")).out.toUtf8())
            .object();
    EXPECT_EQ(all.value(u"sessions").toInt(), 3);
    const QJsonArray weeks = all.value(u"weeks").toArray();
    ASSERT_EQ(weeks.size(), 2);
    EXPECT_EQ(weeks[0].toObject().value(u"week").toString(), QStringLiteral("2026-11-02"));
    EXPECT_EQ(weeks[0].toObject().value(u"sessions").toInt(), 2);
    EXPECT_EQ(weeks[0].toObject().value(u"refused").toInt(), 1);
    EXPECT_DOUBLE_EQ(weeks[0].toObject().value(u"pain_mean").toDouble(), 3.0);
    EXPECT_EQ(weeks[0].toObject().value(u"pain_max").toInt(), 4);
    EXPECT_TRUE(weeks[1].toObject().value(u"pain_mean").isNull());
    ASSERT_EQ(all.value(u"reactions").toArray().size(), 1);
    EXPECT_EQ(all.value(u"reactions").toArray()[0].toObject().value(u"state").toString(),
              QStringLiteral("redness"));

    const QJsonObject scalp =
        QJsonDocument::fromJson(
            cli(words("stats --from 2026-11-01 --area scalp --format json")).out.toUtf8())
            .object();
    EXPECT_EQ(scalp.value(u"sessions").toInt(), 2);
    EXPECT_TRUE(scalp.value(u"reactions").toArray().isEmpty()) << "the answer is about the face";

    // A regimen's adherence, in total and week by week (every 14 days from 2 Nov: 2 and 16 Nov).
    ASSERT_EQ(cli(words("plan add --area scalp --needle 0.5 --every 14 --start 2026-11-02")).code,
              0);
    const QJsonArray regimens =
        QJsonDocument::fromJson(cli(words("stats --from 2026-11-01 --format json")).out.toUtf8())
            .object()
            .value(u"regimens")
            .toArray();
    ASSERT_EQ(regimens.size(), 1);
    const QJsonObject regimen = regimens[0].toObject();
    EXPECT_EQ(regimen.value(u"planned").toInt(), 2);
    EXPECT_EQ(regimen.value(u"done").toInt(), 2);
    EXPECT_EQ(regimen.value(u"too_soon").toInt(), 1);
    const QJsonArray byWeek = regimen.value(u"weeks").toArray();
    ASSERT_EQ(byWeek.size(), 4) << "the weeks of 2, 9, 16 and 23 Nov";
    EXPECT_EQ(byWeek[0].toObject().value(u"done").toInt(), 2);
    EXPECT_EQ(byWeek[2].toObject().value(u"planned").toInt(), 1);
    EXPECT_EQ(byWeek[2].toObject().value(u"done").toInt(), 0);

    const Outcome csv = cli(words("stats --from 2026-11-01 --format csv"));
    EXPECT_TRUE(csv.out.startsWith(QStringLiteral("figure,week,area,key,value\r\n")));
    EXPECT_TRUE(csv.out.contains(QStringLiteral("sessions,2026-11-02,scalp,,2\r\n")));
    EXPECT_TRUE(csv.out.contains(QStringLiteral("reaction,2026-11-16,,redness,1\r\n")));
    EXPECT_TRUE(csv.out.contains(QStringLiteral("regimen_week_done,2026-11-02,scalp,1,2\r\n")))
        << csv.out.toStdString();
    const Outcome text = cli(words("stats --from 2026-11-01"));
    EXPECT_TRUE(text.out.startsWith(QStringLiteral("2026-11-01 to 2026-11-24, every area: 3 "
                                                   "sessions")))
        << text.out.toStdString();

    EXPECT_EQ(cli(words("stats --area elbow")).code, 2);
    const Outcome backwards = cli(words("stats --from 2026-12-01"));
    EXPECT_EQ(backwards.code, 2);
    EXPECT_TRUE(backwards.err.contains(QStringLiteral("--from"))) << backwards.err.toStdString();
    EXPECT_EQ(cli(words("stats --to 2026-13-01")).code, 2);
}

TEST_F(CommandsTest, PlanAddListEndRemoveAndTemplates) {
    EXPECT_FALSE(json(words("templates --format json")).isEmpty());
    const Outcome templates = cli(words("templates"));
    EXPECT_TRUE(templates.out.contains(QStringLiteral("(Faghihi et al. 2021)")))
        << "sources by their names: " << templates.out.toStdString();
    EXPECT_FALSE(templates.out.contains(QStringLiteral("S-"))) << templates.out.toStdString();
    EXPECT_EQ(cli(words("plan add --name Hair --area scalp --needle 0.5 --every 14")).code, 0);
    EXPECT_EQ(cli(words("plan add --name Daily --area face --needle 1.0 --every 1")).code, 3)
        << "a cadence below the rule's floor is refused";
    QJsonArray plans = json(words("plan list --format json"));
    ASSERT_EQ(plans.size(), 1);
    const QString id = QString::number(plans[0].toObject().value(u"id").toInteger());
    const Outcome week = cli(words("schedule --week 2026-W48"));
    EXPECT_EQ(week.code, 0);
    EXPECT_TRUE(week.out.contains(QStringLiteral("Hair"))) << week.out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("plan"), QStringLiteral("end"), id}).code, 0);
    plans = json(words("plan list --format json"));
    ASSERT_EQ(plans.size(), 1);
    EXPECT_EQ(plans[0].toObject().value(u"ended_on").toString(), QStringLiteral("2026-11-24"));
    EXPECT_EQ(cli({QStringLiteral("plan"), QStringLiteral("remove"), id}).code, 0);
    auto opened = Database::open(db(), kToday);
    ASSERT_TRUE(opened);
    EXPECT_TRUE(RegimenStore(**opened).list(true)->isEmpty());
}

// A regimen added without a name is named as the app names it (Planner's defaultRegimenName).
TEST_F(CommandsTest, AnUnnamedRegimenIsNamedAsTheAppNamesIt) {
    EXPECT_EQ(cli(words("plan add --area scalp --needle 0.5 --every 14")).code, 0);
    const QJsonArray plans = json(words("plan list --format json"));
    ASSERT_EQ(plans.size(), 1);
    Regimen shown;
    shown.area = QStringLiteral("scalp");
    shown.needle = NeedleLength::fromMillimetres(0.5);
    shown.everyDays = 14;
    EXPECT_EQ(plans[0].toObject().value(u"name").toString(),
              defaultRegimenName(shown, test::rules()));
    EXPECT_EQ(plans[0].toObject().value(u"name").toString(),
              QStringLiteral("Scalp, 0.5 mm every 14 days"));
}

TEST_F(CommandsTest, DeviceAddListCleanRetire) {
    EXPECT_EQ(cli(words("device add --name Roller --needle 0.5 --count 540")).code, 0);
    EXPECT_EQ(cli(words("device add --needle 0.5")).code, 2) << "a name is required";
    QJsonArray devices = json(words("device list --format json"));
    ASSERT_EQ(devices.size(), 1);
    EXPECT_EQ(devices[0].toObject().value(u"status").toString(), QStringLiteral("fine"));
    EXPECT_EQ(devices[0].toObject().value(u"needle_count").toInt(), 540);
    EXPECT_TRUE(devices[0].toObject().value(u"needs_cleaning").toBool()) << "never cleaned";
    EXPECT_EQ(cli(words("device clean 1")).code, 0);
    devices = json(words("device list --format json"));
    EXPECT_FALSE(devices[0].toObject().value(u"needs_cleaning").toBool());
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d$)"))
                    .match(devices[0].toObject().value(u"last_cleaned").toString())
                    .hasMatch())
        << "to the minute: "
        << devices[0].toObject().value(u"last_cleaned").toString().toStdString();
    EXPECT_EQ(cli(words("device clean 7")).code, 2) << "no such device";
    EXPECT_EQ(cli(words("device retire 1")).code, 0);
    auto opened = Database::open(db(), kToday);
    ASSERT_TRUE(opened);
    EXPECT_EQ(DeviceStore(**opened).cleanings(1)->size(), 1);
    EXPECT_TRUE(DeviceStore(**opened).get(1)->retiredOn);
}

TEST_F(CommandsTest, ExportImportRoundTripAndDryRun) {
    ASSERT_EQ(cli(words("log --area body --needle 0.5 --date 2026-11-01 --notes =SUM(A1)")).code,
              0);
    ASSERT_EQ(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                   QStringLiteral("--output"), file(QStringLiteral("all.csv"))})
                  .code,
              0);
    const QString other = file(QStringLiteral("other.sqlite"));
    const auto importInto = [&](const QString& target, QStringList args) {
        Outcome o;
        QTextStream out(&o.out), err(&o.err);
        o.code = cli::run(QStringList{QStringLiteral("--db"), target} + args, out, err,
                          {target, kToday, test::rules()});
        return o;
    };
    EXPECT_EQ(importInto(other, {QStringLiteral("import"), QStringLiteral("--dry-run"),
                                 file(QStringLiteral("all.csv"))})
                  .code,
              0);
    EXPECT_EQ(importInto(other, {QStringLiteral("import"), file(QStringLiteral("all.csv"))}).code,
              0);
    auto opened = Database::open(other, kToday);
    ASSERT_TRUE(opened);
    const auto back = SessionStore(**opened).list({});
    ASSERT_EQ(back->size(), 1) << "the dry run stored nothing, the import one session";
    EXPECT_EQ(back->at(0).notes, QStringLiteral("=SUM(A1)")) << "the formula guard is undone";
    EXPECT_EQ(cli({QStringLiteral("import"), file(QStringLiteral("missing.csv"))}).code, 2);
}

TEST_F(CommandsTest, FollowUpAnswersTravelWithTheirSessionInAJsonExport) {
    ASSERT_EQ(cli(words("log --area face --zone cheeks --needle 0.25 --date 2026-11-18")).code, 0);
    ASSERT_EQ(cli(words("followup 1 --state redness --date 2026-11-19 --notes mild")).code, 0);
    ASSERT_EQ(cli(words("followup 1 --state fine --date 2026-11-21")).code, 0);
    const QString exported = file(QStringLiteral("all.json"));
    ASSERT_EQ(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                   QStringLiteral("--output"), exported})
                  .code,
              0);
    const auto runOn = [&](const QString& target, QStringList args) {
        Outcome o;
        QTextStream out(&o.out), err(&o.err);
        o.code = cli::run(QStringList{QStringLiteral("--db"), target} + args, out, err,
                          {target, kToday, test::rules()});
        return o;
    };
    const QString other = file(QStringLiteral("other.sqlite"));
    ASSERT_EQ(runOn(other, {QStringLiteral("import"), exported}).code, 0);
    Outcome history = runOn(other, words("history --format json"));
    QJsonArray sessions = QJsonDocument::fromJson(history.out.toUtf8()).array();
    ASSERT_EQ(sessions.size(), 1);
    const QJsonArray answers = sessions[0].toObject().value(u"followups").toArray();
    ASSERT_EQ(answers.size(), 2);
    EXPECT_EQ(answers[0].toObject().value(u"state").toString(), QStringLiteral("redness"));
    EXPECT_EQ(answers[0].toObject().value(u"notes").toString(), QStringLiteral("mild"));
    EXPECT_EQ(answers[1].toObject().value(u"date").toString(), QStringLiteral("2026-11-21"));
    // Imported again: the session is already there, and so are its answers.
    ASSERT_EQ(runOn(other, {QStringLiteral("import"), exported}).code, 0);
    history = runOn(other, words("history --format json"));
    sessions = QJsonDocument::fromJson(history.out.toUtf8()).array();
    EXPECT_EQ(sessions[0].toObject().value(u"followups").toArray().size(), 2);

    // A file with an answer the rules do not know names it and stores nothing.
    QFile in(exported);
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    QByteArray bad = in.readAll().replace("\"redness\"", "\"itchy\"");
    in.close();
    const QString badFile = file(QStringLiteral("bad.json"));
    QFile out(badFile);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(bad);
    out.close();
    const QString fresh = file(QStringLiteral("fresh.sqlite"));
    const Outcome refused = runOn(fresh, {QStringLiteral("import"), badFile});
    EXPECT_EQ(refused.code, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("sessions[0].followups[0].state")))
        << refused.err.toStdString();
    auto opened = Database::open(fresh, kToday);
    ASSERT_TRUE(opened);
    EXPECT_EQ(*SessionStore(**opened).count({}), 0);
}

TEST_F(CommandsTest, BackupRestoreAndCheck) {
    ASSERT_EQ(cli(words("log --area body --needle 0.5 --date 2026-11-01")).code, 0);
    const QString copy = file(QStringLiteral("copy.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("backup"), copy}).code, 0);
    EXPECT_EQ(cli({QStringLiteral("backup"), copy}).code, 2) << "never over an existing file";
    ASSERT_EQ(cli(words("log --area scalp --needle 0.5 --date 2026-11-02")).code, 0);
    EXPECT_EQ(sessions(), 2);
    EXPECT_EQ(cli({QStringLiteral("restore"), copy}).code, 0);
    EXPECT_EQ(sessions(), 1) << "the backup's history is back";
    const Outcome check = cli({QStringLiteral("check")});
    EXPECT_EQ(check.code, 0);
    EXPECT_TRUE(check.out.contains(QStringLiteral("integrity_check"))) << check.out.toStdString();
}

TEST_F(CommandsTest, RulesAndAreasNameTheirSources) {
    const Outcome rules = cli({QStringLiteral("rules")});
    EXPECT_EQ(rules.code, 0);
    EXPECT_FALSE(rules.out.contains(QStringLiteral("S-HOME"))) << "sources by name, not by id";
    EXPECT_TRUE(rules.out.contains(QStringLiteral("[Faghihi et al. 2021]")));
    const QJsonArray areas = json(words("areas --format json"));
    EXPECT_EQ(areas.size(), test::rules().areas().size());
}

TEST_F(CommandsTest, PausesAreAddedListedAndRemovedAndMoveThePlan) {
    ASSERT_EQ(cli(words("plan add --area scalp --needle 0.5 --every 14 --start 2026-11-30")).code,
              0);
    const Outcome added =
        cli(words("pause add --from 2026-12-10 --to 2026-12-20 --area scalp --reason Holiday"));
    ASSERT_EQ(added.code, 0) << added.err.toStdString();
    EXPECT_EQ(added.out.trimmed(), QStringLiteral("1"));
    const QJsonArray listed =
        QJsonDocument::fromJson(cli(words("pause list --format json")).out.toUtf8()).array();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject().value(u"area").toString(), QStringLiteral("scalp"));
    EXPECT_EQ(listed[0].toObject().value(u"reason").toString(), QStringLiteral("Holiday"));
    EXPECT_TRUE(cli(words("pause list")).out.contains(QStringLiteral("2026-12-10 to 2026-12-20")));
    const Outcome week = cli(words("schedule --week 2026-W51"));
    EXPECT_TRUE(week.out.contains(QStringLiteral("Scalp: paused: Holiday")))
        << week.out.toStdString();
    const Outcome after = cli(words("schedule --week 2026-W52"));
    EXPECT_TRUE(after.out.contains(QStringLiteral("Monday 21 December 2026\n  [ ] Scalp")))
        << "the session moved to the day after the pause\n"
        << after.out.toStdString();

    const Outcome backwards = cli(words("pause add --from 2026-12-20 --to 2026-12-10"));
    EXPECT_EQ(backwards.code, 2);
    EXPECT_TRUE(backwards.err.contains(QStringLiteral("--to"))) << backwards.err.toStdString();
    EXPECT_EQ(cli(words("pause add --from 2026-12-20 --to 2026-12-21 --area elbow")).code, 2);
    EXPECT_EQ(cli(words("pause add --to 2026-12-21")).code, 2);
    EXPECT_EQ(cli(words("pause remove 9")).code, 2);
    EXPECT_EQ(cli(words("pause remove 1")).code, 0);
    EXPECT_TRUE(QJsonDocument::fromJson(cli(words("pause list --all --format json")).out.toUtf8())
                    .array()
                    .isEmpty());
}

TEST_F(CommandsTest, ProductsAreListedWarnedAboutAndNamedOnTheSchedule) {
    ASSERT_EQ(cli(words("product add --name Serum --kind vitamin-c --broken-skin no")).code, 0);
    EXPECT_EQ(cli(words("product add --name serum")).code, 2) << "the same name";
    EXPECT_EQ(cli(words("product add --name Cream --broken-skin maybe")).code, 2);
    EXPECT_EQ(cli(words("product add --name Cream --kind potion")).code, 2);
    const QJsonArray listed =
        QJsonDocument::fromJson(cli(words("product list --format json")).out.toUtf8()).array();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].toObject().value(u"broken_skin").toString(), QStringLiteral("no"));
    const Outcome logged =
        cli(words("log --area face --zone cheeks --needle 0.25 --products Serum"));
    EXPECT_EQ(logged.code, 0);
    EXPECT_TRUE(
        logged.err.contains(QStringLiteral("“Serum” is not meant for freshly needled skin")))
        << logged.err.toStdString();
    EXPECT_TRUE(cli(words("schedule")).out.contains(QStringLiteral("(yours: Serum)")));
    EXPECT_EQ(cli(words("product remove 1")).code, 0);
    EXPECT_EQ(cli(words("product remove 1")).code, 2);
}

TEST_F(CommandsTest, AWrongIdIsRefusedBeforeTheDatabaseIsOpened) {
    // Bad input leaves the disk as it was: not even a new, empty database is made for it.
    for (const char* command : {"device clean x", "device retire 0", "plan end x", "plan remove",
                                "pause remove none", "product remove 1 2"}) {
        const Outcome o = cli(words(command));
        EXPECT_EQ(o.code, 2) << command;
        EXPECT_TRUE(o.err.contains(u"ID")) << command << ": " << o.err.toStdString();
        EXPECT_FALSE(QFile::exists(db())) << command << " opened the database";
    }
}

TEST_F(CommandsTest, AnIdWithNothingBehindItIsAUsageErrorNamingTheId) {
    ASSERT_EQ(cli(words("device add --name R --needle 0.25")).code, 0);
    for (const char* command : {"device clean 9", "device retire 9", "plan end 9", "plan remove 9",
                                "pause remove 9", "product remove 9"}) {
        const Outcome o = cli(words(command));
        EXPECT_EQ(o.code, 2) << command;
        EXPECT_TRUE(o.err.startsWith(u"error: ID: ")) << command << ": " << o.err.toStdString();
    }
}

TEST_F(CommandsTest, ASessionThatIsNotValidInputIsRefusedByItsOptionBeforeTheDatabaseIsOpened) {
    // The logbook's own validation (validateSession), named as the option that gave the field.
    const std::initializer_list<std::pair<const char*, const char*>> cases = {
        {"log --area face --needle 0.5 --date 2026-11-25", "error: --date: 2026-11-25 is in the "
                                                           "future"},
        {"log --area face --needle 0.5 --at 2026-11-25T09:00", "error: --at: 2026-11-25 is in"},
        {"log --area face --needle 0.5 --contra headache",
         "error: --contra: 'headache' is not an item of the checklist (see 'dermaplan-cli rules')"},
        {"log --area nose --needle 0.5", "error: --area: "},
        {"log --area face --zone knee --needle 0.5", "error: --zone: "},
    };
    expectUsageErrorsWithoutOpening(cases);
}

TEST_F(CommandsTest, ADeviceThatIsNotValidInputIsRefusedByItsOptionBeforeTheDatabaseIsOpened) {
    const std::initializer_list<std::pair<const char*, const char*>> cases = {
        {"device add --name R --needle 0.5 --kind wand", "error: --kind: 'wand' is not roller"},
        {"device add --name R --needle 0.5 --first-use 2026-11-25",
         "error: --first-use: 2026-11-25 is in the future"},
        {"device add --name R --needle 9", "error: --needle: "},
    };
    expectUsageErrorsWithoutOpening(cases);
}
