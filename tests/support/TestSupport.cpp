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

Regimen regimen(qint64 id, const QString& area, double mm, int every, QDate start,
                std::optional<int> weeks) {
    Regimen r;
    r.id = id;
    r.name = QStringLiteral("R%1").arg(id);
    r.area = area;
    r.needle = NeedleLength::fromMillimetres(mm);
    r.everyDays = every;
    r.start = start;
    r.weeks = weeks;
    return r;
}

Session session(const QString& area, double mm, QDate date, std::optional<QTime> time) {
    Session s;
    s.area = area;
    s.needle = NeedleLength::fromMillimetres(mm);
    s.date = date;
    s.time = time;
    return s;
}

QString pdfText(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace dermaplan::test
