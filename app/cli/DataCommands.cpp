// dermaplan-cli export, import, backup, restore, check.
#include "Commands.h"

#include "logbook/Import.h"
#include "logbook/Logbook.h"
#include "logbook/LogbookFile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

namespace {

Result<QString> fileArgument(const QCommandLineParser& p) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 1 || args.constFirst().isEmpty())
        return Error::inField(QStringLiteral("FILE"), QStringLiteral("give exactly one file"));
    return args.constFirst();
}

QList<QPair<QString, QString>> fileHelp(const QString& what) {
    return {{QStringLiteral("FILE"), what}};
}

} // namespace

static int runExport(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"json"_s, u"csv"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    const auto dialect = delimiterOption(p, *format == u"csv");
    if (!dialect)
        return ctx.fail(dialect.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto as =
        *format == u"csv" ? io::SessionStream::Format::Csv : io::SessionStream::Format::ExportJson;
    return writeStreamed(p, ctx, [&](const io::ByteSink& sink) {
        return logbook->writeSessions({}, as, sink, *dialect);
    });
}

// "2 devices, 1 pause": the kinds of records of `counts` that are not zero, or nothing.
static QString countedRecords(std::initializer_list<std::pair<qsizetype, const char*>> counts) {
    QStringList parts;
    for (const auto& [n, kind] : counts)
        if (n > 0)
            parts << QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(kind),
                                                          n == 1 ? QString() : QStringLiteral("s"));
    return parts.join(QStringLiteral(", "));
}

// What an import adds besides sessions, and what of that is already here: "; also imported:
// 1 device, 2 cleanings (already present: 1 product)"; nothing when the file has no records.
static QString recordsSummary(const ImportPlan& plan, const QString& verb) {
    const QString added = countedRecords({{plan.newDevices.size(), "device"},
                                          {plan.newRegimens.size(), "regimen"},
                                          {plan.newCleanings.size(), "cleaning"},
                                          {plan.newPauses.size(), "pause"},
                                          {plan.newProducts.size(), "product"}});
    const QString present = countedRecords({{plan.deviceIds.size(), "device"},
                                            {plan.regimensPresent, "regimen"},
                                            {plan.cleaningsPresent, "cleaning"},
                                            {plan.pausesPresent, "pause"},
                                            {plan.productsPresent, "product"}});
    if (added.isEmpty() && present.isEmpty())
        return {};
    QString text = QStringLiteral("; also %1: %2")
                       .arg(verb, added.isEmpty() ? QStringLiteral("nothing else") : added);
    if (!present.isEmpty())
        text += QStringLiteral(" (already present: %1)").arg(present);
    return text;
}

