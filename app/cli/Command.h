#pragma once

#include "Result.h"
#include "rules/RuleBook.h"
#include "rules/SafetyCheck.h"

#include <QCommandLineParser>
#include <QDate>
#include <QStringList>
#include <QTextStream>

#include "io/SessionStream.h"

#include <functional>
#include <memory>

namespace dermaplan {
class Database;
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
    // Opens the database on first use; on failure the error is printed and null returned.
    Database* database();
    // The logbook over that database: what every command asks (null, error printed, on failure).
    Logbook* logbook();

    // "error: field: message" on stderr; returns the exit code to use.
    int fail(const Error& error, ExitCode code);
    int fail(const QString& message, ExitCode code);

private:
    QString m_dbPath;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Logbook> m_logbook;
};

// One subcommand: a name, a description, its options and what it does.
class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual QString name() const = 0; // "log", "plan add"
    [[nodiscard]] virtual QString description() const = 0;

    // Parses `args` (the words after the command name) and runs it.
    int run(const QStringList& args, Context& context);

protected:
    virtual void addOptions(QCommandLineParser& parser) const { Q_UNUSED(parser); }
    // Positional arguments shown in the help, e.g. {"FILE", "the file to read"}.
    [[nodiscard]] virtual QList<QPair<QString, QString>> positionals() const { return {}; }
    virtual int execute(const QCommandLineParser& parser, Context& context) const = 0;
};

// Every command, in the order `--help` lists them.
const std::vector<std::unique_ptr<Command>>& allCommands();

// Shared option parsing: each returns an Error naming the flag and the bad value.
// A needle length within the rule book's range.
Result<NeedleLength> needleOption(const QCommandLineParser& parser, const QString& name,
                                  const RuleBook& rules);
Result<QDate> dateOption(const QCommandLineParser& parser, const QString& name);
// A core error about a field, named as the option that gave it ("date" -> "--date"); an error
// about a file, or one already named, as it is.
[[nodiscard]] Error asOptionError(Error error);
Result<int> intOption(const QCommandLineParser& parser, const QString& name, int minimum,
                      int maximum);
Result<QString> formatOption(const QCommandLineParser& parser, const QStringList& allowed);

// Prints the verdict's reasons on stderr ("refused: ...", "advice: ...").
void printVerdict(const Verdict& verdict, const RuleBook& rules, QTextStream& err);

// Writes `text` to --output FILE if given, else to stdout.
int writeOutput(const QCommandLineParser& parser, const QByteArray& text, Context& context);
// The same for output made a chunk at a time: `produce` hands each chunk to the sink it is given.
// A FILE is written whole or not at all.
using Producer = std::function<Status(const io::ByteSink&)>;
int writeStreamed(const QCommandLineParser& parser, Context& context, const Producer& produce);

} // namespace dermaplan::cli
