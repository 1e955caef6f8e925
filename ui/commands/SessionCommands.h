#pragma once

#include "domain/Session.h"

#include <QUndoCommand>

namespace dermaplan::ui {

class AppContext;

// "24/11/2026 face 0.5 mm": a session as an undo command names it.
[[nodiscard]] QString describeSession(const Session& session);

// An edit of a logged session, undone by writing the earlier version back.
class EditSessionCommand final : public QUndoCommand {
public:
    EditSessionCommand(AppContext& context, Session before, Session after);
    void redo() override;
    void undo() override;

private:
    // Writes `version`, carrying the stored row's current stamp: a change made meanwhile by
    // another program is reported, not overwritten. A failed write makes the command obsolete.
    void write(Session version, Session expected, bool recheck);

    AppContext& m_context;
    Session m_before;
    Session m_after;
    QString m_stamp; // the row's updated_at as this command last left it
};

} // namespace dermaplan::ui
