// The logbook: the use cases both faces call, over a real database file.
#include "LogbookFixture.h"
#include "TestSupport.h"

#include "domain/IsoDate.h"
#include "io/JsonFormat.h"
#include "logbook/Logbook.h"
#include "rules/Readiness.h"
#include "rules/SafetyCheck.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <latch>
#include <random>

using namespace dermaplan;
using test::rules;

namespace {

using LogbookTest = test::LogbookFixture;
const QDate kToday = test::LogbookFixture::kToday;

} // namespace

TEST_F(LogbookTest, LogChecksAndStoresAndAnnouncesOnce) {
    QSignalSpy changed(m_logbook.get(), &Logbook::changed);
    const auto first = m_logbook->log(draft(QStringLiteral("face"), 0.5, kToday.addDays(-3)));
    ASSERT_TRUE(first && first->id);
    EXPECT_EQ(changed.count(), 1);

    const auto refused = m_logbook->log(draft(QStringLiteral("face"), 0.5, kToday));
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->id) << "a refusal without a reason is not stored";
    EXPECT_TRUE(refused->verdict.blocksSaving());
    EXPECT_EQ(refused->verdict.earliestAllowedDate, kToday.addDays(4));
    EXPECT_EQ(stored(), 1);
    EXPECT_EQ(changed.count(), 1) << "nothing written, nothing announced";

    Session overridden = draft(QStringLiteral("face"), 0.5, kToday);
    overridden.overrideReason = QStringLiteral("my dermatologist advised it");
    const auto kept = m_logbook->log(overridden);
    ASSERT_TRUE(kept && kept->id);
    EXPECT_TRUE(kept->verdict.overridden);
    EXPECT_EQ(m_logbook->session(*kept->id)->overrideReason, overridden.overrideReason);
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(LogbookTest, AnOverrideReasonIsStoredOnlyWhenARuleWasOverridden) {
    Session s = draft(QStringLiteral("scalp"), 0.25, kToday);
    s.overrideReason = QStringLiteral("just in case");
    const auto outcome = m_logbook->log(s);
    ASSERT_TRUE(outcome && outcome->id);
    EXPECT_EQ(m_logbook->session(*outcome->id)->overrideReason, QString());
}

TEST_F(LogbookTest, TheDeviceIsJudgedByItsNeedle) {
    const qint64 id = addDevice(QStringLiteral("1.5 mm roller"), QStringLiteral("roller"), 1.5);
    ASSERT_NE(id, 0);
    Session s = draft(QStringLiteral("face"), 0.5, kToday);
    s.deviceId = id;
    const auto outcome = m_logbook->log(s);
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->id) << "1.5 mm on the face by oneself is refused";
}

TEST_F(LogbookTest, TodayFollowsTheClock) {
    ASSERT_TRUE(SessionStore(*m_db).add(draft(QStringLiteral("face"), 0.5, kToday.addDays(-1))));
    EXPECT_EQ(m_logbook->today(), kToday);
    EXPECT_FALSE(m_logbook->readiness(QStringLiteral("face"))
                     ->forNeedle(rules(), NeedleLength::fromMillimetres(0.5))
                     .allowedOn(m_logbook->today()));
    m_today = kToday.addDays(6);
    EXPECT_EQ(m_logbook->today(), kToday.addDays(6));
    // A session is now allowed, and the write takes the new day's backup.
    const auto outcome = m_logbook->log(draft(QStringLiteral("face"), 0.5, m_today));
    ASSERT_TRUE(outcome && outcome->id);
    EXPECT_TRUE(QFileInfo::exists(
        QDir(m_db->backupDir())
            .filePath(QStringLiteral("dermaplan-%1.sqlite").arg(m_today.toString(Qt::ISODate)))));
}

// What the logbook loads (a window of sessions plus the last one per area) gives the same
// answers as the pure functions over the whole history.
TEST_F(LogbookTest, WindowedAnswersEqualWholeHistoryAnswers) {
    std::mt19937 random(7);
    auto between = [&random](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(random);
    };
    QList<Session> all;
    SessionStore store(*m_db);
    for (int i = 0; i < 400; ++i) {
        const Area& area = rules().areas().at(between(0, int(rules().areas().size()) - 1));
        Session s = draft(area.id, rules().standardSizes().at(between(0, 8)).millimetres(),
                          kToday.addDays(-between(0, 900)));
        s.id = *store.add(s);
        all << *store.get(s.id);
    }
    for (int i = 1; i <= 4; ++i) {
        Regimen r;
        r.name = QStringLiteral("R%1").arg(i);
        r.area = rules().areas().at(i - 1).id;
        r.zones = r.area == u"face" ? QStringList{QStringLiteral("cheeks")} : QStringList{};
        r.needle = NeedleLength::fromMillimetres(i % 2 ? 0.25 : 0.5);
        r.everyDays = i % 2 ? 3 : 14;
        r.start = kToday.addDays(-between(0, 400));
        ASSERT_TRUE(m_logbook->addRegimen(r));
    }
    const auto regimens = *RegimenStore(*m_db).list(true);
    for (const Area& area : rules().areas()) {
        const Readiness whole = readiness(area.id, all, rules());
        const auto windowed = m_logbook->readiness(area.id);
        ASSERT_TRUE(windowed);
        EXPECT_EQ(windowed->lastSession.has_value(), whole.lastSession.has_value());
        if (whole.lastSession) {
            EXPECT_EQ(windowed->lastSession->id, whole.lastSession->id);
        }
        for (qsizetype i = 0; i < whole.needles.size(); ++i)
            EXPECT_EQ(windowed->needles[i].allowedOn(kToday), whole.needles[i].allowedOn(kToday))
                << area.id.toStdString() << " " << whole.needles[i].needle.toString().toStdString();
    }
    for (int offset : {-200, -30, 0, 30}) {
        const QDate from = kToday.addDays(offset);
        const QDate to = from.addDays(41);
        const Plan whole = planSessions(regimens, all, rules(), kToday, from, to);
        const auto windowed = m_logbook->plan(from, to);
        ASSERT_TRUE(windowed);
        ASSERT_EQ(windowed->occurrences.size(), whole.occurrences.size()) << offset;
        for (qsizetype i = 0; i < whole.occurrences.size(); ++i) {
            EXPECT_EQ(windowed->occurrences[i].date, whole.occurrences[i].date);
            EXPECT_EQ(windowed->occurrences[i].regimenId, whole.occurrences[i].regimenId);
            EXPECT_EQ(windowed->occurrences[i].status, whole.occurrences[i].status);
        }
    }
}

