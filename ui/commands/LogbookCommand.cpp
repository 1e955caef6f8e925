#include "LogbookCommand.h"

#include "AppContext.h"

namespace dermaplan::ui {

LogbookCommand::LogbookCommand(AppContext& context, const QString& text, Step redo, Step undo,
                               Start start)
    : m_context(context)
    , m_redo(std::move(redo))
    , m_undo(std::move(undo))
    , m_skipRedo(start == Start::AlreadyDone) {
    setText(text);
}

void LogbookCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    run(m_redo);
}

void LogbookCommand::undo() {
    run(m_undo);
}

void LogbookCommand::run(const Step& step) {
    if (const Status done = step(); !done) {
        m_context.reportError(done.error());
        setObsolete(true);
    }
}

} // namespace dermaplan::ui
