// Memory of reading a session file for import, at two sizes in the same run: the sessions go to
// a spool on disk (ImportSpool), so the peak should not grow with the file (JSON keeps one copy
// of the file's text). Each file is read in a child process, so one reading's peak does not hide
// the next.
//   build/tests/import_memory [ROWS]      (default 100000; also a tenth of it)
// Prints, per format and size: the file's size, the sessions read, and the peak above the start.
#include "io/CsvFormat.h"
#include "io/JsonFormat.h"
#include "logbook/Import.h"
#include "storage/ImportSpool.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

// A /proc/self/status figure in KiB ("VmRSS", "VmHWM").
qint64 statusKiB(const char* name) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(name) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QList<Session> sessions(int n) {
    QList<Session> out;
    const QStringList areas{QStringLiteral("face"), QStringLiteral("scalp"), QStringLiteral("body"),
                            QStringLiteral("neck")};
    for (int i = 0; i < n; ++i) {
        Session s;
        s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.area = areas[i % 4];
        s.needle = NeedleLength::fromMillimetres(i % 3 ? 0.25 : 0.5);
        s.date = kToday.addDays(-(i / 4) % 7000);
        s.time = QTime(20, 0);
        s.notes = QStringLiteral("session %1, \"quoted\" notes with a comma").arg(i);
        s.products = QStringLiteral("hyaluronic serum");
        out << s;
    }
    return out;
}

// Child: read one file, print "rss-before peak-after rss-after sessions" (KiB).
int measure(const QString& path, const RuleBook& rules) {
    const qint64 before = statusKiB("VmRSS");
    const ImportSource result = readImportFile(path, QString(), rules, kToday);
    const qint64 peak = statusKiB("VmHWM");
    const qint64 after = statusKiB("VmRSS");
    if (!result.read.errors.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.read.errors.first().toString()));
        return 1;
    }
    std::printf("%lld %lld %lld %lld\n", before, peak, after,
                result.spool ? result.spool->size() : result.read.sessions.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const auto rules = RuleBook::loadBuiltin();
    if (!rules)
        return 1;
    const QStringList args = app.arguments();
    if (args.value(1) == u"--measure")
        return measure(args.value(2), *rules);

    const int rows = args.size() > 1 ? args.value(1).toInt() : 100000;
    std::printf("%-6s %10s %10s %16s\n", "format", "rows", "file MiB", "peak above MiB");
    for (const int n : {rows / 10, rows}) {
        QTemporaryDir dir;
        {
            const QList<Session> all = sessions(n);
            QFile csv(dir.filePath(QStringLiteral("sessions.csv")));
            QFile json(dir.filePath(QStringLiteral("sessions.json")));
            if (!csv.open(QIODevice::WriteOnly) || csv.write(io::exportCsv(all)) < 0 ||
                !json.open(QIODevice::WriteOnly) || json.write(io::exportJson(all)) < 0)
                return 1;
        }
        for (const QString& name :
             {QStringLiteral("sessions.csv"), QStringLiteral("sessions.json")}) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--measure"), dir.filePath(name)});
            if (!child.waitForFinished(-1) || child.exitCode() != 0)
                return 1;
            const QList<QByteArray> f = child.readAllStandardOutput().trimmed().split(' ');
            const double before = f.value(0).toDouble(), peak = f.value(1).toDouble();
            const double fileMiB = QFileInfo(dir.filePath(name)).size() / 1048576.0;
            std::printf("%-6s %10lld %10.1f %16.1f\n", qPrintable(name.section(u'.', 1)),
                        f.value(3).toLongLong(), fileMiB, (peak - before) / 1024);
        }
    }
    return 0;
}
