#pragma once

#include "domain/Device.h"
#include "domain/Pause.h"
#include "domain/Product.h"
#include "domain/Regimen.h"
#include "domain/Session.h"
#include "logbook/Logbook.h"

#include <QCoreApplication>

class QUndoCommand;

namespace dermaplan::ui {

class AppContext;

// Every change a person makes to the data, as a command on the window's undo stack: Ctrl+Z
// takes back the last change, whatever page or dialog it was made on. Pages and dialogs call
// these instead of the logbook's writes. A change that fails is reported (AppContext's
// errorOccurred) and leaves nothing on the stack.
class Edits {
    Q_DECLARE_TR_FUNCTIONS(Edits)
public:
    explicit Edits(AppContext& context)
        : m_context(context) {}

    // Checks and stores in one write (Logbook::log); pushed only when stored. The outcome
    // carries the verdict either way.
    [[nodiscard]] Result<LogOutcome> logSession(const Session& draft);
    void editSession(const Session& before, const Session& after);
    // True when the session was deleted (and the deletion can be undone).
    bool deleteSession(const Session& session);
    // Stores an answer to "how is your skin?"; true when it was (a bad answer is reported).
    bool answerFollowUp(const FollowUp& answer);

    // Returns whether it was stored (a regimen the rules refuse is not).
    bool addRegimen(const Regimen& regimen);
    void editRegimen(const Regimen& before, const Regimen& after);
    // Ends it today; its history stays.
    void endRegimen(const Regimen& regimen);
    void removeRegimen(const Regimen& regimen);

    // Returns whether it was stored (a pause with its days out of order is not).
    bool addPause(const Pause& pause);
    void removePause(const Pause& pause);

    // Returns whether it was stored (a name already in the list is not).
    bool addProduct(const Product& product);
    void removeProduct(const Product& product);

    bool addDevice(const Device& device);
    void recordCleaning(const Device& device, const QDateTime& when);
    // Un-retires a device retired by mistake (undoable, like retiring).
    void returnDeviceToUse(const Device& device);
    // Retires it today; true when it was (and the retirement can be undone).
    bool retireDevice(const Device& device);

    // Stores what `plan` adds (Logbook::runImport); Ctrl+Z takes all of it back. `file` names
    // the command ("Import FILE"). True when it was stored.
    bool importFile(const ImportPlan& plan, const QString& file);

private:
    // Pushes `command` (run at once); true when it stayed on the stack, i.e. it worked.
    bool pushed(QUndoCommand* command);

    AppContext& m_context;
};

} // namespace dermaplan::ui
