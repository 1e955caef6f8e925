#include "Commands.h"

namespace dermaplan::cli {

const QList<Command>& allCommands() {
    static const QList<Command> commands = [] {
        QList<Command> all;
        for (const auto& group :
             {logCommands, historyCommands, dueCommands, statsCommands, planCommands, pauseCommands,
              productCommands, deviceCommands, dataCommands, referenceCommands})
            all << group();
        return all;
    }();
    return commands;
}

} // namespace dermaplan::cli
