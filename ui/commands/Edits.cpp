#include "Edits.h"

#include "AppContext.h"
#include "commands/LogbookCommand.h"
#include "commands/SessionCommands.h"
#include "logbook/FollowUpText.h"

#include <QFileInfo>
#include <QLocale>

#include <memory>

namespace dermaplan::ui {

namespace {

// Status of a write that returns an id, the id kept in `into`: a thing put back by an undo may
// get a new id, and the next step must find it there.
Status keepId(const Result<qint64>& id, qint64& into) {
    if (!id)
        return id.error();
    into = *id;
    return success();
}

// Removes the session only if the row with its id is still that session: another program may
// have replaced the history meanwhile (a restore), and an id alone could then name another. Its
// follow-up answers, whoever gave them, are kept in `answers` for the way back.
Status removeSame(Logbook& logbook, const Session& session, QList<FollowUp>& answers) {
    const auto stored = logbook.session(session.id);
    if (!stored || stored->uuid != session.uuid)
        return Error::plain(
            Edits::tr("the session of %1 is no longer in the history (another program "
                      "changed it)")
                .arg(describeSession(session)));
    auto removed = logbook.removeSession(session.id);
    if (!removed)
        return removed.error();
    answers = std::move(removed).value();
    return success();
}

// Whether `answer` is still stored as it was, about the session with `sessionUuid`: ids are
// reused, and an undo must not take back an answer another program gave since.
Status unchanged(const Logbook& logbook, const FollowUp& answer, const QString& sessionUuid) {
    const auto session = logbook.session(answer.sessionId);
    const auto given = logbook.followUps(answer.sessionId);
    if (session && session->uuid == sessionUuid && given && given->contains(answer))
        return success();
    return Error::plain(Edits::tr("the answer %1 is no longer in the history (another program "
                                  "changed it): nothing was done")
                            .arg(answer.state));
}

// Whether the session with `id` is still the one with `uuid` (to give an answer about it again).
Status sameSession(const Logbook& logbook, qint64 id, const QString& uuid) {
    const auto session = logbook.session(id);
    if (session && session->uuid == uuid)
        return success();
    return Error::plain(Edits::tr("the session is no longer in the history (another program "
                                  "changed it): nothing was done"));
}

// Whether the stored row with `expected`'s id is still `expected`: another program may have
// changed it, or replaced the history (ids are reused), and an id alone could then name another.
Status unchanged(const Logbook& logbook, const Regimen& expected) {
    const auto stored = logbook.regimen(expected.id);
    if (stored && *stored == expected)
        return success();
    return Error::plain(Edits::tr("the regimen %1 has changed since (another program changed "
                                  "it): nothing was done")
                            .arg(expected.name));
}

// `expected` is in the stored list as the command left it; else `changed` says so (another
// program may have changed or removed it since).
template <typename T>
Status stillListed(const Result<QList<T>>& stored, const T& expected, const QString& changed) {
    if (!stored)
        return stored.error();
    return stored->contains(expected) ? success() : Status(Error::plain(changed));
}

Status unchanged(const Logbook& logbook, const Pause& expected) {
    return stillListed(logbook.pauses(), expected,
                       Edits::tr("The pause from %1 was changed or removed by another program.")
                           .arg(QLocale().toString(expected.from, QLocale::ShortFormat)));
}

template <typename T> Status removed(const Result<T>& result) {
    return result ? Status(Done{}) : Status(result.error());
}

Status unchanged(const Logbook& logbook, const Product& expected) {
    return stillListed(logbook.products(), expected,
                       Edits::tr("The product “%1” was changed or removed by another program.")
                           .arg(expected.name));
}

Status unchanged(const Logbook& logbook, const Device& expected) {
    const auto stored = logbook.device(expected.id);
    if (stored && *stored == expected)
        return success();
    return Error::plain(Edits::tr("the device %1 has changed since (another program changed "
                                  "it): nothing was done")
                            .arg(expected.name));
}

// The first redo of an add: `add` stores `kept` (checked, and as the logbook stores it: trimmed,
// named), and `kept` becomes the record as stored — read back by `storedAs` — so that a later
// redo puts back exactly that.
template <typename T, typename Add, typename Read>
LogbookCommand::FirstStep adding(std::shared_ptr<T> kept, Add add, Read storedAs) {
    return [kept, add, storedAs]() -> Result<bool> {
        const Result<qint64> id = add(*kept);
        if (!id)
            return id.error();
        if (const std::optional<T> stored = storedAs(*id))
            *kept = *stored;
        kept->id = *id;
        return true;
    };
}

// What a read gave, or nothing.
template <typename T> std::optional<T> ifRead(Result<T> result) {
    return result ? std::optional<T>(std::move(result).value()) : std::nullopt;
}

// The record with `id` in a list read from the logbook, if any.
template <typename T> std::optional<T> withId(const Result<QList<T>>& list, qint64 id) {
    if (list)
        for (const T& item : *list)
            if (item.id == id)
                return item;
    return std::nullopt;
}

} // namespace

Result<LogOutcome> Edits::logSession(const Session& draft) {
    Logbook& logbook = m_context.logbook();
    auto session = std::make_shared<Session>(draft);
    // Checked and stored in one write; the dialog shows the verdict, stored or not.
    auto outcome = std::make_shared<std::optional<Result<LogOutcome>>>();
    // Answers given about it meanwhile (from the command line, say) go and come back with it.
    auto answers = std::make_shared<QList<FollowUp>>();
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Log session %1").arg(describeSession(draft)),
        [&logbook, session, outcome]() -> Result<bool> {
            *outcome = logbook.log(*session);
            const Result<LogOutcome>& logged = **outcome;
            if (!logged || !logged->id)
                return false; // refused or failed: the dialog says why
            if (auto stored = ifRead(logbook.session(*logged->id)))
                *session = *stored; // with its uuid, so that a redo brings back the same session
            session->id = *logged->id;
            return true;
        },
        [&logbook, session, answers] {
            return keepId(logbook.restoreSession(*session, *answers), session->id);
        },
        [&logbook, session, answers] { return removeSame(logbook, *session, *answers); }));
    return **outcome;
}