TEST_F(LogbookTest, DeviceStatusCountsUsesAndCleanings) {
    const qint64 id =
        addDevice(QStringLiteral("Roller"), QStringLiteral("roller"), 0.25, QDate(2026, 11, 1));
    ASSERT_NE(id, 0);
    Session s = draft(QStringLiteral("scalp"), 0.25, QDate(2026, 11, 20));
    s.deviceId = id;
    ASSERT_TRUE(m_logbook->log(s)->id);
    auto status = m_logbook->deviceStatus(id);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->state.usesSoFar, 1);
    EXPECT_TRUE(status->needsCleaning);
    EXPECT_EQ(status->replaceBy, QDate(2026, 12, 13));
    ASSERT_TRUE(m_logbook->recordCleaning(id, QDateTime(QDate(2026, 11, 20), QTime(21, 0))));
    EXPECT_FALSE(m_logbook->deviceStatus(id)->needsCleaning);
}

// Two programs log a session on the same area and day at the same moment: the check and the
// write share one transaction, so exactly one is stored and the other is refused by the rule,
// never both stored and never an error.
TEST_F(LogbookTest, TwoWritersNeverBothPassTheSameCheck) {
    constexpr int rounds = 25;
    const QString file = m_dir.filePath(QStringLiteral("log.sqlite"));
    std::latch ready(2);
    auto writer = [&](int* stored, int* refused, int* errors) {
        auto db = Database::open(file, kToday);
        if (!db) {
            ++*errors;
            return;
        }
        Logbook logbook(**db, rules(), [] { return kToday; });
        ready.arrive_and_wait();
        for (int round = 0; round < rounds; ++round) {
            // Ten days apart: each round's pair competes only with itself.
            const auto outcome =
                logbook.log(draft(QStringLiteral("face"), 0.5, kToday.addDays(-300 + round * 10)));
            if (!outcome)
                ++*errors;
            else if (outcome->id)
                ++*stored;
            else
                ++*refused;
        }
    };
    int storedA = 0, refusedA = 0, errorsA = 0, storedB = 0, refusedB = 0, errorsB = 0;
    std::unique_ptr<QThread> a(QThread::create(writer, &storedA, &refusedA, &errorsA));
    std::unique_ptr<QThread> b(QThread::create(writer, &storedB, &refusedB, &errorsB));
    a->start();
    b->start();
    ASSERT_TRUE(a->wait(120000));
    ASSERT_TRUE(b->wait(120000));
    EXPECT_EQ(errorsA + errorsB, 0);
    EXPECT_EQ(storedA + storedB, rounds) << "one session per day, never two";
    EXPECT_EQ(refusedA + refusedB, rounds);
    EXPECT_EQ(stored(), rounds);
}

// An edit checked in the dialog, then a session logged by a second program, then the edit
// stored: the store checks it again in the same transaction and refuses it, instead of storing
// two sessions a day apart. Putting the old version back (undo) is not judged again.
TEST_F(LogbookTest, AnEditIsCheckedAgainWhenItIsStored) {
    const auto mine = m_logbook->log(draft(QStringLiteral("face"), 0.5, kToday.addDays(-20)));
    ASSERT_TRUE(mine && mine->id);
    Session edited = *m_logbook->session(*mine->id);
    const Session before = edited;
    edited.date = kToday.addDays(-1);
    ASSERT_FALSE(m_logbook->check(edited)->blocksSaving()) << "allowed when the dialog checked";

    auto otherDb = Database::open(m_dir.filePath(QStringLiteral("log.sqlite")), kToday);
    ASSERT_TRUE(otherDb);
    Logbook other(**otherDb, rules(), [] { return kToday; });
    const auto theirs = other.log(draft(QStringLiteral("face"), 0.5, kToday));
    ASSERT_TRUE(theirs && theirs->id);

    const Status stored = m_logbook->editSession(edited);
    ASSERT_FALSE(stored) << "the edit passed a check that is no longer true";
    EXPECT_TRUE(stored.error().message.contains(QStringLiteral("not saved")));
    EXPECT_EQ(m_logbook->session(*mine->id)->date, kToday.addDays(-20)) << "nothing was stored";

    // Without the other session the same edit is stored; its undo restores it unjudged.
    ASSERT_TRUE(other.removeSession(*theirs->id));
    edited.updatedAt = m_logbook->session(*mine->id)->updatedAt;
    ASSERT_TRUE(m_logbook->editSession(edited));
    Session back = before;
    back.updatedAt = m_logbook->session(*mine->id)->updatedAt;
    ASSERT_TRUE(m_logbook->updateSession(back));
    EXPECT_EQ(m_logbook->session(*mine->id)->date, kToday.addDays(-20));
}

