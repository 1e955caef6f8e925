// Speed goals, measured (never asserted in unit tests):
// - the History page opens as fast on 100,000 sessions as on 100 (first page + count);
// - a safety check and a year's plan stay interactive on long histories;
// - 100,000 CSV rows parse in seconds.
// Run: cmake --preset release && cmake --build --preset release && build-release/tests/core_bench
// Compare the /100 and /100000 rows: the ratio is what matters, not the absolute figures.
#include "io/CsvFormat.h"
#include "io/JsonFormat.h"
#include "logbook/Logbook.h"
#include "planning/Planner.h"
#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QUuid>

#include <benchmark/benchmark.h>

#include <map>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

const RuleBook& rules() {
    static const RuleBook book = *RuleBook::loadBuiltin();
    return book;
}

QList<Session> history(int n) {
    QList<Session> out;
    out.reserve(n);
    const QStringList areas{QStringLiteral("face"), QStringLiteral("scalp"), QStringLiteral("body"),
                            QStringLiteral("neck")};
    for (int i = 0; i < n; ++i) {
        Session s;
        s.id = i + 1;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.area = areas[i % 4];
        s.needle = NeedleLength::fromMillimetres(i % 3 ? 0.25 : 0.5);
        s.date = kToday.addDays(-(i / 4) % 7000);
        s.notes = QStringLiteral("session %1").arg(i);
        out << s;
    }
    return out;
}

// One database per size, filled once.
Database& database(int n) {
    static QTemporaryDir dir;
    static std::map<int, std::unique_ptr<Database>> dbs;
    auto& db = dbs[n];
    if (!db) {
        db = std::move(
                 Database::open(dir.filePath(QStringLiteral("bench-%1.sqlite").arg(n)), kToday))
                 .value();
        QList<Session> sessions = history(n);
        for (Session& s : sessions)
            s.id = 0;
        (void)SessionStore(*db).addAll(sessions);
    }
    return *db;
}

void HistoryFirstPage(benchmark::State& state) {
    Database& db = database(int(state.range(0)));
    for (auto _ : state) {
        SessionFilter f;
        f.newestFirst = true;
        f.limit = 500;
        benchmark::DoNotOptimize(SessionStore(db).count({}));
        benchmark::DoNotOptimize(SessionStore(db).list(f));
    }
}
BENCHMARK(HistoryFirstPage)->Arg(100)->Arg(100000)->Unit(benchmark::kMillisecond);

void SafetyCheckOnLongHistory(benchmark::State& state) {
    const QList<Session> h = history(int(state.range(0)));
    Session draft;
    draft.area = QStringLiteral("face");
    draft.needle = NeedleLength::fromMillimetres(0.5);
    draft.date = kToday;
    for (auto _ : state)
        benchmark::DoNotOptimize(checkSession(draft, h, rules(), kToday));
}
BENCHMARK(SafetyCheckOnLongHistory)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

void PlanAYear(benchmark::State& state) {
    const QList<Session> h = history(int(state.range(0)));
    Regimen r;
    r.id = 1;
    r.area = QStringLiteral("scalp");
    r.needle = NeedleLength::fromMillimetres(0.5);
    r.everyDays = 14;
    r.start = kToday;
    Regimen f = r;
    f.id = 2;
    f.area = QStringLiteral("face");
    f.needle = NeedleLength::fromMillimetres(0.25);
    f.everyDays = 3;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            planSessions({r, f}, h, rules(), kToday, kToday, kToday.addDays(365)));
}
BENCHMARK(PlanAYear)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

void ParseCsv(benchmark::State& state) {
    const QByteArray csv = io::exportCsv(history(int(state.range(0))));
    for (auto _ : state)
        benchmark::DoNotOptimize(io::parseCsv(csv, QStringLiteral("bench.csv"), rules(), kToday));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(ParseCsv)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace

namespace {

void PlanImport(benchmark::State& state) {
    QTemporaryDir dir;
    auto db =
        std::move(Database::open(dir.filePath(QStringLiteral("import.sqlite")), kToday)).value();
    io::ImportResult parsed;
    parsed.sessions = history(int(state.range(0)));
    for (Session& s : parsed.sessions)
        s.id = 0;
    const Logbook logbook(*db, rules(), [] { return kToday; });
    for (auto _ : state)
        benchmark::DoNotOptimize(logbook.planImport(parsed));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(PlanImport)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