void Edits::editSession(const Session& before, const Session& after) {
    m_context.undoStack().push(new EditSessionCommand(m_context, before, after));
}

bool Edits::pushed(QUndoCommand* command) {
    const int before = m_context.undoStack().index();
    m_context.undoStack().push(command);
    // A step that failed makes its command obsolete, and the stack drops it.
    return m_context.undoStack().index() > before;
}

bool Edits::importFile(const ImportPlan& plan, const QString& file) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<ImportPlan>(plan);
    auto receipt = std::make_shared<ImportReceipt>();
    return pushed(new LogbookCommand(
        m_context, tr("Import %1").arg(QFileInfo(file).fileName()),
        [&logbook, kept, receipt]() -> Status {
            auto stored = logbook.runImport(*kept);
            if (!stored)
                return stored.error();
            *receipt = std::move(stored).value();
            return success();
        },
        [&logbook, receipt] { return logbook.takeBackImport(*receipt); }));
}

bool Edits::deleteSession(const Session& session) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Session>(session);
    // Its follow-up answers go with it, and come back with it.
    auto answers = std::make_shared<QList<FollowUp>>();
    return pushed(new LogbookCommand(
        m_context, tr("Delete session %1").arg(describeSession(session)),
        [&logbook, kept, answers] { return removeSame(logbook, *kept, *answers); },
        [&logbook, kept, answers] {
            return keepId(logbook.restoreSession(*kept, *answers), kept->id);
        }));
}

bool Edits::answerFollowUp(const FollowUp& answer) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<FollowUp>(answer);
    const auto session = logbook.session(answer.sessionId);
    const QString uuid = session ? session->uuid : QString();
    return pushed(new LogbookCommand(
        m_context,
        tr("Answer follow-up: %1").arg(reactionStateLabel(answer.state, m_context.rules())),
        adding(
            kept, [&logbook](const FollowUp& f) { return logbook.addFollowUp(f); },
            [&logbook, sessionId = answer.sessionId](qint64 id) {
                return withId(logbook.followUps(sessionId), id);
            }),
        [&logbook, kept, uuid] {
            return sameSession(logbook, kept->sessionId, uuid).andThen([&] {
                return keepId(logbook.restoreFollowUp(*kept), kept->id);
            });
        },
        [&logbook, kept, uuid] {
            return unchanged(logbook, *kept, uuid).andThen([&] {
                return logbook.removeFollowUp(kept->id);
            });
        }));
}

bool Edits::addRegimen(const Regimen& regimen) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Regimen>(regimen);
    return pushed(new LogbookCommand(
        m_context, tr("Add regimen %1").arg(regimen.name),
        adding(
            kept, [&logbook](const Regimen& r) { return logbook.addRegimen(r); },
            [&logbook](qint64 id) { return ifRead(logbook.regimen(id)); }),
        [&logbook, kept] { return keepId(logbook.restoreRegimen(*kept), kept->id); },
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return logbook.removeRegimen(kept->id);
            });
        }));
}

void Edits::editRegimen(const Regimen& before, const Regimen& after) {
    Logbook& logbook = m_context.logbook();
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Edit regimen %1").arg(before.name),
        [&logbook, before, after] {
            return unchanged(logbook, before).andThen([&] { return logbook.updateRegimen(after); });
        },
        [&logbook, before, after] {
            return unchanged(logbook, after).andThen([&] { return logbook.updateRegimen(before); });
        }));
}