// While an import is being checked (the app shows a progress dialog and processes events),
// no write lock is held: the command-line tool can log meanwhile.
// An edit is judged on what it changes: a valid session whose pain or notes change is never
// blocked, and a later session logged against a rule carries that rule itself.
TEST_F(LogbookTest, AnEditIsJudgedOnWhatItChanges) {
    const auto first = m_logbook->log(draft(QStringLiteral("face"), 0.5, kToday.addDays(-10)));
    ASSERT_TRUE(first && first->id);
    Session tooSoon = draft(QStringLiteral("face"), 0.5, kToday.addDays(-7));
    tooSoon.overrideReason = QStringLiteral("my dermatologist said so");
    const auto second = m_logbook->log(tooSoon);
    ASSERT_TRUE(second && second->id && second->verdict.overridden);

    // The earlier, valid session: its pain and notes change.
    Session earlier = *m_logbook->session(*first->id);
    earlier.pain = 3;
    earlier.notes = QStringLiteral("stung a little");
    const auto verdict = m_logbook->check(earlier);
    ASSERT_TRUE(verdict);
    EXPECT_FALSE(verdict->blocksSaving());
    ASSERT_TRUE(m_logbook->editSession(earlier));
    EXPECT_EQ(m_logbook->session(*first->id)->notes, earlier.notes);

    // Its needle changes: that is judged in full, the later session included (a longer needle
    // there would be a new conflict), and needs a reason of its own.
    earlier = *m_logbook->session(*first->id);
    earlier.needle = NeedleLength::fromMillimetres(1.0);
    EXPECT_FALSE(m_logbook->editSession(earlier));
    earlier.overrideReason = QStringLiteral("as my dermatologist did it");
    ASSERT_TRUE(m_logbook->editSession(earlier));
    EXPECT_EQ(m_logbook->session(*first->id)->overrideReason, earlier.overrideReason);
    // And its notes again: the reason it was saved with stays.
    earlier = *m_logbook->session(*first->id);
    earlier.notes = QStringLiteral("noted");
    ASSERT_TRUE(m_logbook->editSession(earlier));
    EXPECT_EQ(m_logbook->session(*first->id)->overrideReason,
              QStringLiteral("as my dermatologist did it"));

    // The overridden session's own notes: saved, and its override reason kept.
    Session later = *m_logbook->session(*second->id);
    later.notes = QStringLiteral("fine after all");
    ASSERT_TRUE(m_logbook->editSession(later));
    EXPECT_EQ(m_logbook->session(*second->id)->overrideReason, tooSoon.overrideReason);

    // Moving the overridden session is a change: judged again (its reason still stands).
    later = *m_logbook->session(*second->id);
    later.overrideReason.clear();
    later.date = kToday.addDays(-8);
    const auto moved = m_logbook->check(later);
    ASSERT_TRUE(moved);
    EXPECT_TRUE(moved->blocksSaving()) << "closer to the first: a new refusal needs a reason";

    // A new session before the overridden one is judged against it: that conflict is new.
    const auto inserted = m_logbook->check(draft(QStringLiteral("face"), 0.25, kToday.addDays(-8)));
    ASSERT_TRUE(inserted);
    EXPECT_TRUE(inserted->blocksSaving());
}

TEST_F(LogbookTest, CheckingAnImportHoldsNoLockAndCanBeCancelled) {
    io::ImportResult parsed;
    for (int i = 0; i < 1000; ++i)
        parsed.sessions << draft(QStringLiteral("body"), 0.25, kToday.addDays(-3 * i));
    const auto cancelled =
        m_logbook->planImport(parsed, [](qsizetype done, qsizetype) { return done < 600; });
    ASSERT_FALSE(cancelled);
    EXPECT_TRUE(cancelled.error().message.contains(QStringLiteral("cancelled")));
    EXPECT_EQ(stored(), 0);
    bool otherWrote = false;
    const auto plan = m_logbook->planImport(parsed, [&](qsizetype done, qsizetype) {
        if (done == 400 && !otherWrote) {
            auto cli = Database::open(m_dir.filePath(QStringLiteral("log.sqlite")), kToday);
            otherWrote = cli && SessionStore(**cli).add(draft(QStringLiteral("face"), 0.5, kToday));
        }
        return true;
    });
    ASSERT_TRUE(plan);
    EXPECT_TRUE(otherWrote) << "another program could write while the import was checked";
    ASSERT_TRUE(m_logbook->runImport(*plan));
    EXPECT_EQ(stored(), 1001);
}

// A ticked checklist item that refuses a session flags it on import as it would refuse it when
// logged, however far from any other session it lies.
TEST_F(LogbookTest, AnImportedSessionWithARefusingChecklistItemIsFlagged) {
    io::ImportResult parsed;
    Session acne = draft(QStringLiteral("face"), 0.25, kToday.addDays(-40));
    acne.contraindications = {QStringLiteral("active-acne")};
    parsed.sessions << acne << draft(QStringLiteral("face"), 0.25, kToday.addDays(-20));
    const auto plan = m_logbook->planImport(parsed);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->flaggedCount, 1);
    ASSERT_TRUE(m_logbook->runImport(*plan));
    const auto stored = SessionStore(*m_db).list({});
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 2);
    EXPECT_FALSE(stored->at(0).ruleBroken.isEmpty()) << "the session with active acne";
    EXPECT_TRUE(stored->at(1).ruleBroken.isEmpty());
    EXPECT_EQ(SessionStore(*m_db).get(stored->at(0).id)->contraindications, acne.contraindications);
}

