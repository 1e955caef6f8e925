// libFuzzer target for the CSV and JSON importers: any bytes must give either errors or valid
// sessions, never a crash, a hang or undefined behaviour; and what parses must survive a round
// trip through the exporter.
#include "io/CsvFormat.h"
#include "io/JsonFormat.h"
#include "rules/RuleBook.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace dermaplan;

// libFuzzer's entry point, declared as its documentation does.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const RuleBook rules = [] {
        auto loaded = RuleBook::loadBuiltin();
        if (!loaded)
            std::abort();
        return std::move(loaded).value();
    }();
    const QDate today(2026, 11, 24);
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const bool csv : {true, false}) {
        const io::ImportResult r = csv ? io::parseCsv(input, QStringLiteral("fuzz"), rules, today)
                                       : io::parseJson(input, QStringLiteral("fuzz"), rules, today);
        if (!r.errors.isEmpty()) {
            if (!r.sessions.isEmpty())
                std::abort(); // errors mean nothing is imported
            continue;
        }
        const io::ImportResult back =
            io::parseCsv(io::exportCsv(r.sessions), QStringLiteral("back"), rules, today);
        if (!back.errors.isEmpty() || back.sessions.size() != r.sessions.size())
            std::abort();
    }
    return 0;
}
