#include "LogbookCommand.h"

#include "AppContext.h"

namespace dermaplan::ui {

LogbookCommand::LogbookCommand(AppContext& context, const QString& text, Step redo, Step undo)
    : m_context(context)
    , m_redo(std::move(redo))
    , m_undo(std::move(undo)) {
    setText(text);
}

LogbookCommand::LogbookCommand(AppContext& context, const QString& text, FirstStep first, Step redo,
                               Step undo)
    : LogbookCommand(context, text, std::move(redo), std::move(undo)) {
    m_first = std::move(first);
}

void LogbookCommand::redo() {
    if (!m_first) {
        run(m_redo);
        return;
    }
    const FirstStep first = std::exchange(m_first, {});
    const Result<bool> made = first();
    if (!made)
        m_context.reportError(made.error());
    if (!made || !*made)
        setObsolete(true);
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
