// Test helper: writes sessions in a loop and prints each committed uuid, until killed.
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto db = dermaplan::Database::open(QString::fromLocal8Bit(argv[1]), QDate(2026, 11, 24));
    if (!db) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(db.error().toString()));
        return 1;
    }
    dermaplan::SessionStore store(**db);
    for (int i = 0;; ++i) {
        dermaplan::Session s;
        s.area = QStringLiteral("body");
        s.date = QDate(2026, 1, 1).addDays(i % 300);
        s.needle = dermaplan::NeedleLength::fromMillimetres(0.25);
        s.notes = QString(200 + i % 500, u'n');
        const auto id = store.add(s);
        if (!id)
            return 1;
        // Only after the commit returned is the write reported as committed.
        const auto stored = store.get(*id);
        std::printf("%s\n", qUtf8Printable(stored->uuid));
        std::fflush(stdout);
    }
}