// Two sessions on one day with one pen cartridge are two uses: the second is refused.
TEST_F(LogbookTest, APenCartridgeUsedTwiceOnOneDayIsRefused) {
    const qint64 id = addDevice(QStringLiteral("Cartridge"), QStringLiteral("pen"), 0.25);
    ASSERT_NE(id, 0);
    Session face = draft(QStringLiteral("face"), 0.25, kToday);
    face.deviceId = id;
    ASSERT_TRUE(m_logbook->log(face)->id);
    Session neck = draft(QStringLiteral("neck"), 0.25, kToday);
    neck.deviceId = id;
    const auto second = m_logbook->log(neck);
    ASSERT_TRUE(second);
    EXPECT_FALSE(second->id) << "a cartridge is single-use, even on the same day";
}

// On a day a session is due, the aftercare still running from the last one stays in view: the
// planned session's own (longer) aftercare starts only when it is logged, and must not hide it.
TEST_F(LogbookTest, TodaysGuideKeepsRunningAftercareOnADueDay) {
    Session last = draft(QStringLiteral("face"), 0.25, kToday.addDays(-3));
    last.time = QTime(20, 0);
    ASSERT_TRUE(m_logbook->log(last)->id);
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("face"), 0.25, 3, kToday.addDays(-3))));
    const auto guide = m_logbook->dayGuide();
    ASSERT_TRUE(guide);
    ASSERT_EQ(guide->due.size(), 1);
    const AftercareNote* actives = nullptr;
    for (const AftercareNote& n : guide->aftercare)
        if (n.ruleId == u"actives")
            actives = &n;
    ASSERT_NE(actives, nullptr) << "no retinoids until 20:00 today, from the logged session";
    EXPECT_FALSE(actives->planned);
    EXPECT_EQ(actives->untilDate, kToday);
    EXPECT_EQ(actives->untilTime, QTime(20, 0));
    for (const AftercareNote& n : guide->aftercare)
        EXPECT_TRUE(!n.planned || n.when == AftercareRule::When::Before) << n.ruleId.toStdString();
}

// Readiness reads only each needle's latest session in the window (SessionStore::latestPerNeedle):
// on any history it must give exactly the answer computed from every session.
TEST_F(LogbookTest, ReadinessFromEachNeedlesLatestSessionIsReadinessFromAll) {
    std::mt19937 random(20261125);
    // A pen's longer needle is what counts for a session logged with it.
    const qint64 pen = addDevice(QStringLiteral("Pen"), QStringLiteral("pen"), 1.0);
    const QList<double> lengths{0.25, 0.3, 0.5, 1.0};
    m_today = kToday;
    for (int round = 0; round < 60; ++round) {
        SCOPED_TRACE(round);
        ASSERT_NO_FATAL_FAILURE(removeAllSessions());
        // Few days, so that sessions share a day, a needle and (no time counts as midnight) a
        // time, and only their ids set them apart.
        for (int i = 0; i < 10; ++i) {
            Session s = draft(QStringLiteral("scalp"), lengths[int(random() % lengths.size())],
                              kToday.addDays(-int(random() % 4) * 9));
            if (random() % 2)
                s.time = QTime(0, 0);
            if (random() % 3 == 0)
                s.deviceId = pen;
            ASSERT_TRUE(SessionStore(*m_db).add(s));
        }
        const auto stored = SessionStore(*m_db).list({});
        ASSERT_TRUE(stored);
        const auto fast = m_logbook->readiness(QStringLiteral("scalp"));
        ASSERT_TRUE(fast);
        const Readiness full = readiness(QStringLiteral("scalp"), *stored, rules());
        ASSERT_TRUE(fast->lastSession && full.lastSession);
        EXPECT_EQ(fast->lastSession->id, full.lastSession->id);
        ASSERT_EQ(fast->needles.size(), full.needles.size());
        for (qsizetype n = 0; n < full.needles.size(); ++n) {
            const NeedleReadiness& a = fast->needles[n];
            const NeedleReadiness& b = full.needles[n];
            SCOPED_TRACE(b.needle.toString().toStdString());
            EXPECT_EQ(a.earliestAllowedDate, b.earliestAllowedDate);
            EXPECT_EQ(a.recommendedDate, b.recommendedDate);
            ASSERT_EQ(a.heldBy.has_value(), b.heldBy.has_value());
            if (b.heldBy) {
                EXPECT_EQ(a.heldBy->id, b.heldBy->id);
            }
            ASSERT_EQ(a.recommendedBy.has_value(), b.recommendedBy.has_value());
            if (b.recommendedBy) {
                EXPECT_EQ(a.recommendedBy->id, b.recommendedBy->id);
            }
            EXPECT_EQ(a.heldGap.governing, b.heldGap.governing);
        }
    }
}

