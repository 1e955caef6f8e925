#pragma once

#include "Command.h"

// One class per subcommand; each lives in the .cpp file named after its group.
namespace dermaplan::cli {

class LogCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class DueCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class FollowUpCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class HistoryCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class NextCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class PlanAddCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class PlanListCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class PlanEndCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class PlanRemoveCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class TemplatesCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class ScheduleCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class DeviceAddCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class DeviceListCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class DeviceCleanCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class DeviceRetireCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class ExportCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class ImportCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class BackupCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class RestoreCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    QList<QPair<QString, QString>> positionals() const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class CheckCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class RulesCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

class AreasCommand final : public Command {
public:
    QString name() const override;
    QString description() const override;

protected:
    void addOptions(QCommandLineParser& parser) const override;
    int execute(const QCommandLineParser& parser, Context& context) const override;
};

} // namespace dermaplan::cli