static int runImport(const QCommandLineParser& p, Context& ctx) {
    const auto file = fileArgument(p);
    if (!file)
        return ctx.fail(file.error(), InvalidInput);
    std::optional<char> delimiter;
    if (p.isSet(u"delimiter"_s)) {
        const auto dialect = io::CsvDialect::fromName(p.value(u"delimiter"_s));
        if (!dialect)
            return ctx.fail(dialect.error(), InvalidInput);
        delimiter = dialect->delimiter;
    }
    // Read and validated before the database is opened: a bad file leaves everything untouched.
    ImportSource source =
        readImportFile(*file, p.value(u"format"_s), ctx.rules, ctx.today, delimiter);
    if (!source.read.errors.isEmpty()) {
        for (const Error& e : source.read.errors)
            ctx.err << "error: " << e.toString() << '\n';
        if (source.read.truncatedErrors)
            ctx.err << "error: more problems not shown\n";
        ctx.err << "nothing was imported" << Qt::endl;
        return InvalidInput;
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto plan = logbook->planImport(std::move(source));
    if (!plan)
        return ctx.fail(plan.error(), RuntimeFailure);
    for (const QString& note : plan->notes)
        ctx.err << "note: " << note << '\n';
    // Imported history is flagged, not dropped: it happened, the log must say so.
    for (const QString& flag : plan->flagged)
        ctx.err << "flagged: " << flag << '\n';
    if (plan->flaggedCount > plan->flagged.size())
        ctx.err << "flagged: " << plan->flaggedCount - plan->flagged.size()
                << " more (each says which rule it broke: history --format json)\n";
    const auto summary = [&plan](const QString& verb) {
        return QStringLiteral("%1 session(s) %2, %3 already present, %4 flagged")
                   .arg(plan->fresh)
                   .arg(verb)
                   .arg(plan->alreadyPresent)
                   .arg(plan->flaggedCount) +
               recordsSummary(*plan, verb) + u'\n';
    };
    if (p.isSet(u"dry-run"_s)) {
        ctx.out << QStringLiteral("dry run: ") << summary(QStringLiteral("would be imported"));
        return Ok;
    }
    if (const auto done = logbook->runImport(*plan); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    ctx.out << summary(QStringLiteral("imported"));
    return Ok;
}

static int runBackup(const QCommandLineParser& p, Context& ctx) {
    const auto file = fileArgument(p);
    if (!file)
        return ctx.fail(file.error(), InvalidInput);
    if (QFileInfo::exists(*file))
        return ctx.fail(Error::inFile(*file, QStringLiteral("already exists; choose a new file")),
                        InvalidInput);
    LogbookFile* opened = ctx.file();
    if (!opened)
        return RuntimeFailure;
    if (const auto done = opened->backupTo(*file); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    ctx.out << *file << Qt::endl;
    return Ok;
}

static int runRestore(const QCommandLineParser& p, Context& ctx) {
    const auto file = fileArgument(p);
    if (!file)
        return ctx.fail(file.error(), InvalidInput);
    if (!QFileInfo(*file).isFile())
        return ctx.fail(Error::inFile(*file, QStringLiteral("no such backup file")), InvalidInput);
    if (const auto done = LogbookFile::restore(ctx.dbPath(), *file, ctx.today); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    ctx.out << "restored " << *file << " into " << ctx.dbPath() << Qt::endl;
    return Ok;
}

static int runCheck(const QCommandLineParser&, Context& ctx) {
    LogbookFile* opened = ctx.file();
    if (!opened)
        return RuntimeFailure;
    if (const auto done = opened->checkIntegrity(); !done)
        return ctx.fail(done.error(), RuntimeFailure);
    const auto count = ctx.logbook()->sessionCount({});
    ctx.out << "ok: " << opened->path()
            << ": SQLite's integrity_check found no problem; schema version "
            << opened->schemaVersion() << ", " << (count ? *count : 0) << " session(s)" << Qt::endl;
    return Ok;
}

QList<Command> dataCommands() {
    return {
        {QStringLiteral("export"),
         QStringLiteral("Export all history (CSV), or history, regimens and devices (JSON)."),
         {formatFlag(QStringLiteral("json (default) or csv.")), delimiterFlag(false), outputFlag()},
         {},
         runExport},
        {QStringLiteral("import"),
         QStringLiteral(
             "Import sessions from CSV or JSON: all or nothing, no duplicates (by uuid)."),
         {formatFlag(QStringLiteral("csv or json (default: from the file name).")),
          delimiterFlag(true),
          {u"dry-run"_s, QStringLiteral("Validate and report; store nothing.")}},
         fileHelp(QStringLiteral("The file to import.")),
         runImport},
        {QStringLiteral("backup"),
         QStringLiteral("Write a consistent copy of the database."),
         {},
         fileHelp(QStringLiteral("Where to write the backup (must not exist).")),
         runBackup},
        {QStringLiteral("restore"),
         QStringLiteral(
             "Replace the database with a checked backup (the current one is backed up first)."),
         {},
         fileHelp(QStringLiteral("The backup to restore.")),
         runRestore},
        {QStringLiteral("check"),
         QStringLiteral("Check the whole database (SQLite's integrity_check, not only quick_check) "
                        "and its schema "
                        "version."),
         {},
         {},
         runCheck},
    };
}

} // namespace dermaplan::cli
