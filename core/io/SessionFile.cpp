#include "SessionFile.h"

#include "io/CsvFormat.h"
#include "io/JsonFormat.h"
#include "io/SessionRecord.h"
#include "storage/ImportSpool.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dermaplan::io {

namespace {
// As many problems as a person reads before fixing the file.
constexpr int kMaxErrors = 20;
} // namespace

ImportResult readSessionFile(const QString& path, const QString& format, const RuleBook& rules,
                             QDate today, std::optional<char> delimiter) {
    const QString kind = format.isEmpty() ? QFileInfo(path).suffix().toLower() : format;
    ImportResult result;
    if (kind != u"csv" && kind != u"json") {
        result.errors
            << (format.isEmpty()
                    ? Error::inFile(path, QStringLiteral("the name does not end in .csv or .json, "
                                                         "so its format is not known"))
                    : Error::inField(QStringLiteral("--format"),
                                     QStringLiteral("'%1' is not csv or json").arg(format)));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors << Error::inFile(path, file.errorString());
        return result;
    }
    auto spool = ImportSpool::create();
    if (!spool) {
        result.errors << spool.error();
        return result;
    }
    const SessionSink sink = [&spool](Session&& s, int line) { return (*spool)->add(s, line); };
    result = kind == u"csv" ? parseCsv(file, path, rules, today, kMaxErrors, sink, delimiter)
                            : parseJson(file, path, rules, today, kMaxErrors, sink);
    if (result.truncatedErrors)
        return result;
    // A uuid twice in the file: the spool finds it (a set of every uuid read would grow with
    // the file), and names it beside the file's other problems.
    const int room = kMaxErrors - int(result.errors.size());
    const auto repeated = (*spool)->repeatedUuids(room + 1);
    if (!repeated) {
        result.errors << repeated.error();
        return result;
    }
    for (const auto& [line, uuid] : *repeated)
        if (result.errors.size() < kMaxErrors)
            result.errors << Error::at(path, line, u"uuid"_s, uuidTwiceMessage(uuid));
        else
            result.truncatedErrors = true;
    if (result.errors.isEmpty()) {
        result.spool = std::move(spool).value();
    } else {
        result.records = {};
    }
    return result;
}

} // namespace dermaplan::io
