#pragma once

#include "Result.h"
#include "rules/RuleBook.h"

#include <QCommandLineParser>
#include <QDate>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace dermaplan {
class LogbookFile;
class Logbook;
} // namespace dermaplan

namespace dermaplan::cli {

// The contract of dermaplan-cli (docs/cli.md).
enum ExitCode : int { Ok = 0, RuntimeFailure = 1, InvalidInput = 2, Refused = 3 };

// What every command gets: streams, today, the rules, and the database (opened on first use).
class Context {
public:
    Context(QTextStream& out, QTextStream& err, QString dbPath, QDate today, const RuleBook& rules);
    ~Context();

    QTextStream& out;
    QTextStream& err;
    const QDate today;
    const RuleBook& rules;

    [[nodiscard]] const QString& dbPath() const { return m_dbPath; }
    void setDbPath(const QString& path) { m_dbPath = path; }
    // Opens the logbook's file on first use; on failure the error is printed and null returned.
    LogbookFile* file();
    // The logbook over that database: what every command asks (null, error printed, on failure).
    Logbook* logbook();

    // "error: field: message" on stderr; returns the exit code to use.
    int fail(const Error& error, ExitCode code);
    int fail(const QString& message, ExitCode code);

private:
    QString m_dbPath;
    std::unique_ptr<LogbookFile> m_file;
    std::unique_ptr<Logbook> m_logbook;
};

// One subcommand, described as data: what it is called, what it is for, what it takes, and the
// function that does it. To add a command, write its run function and add an entry to the list
// at the end of its group's file (e.g. deviceCommands() in DeviceCommands.cpp); parsing, --help,
// --db and the errors for unknown options are the same for every command (runCommand).
struct Command {
    QString name;                                   // as typed: "log", "plan add"
    QString summary;                                // one line, for --help
    QList<QCommandLineOption> options;              // besides --help and --db
    QList<std::pair<QString, QString>> positionals; // {"ID", "The device's id."}; none: none taken
    // Runs with the parsed options; returns the exit code.
    std::function<int(const QCommandLineParser&, Context&)> run;
};

// Parses `args` (the words after the command's name) for `command` and runs it.
int runCommand(const Command& command, const QStringList& args, Context& context);

// Every command, in the order `--help` lists them.
const QList<Command>& allCommands();

} // namespace dermaplan::cli