// An import checks each row against a few sessions per area (each needle's latest, and the
// stored ones after it: Logbook::planImport's timeline); on any history it must flag exactly the rows
// that checking against every stored and earlier-imported session on the area would flag, and
// name the same session.
TEST_F(LogbookTest, ImportFlagsWhatCheckingAgainstTheWholeLogWouldFlag) {
    std::mt19937 random(20261126);
    const qint64 pen = addDevice(QStringLiteral("Pen"), QStringLiteral("pen"), 1.0);
    const QList<double> lengths{0.25, 0.3, 0.5, 1.0};
    const QStringList areas{QStringLiteral("scalp"), QStringLiteral("body")};
    const auto make = [&](int spreadDays) {
        // Few days and times, so that rows share a day, a needle and a moment.
        Session s =
            draft(areas[int(random() % areas.size())], lengths[int(random() % lengths.size())],
                  kToday.addDays(-int(random() % spreadDays)));
        if (random() % 2)
            s.time = QTime(int(random() % 3) * 8, 0);
        return s;
    };
    for (int round = 0; round < 60; ++round) {
        SCOPED_TRACE(round);
        ASSERT_NO_FATAL_FAILURE(removeAllSessions());
        for (int i = 0; i < 6; ++i) {
            Session s = make(round % 3 == 0 ? 8 : 90);
            if (random() % 3 == 0)
                s.deviceId = pen;
            ASSERT_TRUE(SessionStore(*m_db).add(s));
        }
        io::ImportResult parsed;
        for (int i = 0; i < 25; ++i)
            parsed.sessions << make(round % 3 == 0 ? 8 : round % 3 == 1 ? 90 : 400);
        const auto before = SessionStore(*m_db).list({});
        ASSERT_TRUE(before);
        const auto plan = m_logbook->planImport(parsed);
        ASSERT_TRUE(plan);
        ASSERT_TRUE(m_logbook->runImport(*plan));
        const auto after = SessionStore(*m_db).list({});
        ASSERT_TRUE(after);
        // The rows as stored, in the order they were stored (ids follow the plan's order).
        qint64 lastOld = 0;
        for (const Session& s : *before)
            lastOld = std::max(lastOld, s.id);
        QList<Session> imported;
        for (const Session& s : *after)
            if (s.id > lastOld)
                imported << s;
        std::sort(imported.begin(), imported.end(),
                  [](const Session& a, const Session& b) { return a.id < b.id; });
        ASSERT_EQ(imported.size(), plan->fresh);

        // The reference: each row, in the plan's order, against the whole log on its area as
        // it stood before the import, with the rows stored before it placed as the log orders
        // them.
        QHash<QString, QList<Session>> log;
        for (const Session& s : *before)
            log[s.area] << s;
        for (QList<Session>& onArea : log)
            std::sort(onArea.begin(), onArea.end(), comesBefore);
        for (const Session& row : std::as_const(imported)) {
            QList<Session>& onArea = log[row.area];
            const auto verdict = checkSessionOnArea(
                row, std::span<const Session>(onArea.constData(), size_t(onArea.size())), rules(),
                kToday);
            ASSERT_TRUE(verdict);
            QString expected;
            if (verdict->severity == Severity::Refuse)
                for (const Reason& r : verdict->reasons)
                    if (r.severity == Severity::Refuse && expected.isEmpty())
                        expected = r.message;
            EXPECT_EQ(row.ruleBroken, expected)
                << isoDateText(row.date).toStdString() << ' ' << row.area.toStdString();
            onArea.insert(std::upper_bound(onArea.begin(), onArea.end(), row, comesBefore), row);
        }
    }
}

// The Today page reads its history once (dayGuide) and the command line asks per area
// (readiness): on any history, with sessions inside and beyond the window, both faces must give
// each area the same answer.
TEST_F(LogbookTest, TheDayGuidesReadinessIsReadinessPerArea) {
    std::mt19937 random(20261127);
    const QList<double> lengths{0.25, 0.5, 1.0, 1.5};
    const QStringList areas{QStringLiteral("scalp"), QStringLiteral("body")};
    m_today = kToday;
    for (int round = 0; round < 30; ++round) {
        SCOPED_TRACE(round);
        ASSERT_NO_FATAL_FAILURE(removeAllSessions());
        for (int i = 0; i < 8; ++i)
            ASSERT_TRUE(SessionStore(*m_db).add(draft(
                areas[int(random() % areas.size())], lengths[int(random() % lengths.size())],
                // Recent, or near the window's edge, where the page reads a few days more.
                kToday.addDays(random() % 2 ? -int(random() % 30) : -50 - int(random() % 15)))));
        const auto guide = m_logbook->dayGuide();
        ASSERT_TRUE(guide);
        for (const AreaDay& a : guide->areas) {
            SCOPED_TRACE(a.area.toStdString());
            const auto asked = m_logbook->readiness(a.area);
            ASSERT_TRUE(asked);
            ASSERT_EQ(a.readiness.lastSession.has_value(), asked->lastSession.has_value());
            if (asked->lastSession) {
                EXPECT_EQ(a.readiness.lastSession->id, asked->lastSession->id);
            }
            ASSERT_EQ(a.readiness.needles.size(), asked->needles.size());
            for (qsizetype n = 0; n < asked->needles.size(); ++n) {
                const NeedleReadiness& mine = a.readiness.needles[n];
                const NeedleReadiness& theirs = asked->needles[n];
                EXPECT_EQ(mine.earliestAllowedDate, theirs.earliestAllowedDate);
                EXPECT_EQ(mine.recommendedDate, theirs.recommendedDate);
                ASSERT_EQ(mine.heldBy.has_value(), theirs.heldBy.has_value());
                if (theirs.heldBy) {
                    EXPECT_EQ(mine.heldBy->id, theirs.heldBy->id);
                }
            }
        }
    }
}

