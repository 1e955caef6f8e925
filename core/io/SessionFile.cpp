#include "SessionFile.h"

#include "io/CsvFormat.h"
#include "io/JsonFormat.h"

#include <QFile>
#include <QFileInfo>

namespace dermaplan::io {

ImportResult readSessionFile(const QString& path, const QString& format, const RuleBook& rules,
                             QDate today, std::optional<char> delimiter, const SessionSink& sink) {
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
    return kind == u"csv" ? parseCsv(file, path, rules, today, kMaxFileErrors, sink, delimiter)
                          : parseJson(file, path, rules, today, kMaxFileErrors, sink);
}

} // namespace dermaplan::io
