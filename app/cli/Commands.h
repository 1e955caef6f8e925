#pragma once

#include "Command.h"
#include "Options.h"
#include "Output.h"

// The commands, a list per group; each group's file ends with its list, and each entry names the
// function that runs it in that file.
namespace dermaplan::cli {

QList<Command> logCommands();       // log                               (LogCommand.cpp)
QList<Command> historyCommands();   // history, next                     (HistoryCommands.cpp)
QList<Command> dueCommands();       // followup, due                     (DueCommands.cpp)
QList<Command> statsCommands();     // stats                             (StatsCommands.cpp)
QList<Command> planCommands();      // plan add|list|end|remove, templates, schedule
QList<Command> pauseCommands();     // pause add|list|remove             (PauseCommands.cpp)
QList<Command> productCommands();   // product add|list|remove           (ProductCommands.cpp)
QList<Command> deviceCommands();    // device add|list|clean|retire      (DeviceCommands.cpp)
QList<Command> dataCommands();      // export, import, backup, restore, check
QList<Command> referenceCommands(); // rules, areas                      (ReferenceCommands.cpp)

} // namespace dermaplan::cli
