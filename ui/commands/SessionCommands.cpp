#include "SessionCommands.h"

#include "AppContext.h"
#include "logbook/Logbook.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermaplan::ui {

QString describeSession(const Session& s) {
    return QStringLiteral("%1 %2 %3")
        .arg(QLocale().toString(s.date, QLocale::ShortFormat), s.area, s.needle.toString());
}

EditSessionCommand::EditSessionCommand(AppContext& context, Session before, Session after)
    : m_context(context)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_stamp(m_before.updatedAt) {
    setText(QCoreApplication::translate("SessionCommands", "Edit session %1")
                .arg(describeSession(m_before)));
}

void EditSessionCommand::write(Session version, Session expected, bool recheck) {
    // When the stored row is as this command left it (other commands on the stack may have
    // written it since, and undone their part), its current stamp is ours to use; anything else
    // is a change made meanwhile, and the stale stamp reports it.
    if (const auto stored = m_context.logbook().session(version.id)) {
        expected.deviceNeedle = stored->deviceNeedle;
        if (*stored == expected)
            m_stamp = stored->updatedAt;
    }
    version.updatedAt = m_stamp;
    // The edit is checked again as it is stored (another program may have logged meanwhile);
    // its undo puts history back as it was.
    const Status done = recheck ? m_context.logbook().editSession(version)
                                : m_context.logbook().updateSession(version);
    if (!done) {
        m_context.reportError(done.error());
        setObsolete(true);
        return;
    }
    if (const auto stored = m_context.logbook().session(version.id))
        m_stamp = stored->updatedAt;
}

void EditSessionCommand::redo() {
    write(m_after, m_before, /*recheck=*/true);
}

void EditSessionCommand::undo() {
    write(m_before, m_after, /*recheck=*/false);
}

} // namespace dermaplan::ui
