#pragma once

#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <cstdio>

// The crash and power-loss helpers' work: sessions in a loop, each uuid printed only after its
// commit returned (so the test knows what was acknowledged), until the process is stopped.
inline int writeSessionsUntilStopped(dermaplan::Database& db) {
    dermaplan::SessionStore store(db);
    for (int i = 0;; ++i) {
        dermaplan::Session s;
        s.area = QStringLiteral("body");
        s.date = QDate(2026, 1, 1).addDays(i % 300);
        s.needle = dermaplan::NeedleLength::fromMillimetres(0.25);
        s.notes = QString(200 + i % 500, u'n');
        const auto id = store.add(s);
        if (!id) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(id.error().toString()));
            return 1;
        }
        const auto stored = store.get(*id);
        std::printf("%s\n", qUtf8Printable(stored->uuid));
        std::fflush(stdout);
    }
}
