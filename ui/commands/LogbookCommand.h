#pragma once

#include "Result.h"

#include <QUndoCommand>

#include <functional>

namespace dermaplan::ui {

class AppContext;

// One change to the data made through the logbook, and the way back. A step that fails is
// reported and makes the command obsolete, so Qt drops it from the stack: Ctrl+Z never skips
// to an older, unrelated change because this one did not happen. (A new change that fails still
// ends what could be redone before it, as pushing any command does.)
class LogbookCommand final : public QUndoCommand {
public:
    using Step = std::function<Status()>;
    enum class Start { Run, AlreadyDone };

    // `AlreadyDone`: the change was made before the command was pushed (logging a session: the
    // dialog needs the verdict of the write itself), so the first redo does nothing.
    LogbookCommand(AppContext& context, const QString& text, Step redo, Step undo,
                   Start start = Start::Run);
    void redo() override;
    void undo() override;

private:
    void run(const Step& step);

    AppContext& m_context;
    Step m_redo;
    Step m_undo;
    bool m_skipRedo;
};

} // namespace dermaplan::ui
