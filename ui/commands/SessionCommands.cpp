#include "SessionCommands.h"

#include "AppContext.h"
#include "logbook/Logbook.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermaplan::ui {

namespace {

QString describe(const Session& s) {
    return QStringLiteral("%1 %2 %3")
        .arg(QLocale().toString(s.date, QLocale::ShortFormat), s.area, s.needle.toString());
}

} // namespace

DeleteSessionCommand::DeleteSessionCommand(AppContext& context, Session session)
    : m_context(context)
    , m_session(std::move(session)) {
    setText(QCoreApplication::translate("SessionCommands", "Delete session %1")
                .arg(describe(m_session)));
}

void DeleteSessionCommand::redo() {
    if (const auto done = m_context.logbook().removeSession(m_session.id); !done) {
        m_context.reportError(done.error());
        setObsolete(true);
    }
}

void DeleteSessionCommand::undo() {
    if (const auto done = m_context.logbook().restoreSession(m_session); !done) {
        m_context.reportError(done.error());
        setObsolete(true);
    }
}

EditSessionCommand::EditSessionCommand(AppContext& context, Session before, Session after)
    : m_context(context)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_stamp(m_before.updatedAt) {
    setText(
        QCoreApplication::translate("SessionCommands", "Edit session %1").arg(describe(m_before)));
}

void EditSessionCommand::write(Session version) {
    version.updatedAt = m_stamp;
    if (const auto done = m_context.logbook().updateSession(version); !done) {
        m_context.reportError(done.error());
        setObsolete(true);
        return;
    }
    if (const auto stored = m_context.logbook().session(version.id))
        m_stamp = stored->updatedAt;
}

void EditSessionCommand::redo() {
    write(m_after);
}

void EditSessionCommand::undo() {
    write(m_before);
}

} // namespace dermaplan::ui