void Edits::endRegimen(const Regimen& regimen) {
    Logbook& logbook = m_context.logbook();
    Regimen ended = regimen;
    ended.endedOn = m_context.today();
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("End regimen %1").arg(regimen.name),
        [&logbook, regimen, ended] {
            return unchanged(logbook, regimen).andThen([&] {
                return logbook.endRegimen(regimen.id, *ended.endedOn);
            });
        },
        [&logbook, regimen, ended] {
            return unchanged(logbook, ended).andThen([&] {
                return logbook.updateRegimen(regimen);
            });
        }));
}

void Edits::removeRegimen(const Regimen& regimen) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Regimen>(regimen);
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Remove regimen %1").arg(regimen.name),
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return logbook.removeRegimen(kept->id);
            });
        },
        [&logbook, kept] { return keepId(logbook.restoreRegimen(*kept), kept->id); }));
}

static QString pauseLabel(const Pause& pause) {
    const QLocale locale;
    return Edits::tr("%1 – %2").arg(locale.toString(pause.from, QLocale::ShortFormat),
                                    locale.toString(pause.to, QLocale::ShortFormat));
}

bool Edits::addPause(const Pause& pause) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Pause>(pause);
    return pushed(new LogbookCommand(
        m_context, tr("Add pause %1").arg(pauseLabel(pause)),
        adding(
            kept, [&logbook](const Pause& p) { return logbook.addPause(p); },
            [&logbook](qint64 id) { return withId(logbook.pauses(), id); }),
        [&logbook, kept] { return keepId(logbook.restorePause(*kept), kept->id); },
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return removed(logbook.removePause(kept->id));
            });
        }));
}

void Edits::removePause(const Pause& pause) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Pause>(pause);
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Remove pause %1").arg(pauseLabel(pause)),
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return removed(logbook.removePause(kept->id));
            });
        },
        [&logbook, kept] { return keepId(logbook.restorePause(*kept), kept->id); }));
}

bool Edits::addProduct(const Product& product) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Product>(product);
    return pushed(new LogbookCommand(
        m_context, tr("Add product %1").arg(product.name.trimmed()),
        adding(
            kept, [&logbook](const Product& p) { return logbook.addProduct(p); },
            [&logbook](qint64 id) { return withId(logbook.products(), id); }),
        [&logbook, kept] { return keepId(logbook.restoreProduct(*kept), kept->id); },
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return removed(logbook.removeProduct(kept->id));
            });
        }));
}

void Edits::removeProduct(const Product& product) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Product>(product);
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Remove product %1").arg(product.name),
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return removed(logbook.removeProduct(kept->id));
            });
        },
        [&logbook, kept] { return keepId(logbook.restoreProduct(*kept), kept->id); }));
}

bool Edits::addDevice(const Device& device) {
    Logbook& logbook = m_context.logbook();
    auto kept = std::make_shared<Device>(device);
    return pushed(new LogbookCommand(
        m_context, tr("Add device %1").arg(device.name),
        adding(
            kept, [&logbook](const Device& d) { return logbook.addDevice(d); },
            [&logbook](qint64 id) { return ifRead(logbook.device(id)); }),
        [&logbook, kept] { return keepId(logbook.restoreDevice(*kept), kept->id); },
        [&logbook, kept] {
            return unchanged(logbook, *kept).andThen([&] {
                return logbook.removeDevice(kept->id);
            });
        }));
}

void Edits::recordCleaning(const Device& device, const QDateTime& when) {
    Logbook& logbook = m_context.logbook();
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Clean %1").arg(device.name),
        [&logbook, device, when] {
            return unchanged(logbook, device).andThen([&] {
                return logbook.recordCleaning(device.id, when);
            });
        },
        [&logbook, device, when] {
            return unchanged(logbook, device).andThen([&] {
                return logbook.removeCleaning(device.id, when);
            });
        }));
}

void Edits::returnDeviceToUse(const Device& device) {
    Logbook& logbook = m_context.logbook();
    Device inUse = device;
    inUse.retiredOn.reset();
    m_context.undoStack().push(new LogbookCommand(
        m_context, tr("Return %1 to use").arg(device.name),
        [&logbook, device, inUse] {
            return unchanged(logbook, device).andThen([&] { return logbook.updateDevice(inUse); });
        },
        [&logbook, device, inUse] {
            return unchanged(logbook, inUse).andThen([&] { return logbook.updateDevice(device); });
        }));
}

bool Edits::retireDevice(const Device& device) {
    Logbook& logbook = m_context.logbook();
    Device retired = device;
    retired.retiredOn = m_context.today();
    return pushed(new LogbookCommand(
        m_context, tr("Retire %1").arg(device.name),
        [&logbook, device, retired] {
            return unchanged(logbook, device).andThen([&] {
                return logbook.retireDevice(device.id, *retired.retiredOn);
            });
        },
        [&logbook, device, retired] {
            return unchanged(logbook, retired).andThen([&] {
                return logbook.updateDevice(device);
            });
        }));
}

} // namespace dermaplan::ui
