#include "Commands.h"

namespace dermaplan::cli {

const std::vector<std::unique_ptr<Command>>& allCommands() {
    static const std::vector<std::unique_ptr<Command>> commands = [] {
        std::vector<std::unique_ptr<Command>> list;
        list.push_back(std::make_unique<LogCommand>());
        list.push_back(std::make_unique<HistoryCommand>());
        list.push_back(std::make_unique<FollowUpCommand>());
        list.push_back(std::make_unique<DueCommand>());
        list.push_back(std::make_unique<NextCommand>());
        list.push_back(std::make_unique<PlanAddCommand>());
        list.push_back(std::make_unique<PlanListCommand>());
        list.push_back(std::make_unique<PlanEndCommand>());
        list.push_back(std::make_unique<PlanRemoveCommand>());
        list.push_back(std::make_unique<TemplatesCommand>());
        list.push_back(std::make_unique<ScheduleCommand>());
        list.push_back(std::make_unique<DeviceAddCommand>());
        list.push_back(std::make_unique<DeviceListCommand>());
        list.push_back(std::make_unique<DeviceCleanCommand>());
        list.push_back(std::make_unique<DeviceRetireCommand>());
        list.push_back(std::make_unique<ExportCommand>());
        list.push_back(std::make_unique<ImportCommand>());
        list.push_back(std::make_unique<BackupCommand>());
        list.push_back(std::make_unique<RestoreCommand>());
        list.push_back(std::make_unique<CheckCommand>());
        list.push_back(std::make_unique<RulesCommand>());
        list.push_back(std::make_unique<AreasCommand>());
        return list;
    }();
    return commands;
}

} // namespace dermaplan::cli
