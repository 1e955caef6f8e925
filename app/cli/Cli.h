#pragma once

#include "rules/RuleBook.h"

#include <QDate>
#include <QStringList>
#include <QTextStream>

namespace dermaplan::cli {

// What the command line runs in: the database used when --db is not given, today, the rules.
struct Environment {
    QString defaultDbPath;
    QDate today;
    const RuleBook& rules;
};

// Runs dermaplan-cli on `arguments` (the words after the program name): global options
// (--db, --help, --version), then one command and its own options. Returns the exit code
// (docs/cli.md). Everything the program says goes to `out` and `err`, so tests run commands in
// process.
[[nodiscard]] int run(const QStringList& arguments, QTextStream& out, QTextStream& err,
                      const Environment& environment);

} // namespace dermaplan::cli