// A calendar of a month asks the logbook which days are too soon: each logged session's
// recovery span that reaches into it, and the sessions logged in it.
TEST_F(LogbookTest, CalendarDaysGiveTheRecoverySpansThatReachIntoThem) {
    const QDate from = kToday.addDays(-3);
    const QDate to = kToday.addDays(10);
    // 1.0 mm on the scalp holds it for its minimum; a session long before the range does not.
    ASSERT_TRUE(SessionStore(*m_db).add(draft(QStringLiteral("scalp"), 1.0, kToday.addDays(-8))));
    ASSERT_TRUE(SessionStore(*m_db).add(draft(QStringLiteral("body"), 0.25, kToday.addDays(-1))));
    ASSERT_TRUE(SessionStore(*m_db).add(draft(QStringLiteral("face"), 0.25, kToday.addDays(-50))));
    const auto days = m_logbook->calendarDays(from, to);
    ASSERT_TRUE(days);
    ASSERT_EQ(days->logged.size(), 1) << "only what was logged in the range";
    EXPECT_EQ(days->logged.at(0).area, QStringLiteral("body"));
    QStringList areas;
    for (const RecoverySpan& span : days->recovering) {
        areas << span.area;
        const IntervalRule& rule = rules().interval(span.area, span.needle);
        EXPECT_EQ(span.allowedFrom, span.sessionDate.addDays(rule.minimumDays));
        EXPECT_GT(span.allowedFrom, from) << span.area.toStdString();
    }
    areas.sort();
    EXPECT_EQ(areas, (QStringList{QStringLiteral("body"), QStringLiteral("scalp")}));
}

// Whoever adds a regimen without a name (the app's dialog, the CLI), the logbook names it the
// same way.
TEST_F(LogbookTest, ARegimenWithoutANameGetsTheDefaultName) {
    Regimen r = test::regimen(0, QStringLiteral("face"), 0.25, 3, kToday);
    r.name = QStringLiteral("  ");
    const auto id = m_logbook->addRegimen(r);
    ASSERT_TRUE(id);
    EXPECT_EQ(m_logbook->regimen(*id)->name, QStringLiteral("Face, 0.25 mm every 3 days"));
}

// A session due today comes with the logbook's answer for its needle: the Today page shows it
// and decides nothing.
TEST_F(LogbookTest, ASessionDueTodaySaysWhetherItsNeedleIsAllowed) {
    // The scalp: nothing holds it. The face: 0.5 mm a week ago, allowed after 7 days but 14
    // recommended.
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("scalp"), 0.25, 3, kToday.addDays(-3))));
    ASSERT_TRUE(m_logbook->addRegimen(
        test::regimen(0, QStringLiteral("face"), 0.5, 7, kToday.addDays(-7))));
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("face"), 0.5, kToday.addDays(-7)))->id);
    const auto guide = m_logbook->dayGuide();
    ASSERT_TRUE(guide);
    ASSERT_EQ(guide->due.size(), 2);
    for (const DueSession& d : guide->due) {
        SCOPED_TRACE(d.occurrence.area.toStdString());
        EXPECT_EQ(d.level,
                  d.occurrence.area == u"face" ? ReadinessLevel::Advised : ReadinessLevel::Go);
        EXPECT_EQ(d.level, readinessLevel(*m_logbook->readiness(d.occurrence.area), kToday, rules(),
                                          d.occurrence.needle));
    }
}

TEST_F(LogbookTest, ADeviceThatIsNotValidInputIsRefusedByItsFieldAndNotStored) {
    // Every face adds devices through the logbook: it decides what a device may be.
    Device good;
    good.name = QStringLiteral("Roller");
    good.needle = NeedleLength::fromMillimetres(0.5);
    good.firstUse = kToday;
    const auto id = m_logbook->addDevice(good);
    ASSERT_TRUE(id);

    const std::pair<QString, std::function<void(Device&)>> bad[] = {
        {QStringLiteral("name"), [](Device& d) { d.name = QStringLiteral("  "); }},
        {QStringLiteral("kind"), [](Device& d) { d.kind = QStringLiteral("wand"); }},
        {QStringLiteral("needle"),
         [](Device& d) { d.needle = NeedleLength::fromMillimetres(9.0); }},
        {QStringLiteral("first_use"), [](Device& d) { d.firstUse = kToday.addDays(1); }},
    };
    for (const auto& [field, spoil] : bad) {
        Device d = good;
        spoil(d);
        const auto added = m_logbook->addDevice(d);
        ASSERT_FALSE(added) << field.toStdString();
        EXPECT_EQ(added.error().field, field);
        if (field == u"first_use")
            continue; // an edit keeps the stored first use (see the next test)
        Device changed = good;
        changed.id = *id;
        spoil(changed);
        const auto updated = m_logbook->updateDevice(changed);
        ASSERT_FALSE(updated) << field.toStdString();
        EXPECT_EQ(updated.error().field, field);
    }
    EXPECT_EQ(m_logbook->deviceStatuses(true)->size(), 1);
    EXPECT_EQ(m_logbook->device(*id)->name, good.name) << "the stored device is unchanged";
}

