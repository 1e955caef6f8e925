#include "TestSupport.h"

#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

#include <cstdlib>

namespace dermaplan::test {

const RuleBook& rules() {
    static const RuleBook book = [] {
        auto loaded = RuleBook::loadBuiltin();
        if (!loaded) {
            ADD_FAILURE() << "built-in rules do not load: "
                          << loaded.error().toString().toStdString();
            std::abort();
        }
        return std::move(loaded).value();
    }();
    return book;
}

QString dataFile(const QString& name) {
    return QStringLiteral(DERMAPLAN_TEST_DATA_DIR "/") + name;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace dermaplan::test
