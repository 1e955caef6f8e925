#pragma once

#include "Result.h"

#include <QUndoCommand>

#include <functional>

namespace dermaplan::ui {

class AppContext;

// One change to the data made through the logbook, and the way back; redo() makes the change,
// also the first time (when the stack pushes it). A step that fails is reported and makes the
// command obsolete, so Qt drops it from the stack: Ctrl+Z never skips to an older, unrelated
// change because this one did not happen. (A change that fails still ends what could be redone
// before it, as pushing any command does.)
class LogbookCommand final : public QUndoCommand {
public:
    using Step = std::function<Status()>;
    // The first redo of an add: true when the change was made; false when nothing was made and
    // the caller says why itself (a session the rules refuse: the log dialog shows the verdict).
    using FirstStep = std::function<Result<bool>()>;

    LogbookCommand(AppContext& context, const QString& text, Step redo, Step undo);
    // `first` makes the change the first time (an add, checked and given its id); `redo` every
    // time after (the record put back as it was stored).
    LogbookCommand(AppContext& context, const QString& text, FirstStep first, Step redo, Step undo);
    void redo() override;
    void undo() override;

private:
    void run(const Step& step);

    AppContext& m_context;
    FirstStep m_first;
    Step m_redo;
    Step m_undo;
};

} // namespace dermaplan::ui