TEST_F(LogbookTest, ADeviceFirstUsedAfterTodayCanStillBeRetiredAndReturned) {
    // The clock went back a day (a time zone, a wrong clock) after the device was added: retiring
    // it, returning it to use and their undo change nothing of what it was stored with.
    Device d;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    d.firstUse = kToday.addDays(1);
    const auto id = DeviceStore(*m_db).add(d);
    ASSERT_TRUE(id);
    d.id = *id;
    d.retiredOn = kToday;
    const auto retired = m_logbook->updateDevice(d);
    ASSERT_TRUE(retired) << retired.error().toString().toStdString();
    d.retiredOn.reset();
    EXPECT_TRUE(m_logbook->updateDevice(d));
    d.kind = QStringLiteral("wand");
    EXPECT_FALSE(m_logbook->updateDevice(d)) << "what it is made of is still checked";
}

TEST_F(LogbookTest, AnEditedRegimenIsCheckedAsANewOneIs) {
    // The planner must never plan sessions closer than the minimum: an edit that asks for it is
    // refused like an add, and the stored regimen stays as it was.
    const auto id =
        m_logbook->addRegimen(test::regimen(0, QStringLiteral("scalp"), 0.5, 14, kToday));
    ASSERT_TRUE(id);
    Regimen edited = *m_logbook->regimen(*id);
    edited.everyDays = 2; // below the 7 days 0.5 mm on the scalp needs
    const auto refused = m_logbook->updateRegimen(edited);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, u"every");
    EXPECT_EQ(m_logbook->regimen(*id)->everyDays, 14);
    edited.everyDays = 10;
    EXPECT_TRUE(m_logbook->updateRegimen(edited));
    EXPECT_EQ(m_logbook->regimen(*id)->everyDays, 10);
}

// Dates at the end of the calendar are judged like any other: the window around a session late
// in 9999 reaches past year 9999, and the neighbours in it still count.
TEST_F(LogbookTest, SessionsAtTheEndOfTheCalendarAreJudgedLikeAnyOther) {
    m_today = QDate(9999, 12, 31);
    Session professional = draft(QStringLiteral("face"), 2.0, QDate(9999, 12, 20));
    professional.performedBy = Performer::Professional;
    ASSERT_TRUE(m_logbook->log(professional)->id);
    const auto fiveDaysLater =
        m_logbook->check(draft(QStringLiteral("face"), 0.25, QDate(9999, 12, 25)));
    ASSERT_TRUE(fiveDaysLater);
    EXPECT_EQ(fiveDaysLater->severity, Severity::Refuse)
        << "5 days after a professional 2.0 mm session";
    m_today = QDate(1, 1, 31);
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("scalp"), 0.5, QDate(1, 1, 2)))->id);
    const auto early = m_logbook->check(draft(QStringLiteral("scalp"), 0.5, QDate(1, 1, 4)));
    ASSERT_TRUE(early);
    EXPECT_EQ(early->severity, Severity::Refuse) << "and at the start of it";
}

// The earliest allowed date the app names is itself allowed: a backdated session between two
// logged ones is told a day no other session refuses, or that no day in that gap is allowed.
TEST_F(LogbookTest, TheEarliestAllowedDateNamedIsItselfAllowed) {
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("face"), 0.5, QDate(2026, 11, 1)))->id);
    ASSERT_TRUE(m_logbook->log(draft(QStringLiteral("face"), 0.5, QDate(2026, 11, 12)))->id);
    const auto backdated = m_logbook->check(draft(QStringLiteral("face"), 0.5, QDate(2026, 11, 5)));
    ASSERT_TRUE(backdated);
    ASSERT_EQ(backdated->severity, Severity::Refuse);
    ASSERT_TRUE(backdated->earliestAllowedDate);
    const QDate named = *backdated->earliestAllowedDate;
    const auto onNamed = m_logbook->check(draft(QStringLiteral("face"), 0.5, named));
    ASSERT_TRUE(onNamed);
    EXPECT_NE(onNamed->severity, Severity::Refuse)
        << "named " << named.toString(Qt::ISODate).toStdString();
    EXPECT_EQ(named, QDate(2026, 11, 19)) << "7 days after the session of 12 November";
    bool saysTheGap = false;
    for (const Reason& r : backdated->reasons)
        saysTheGap |= r.message.contains(QStringLiteral("2026-11-08")) &&
                      r.message.contains(QStringLiteral("2026-11-19"));
    EXPECT_TRUE(saysTheGap) << "says why 8 November is not the answer";
}

// Property: over generated histories, logging on any stated earliest date is never refused by
// the intervals.
TEST_F(LogbookTest, LoggingOnAnyStatedEarliestDateIsNeverRefused) {
    std::mt19937 random(7);
    const QStringList areas{QStringLiteral("face"), QStringLiteral("scalp"),
                            QStringLiteral("body")};
    const double needles[] = {0.25, 0.5, 1.0};
    for (int round = 0; round < 40; ++round) {
        removeAllSessions();
        const QString area = areas.at(round % areas.size());
        for (int i = 0; i < 6; ++i) {
            Session s =
                draft(area, needles[random() % 3], QDate(2026, 9, 1).addDays(int(random() % 80)));
            s.performedBy = Performer::Professional; // stored whatever the intervals say
            ASSERT_TRUE(m_logbook->log(s));
        }
        for (int d = 0; d < 80; d += 3) {
            const double mm = needles[random() % 3];
            const auto verdict = m_logbook->check(draft(area, mm, QDate(2026, 9, 1).addDays(d)));
            ASSERT_TRUE(verdict);
            if (!verdict->earliestAllowedDate)
                continue;
            const QDate named = *verdict->earliestAllowedDate;
            if (named > m_today)
                continue; // a future day is not a session that can be logged yet
            const auto then = m_logbook->check(draft(area, mm, named));
            ASSERT_TRUE(then);
            bool intervals = false;
            for (const Reason& r : then->reasons)
                intervals |= r.severity == Severity::Refuse && r.rule == u"interval";
            ASSERT_FALSE(intervals) << "round " << round << ", " << mm << " mm, named "
                                    << named.toString(Qt::ISODate).toStdString();
        }
    }
}

