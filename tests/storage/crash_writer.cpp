// Test helper: writes sessions in a loop and prints each committed uuid, until killed.
#include "WriterLoop.h"

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
    return writeSessionsUntilStopped(**db);
}