// An export carries the pauses, the products and each device's cleanings, and importing it into
// another log adds each of them once: what is already there (a product of the same name in any
// case, the same pause, a cleaning of the same device at the same minute) is not copied.
TEST_F(LogbookTest, AnExportCarriesPausesProductsAndCleaningsIntoAnotherLogOnce) {
    const qint64 roller =
        addDevice(QStringLiteral("Roller"), QStringLiteral("roller"), 0.5, kToday.addDays(-30));
    const QDateTime cleaned(kToday.addDays(-10), QTime(21, 30));
    ASSERT_TRUE(m_logbook->recordCleaning(roller, cleaned));
    Pause holiday;
    holiday.from = kToday.addDays(20);
    holiday.to = kToday.addDays(34);
    holiday.area = QStringLiteral("face");
    holiday.reason = QStringLiteral("Holiday");
    ASSERT_TRUE(m_logbook->addPause(holiday));
    Product serum;
    serum.name = QStringLiteral("Hyaluronic serum");
    serum.kind = QStringLiteral("serum");
    serum.brokenSkin = Product::BrokenSkin::Yes;
    Product retinol;
    retinol.name = QStringLiteral("Retinol");
    retinol.kind = QStringLiteral("retinoid");
    ASSERT_TRUE(m_logbook->addProduct(serum));
    ASSERT_TRUE(m_logbook->addProduct(retinol));
    Session used = draft(QStringLiteral("face"), 0.5, kToday.addDays(-10));
    used.deviceId = roller;
    ASSERT_TRUE(m_logbook->log(used));

    QByteArray exported;
    ASSERT_TRUE(m_logbook->writeSessions({}, io::SessionStream::Format::ExportJson,
                                         [&exported](QByteArrayView chunk) {
                                             exported += chunk;
                                             return success();
                                         }));

    auto otherDb = Database::open(m_dir.filePath(QStringLiteral("other.sqlite")), kToday);
    ASSERT_TRUE(otherDb);
    Logbook other(**otherDb, rules(), [] { return kToday; });
    ASSERT_TRUE(other.addDevice([] {
        Device stamp;
        stamp.name = QStringLiteral("Stamp");
        stamp.kind = QStringLiteral("stamp");
        stamp.needle = NeedleLength::fromMillimetres(0.25);
        return stamp;
    }())); // so ids differ there
    Product sameName = serum;
    sameName.name = QStringLiteral("HYALURONIC SERUM");
    sameName.kind = QStringLiteral("moisturiser");
    ASSERT_TRUE(other.addProduct(sameName));

    const auto importInto = [&](Logbook& log) {
        const auto parsed = io::parseJson(exported, QStringLiteral("export.json"), rules(), kToday);
        EXPECT_TRUE(parsed.errors.isEmpty());
        auto plan = log.planImport(parsed);
        EXPECT_TRUE(plan);
        EXPECT_TRUE(plan && log.runImport(*plan));
        return plan ? std::optional(*plan) : std::nullopt;
    };
    const auto first = importInto(other);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->newPauses.size(), 1);
    EXPECT_EQ(first->newProducts.size(), 1);
    EXPECT_EQ(first->productsPresent, 1);
    EXPECT_EQ(first->newCleanings.size(), 1);

    const auto pauses = other.pauses(QDate());
    ASSERT_TRUE(pauses);
    ASSERT_EQ(pauses->size(), 1);
    holiday.id = pauses->at(0).id;
    EXPECT_EQ(pauses->at(0), holiday);
    const auto products = other.products();
    ASSERT_TRUE(products);
    ASSERT_EQ(products->size(), 2);
    EXPECT_EQ(products->at(0).name, QStringLiteral("HYALURONIC SERUM")) << "the one already there";
    EXPECT_EQ(products->at(1).name, retinol.name);
    EXPECT_EQ(products->at(1).kind, retinol.kind);
    const auto devices = other.devices(true);
    ASSERT_TRUE(devices);
    const auto rollerThere = std::find_if(devices->begin(), devices->end(), [](const Device& d) {
        return d.name == QStringLiteral("Roller");
    });
    ASSERT_NE(rollerThere, devices->end());
    EXPECT_NE(rollerThere->id, roller) << "the test means to remap the device's id";
    EXPECT_EQ(DeviceStore(**otherDb).cleanings(rollerThere->id).value(), QList{cleaned});
    const auto state = DeviceStore(**otherDb).state(rollerThere->id, kToday);
    ASSERT_TRUE(state);
    EXPECT_FALSE(state->needsCleaning()) << "cleaned after its one use, as in the first log";

    const auto again = importInto(other);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->newPauses.isEmpty() && again->newProducts.isEmpty() &&
                again->newCleanings.isEmpty());
    EXPECT_EQ(again->pausesPresent, 1);
    EXPECT_EQ(again->productsPresent, 2);
    EXPECT_EQ(again->cleaningsPresent, 1);
    EXPECT_EQ(other.pauses(QDate())->size(), 1);
    EXPECT_EQ(DeviceStore(**otherDb).allCleanings()->size(), 1);
}
