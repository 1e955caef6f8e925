// The History, Plan and Devices pages, driven through their widgets; each test asserts what the
// store then holds.
#include "AppFixture.h"
#include "TestSupport.h"

#include "AppContext.h"
#include "HistoryExport.h"
#include "MainWindow.h"
#include "ScheduleOutput.h"
#include "SessionFileImport.h"
#include "commands/Edits.h"
#include "commands/SessionCommands.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/RegimenDialog.h"
#include "dialogs/SafetyGuideDialog.h"
#include "dialogs/UserGuideDialog.h"
#include "domain/IsoWeek.h"
#include "io/JsonFormat.h"
#include "models/AreaStatusModel.h"
#include "models/DeviceTableModel.h"
#include "models/RegimenTableModel.h"
#include "models/SessionTableModel.h"
#include "pages/DevicesPage.h"
#include "pages/HistoryPage.h"
#include "pages/PlanPage.h"
#include "pages/TodayPage.h"
#include "print/SchedulePrinter.h"
#include "storage/Database.h"
#include "storage/DeviceStore.h"
#include "storage/RegimenStore.h"
#include "storage/SessionStore.h"
#include "widgets/Messages.h"

#include <QRegularExpression>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include "settings/Preferences.h"
#include <QTextCharFormat>
#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 24);

class PagesTest : public test::AppFixture {
protected:
    PagesTest()
        : AppFixture(kToday) {}

    // "Hair": scalp, 0.5 mm, every 14 days from today, ongoing.
    static Regimen hairRegimen() {
        Regimen r = test::regimen(0, QStringLiteral("scalp"), 0.5, 14, kToday);
        r.name = QStringLiteral("Hair");
        return r;
    }

    // A 0.5 mm roller.
    static Device roller(const QString& name) {
        Device d;
        d.name = name;
        d.kind = QStringLiteral("roller");
        d.needle = NeedleLength::fromMillimetres(0.5);
        return d;
    }

    void seedScalpRegimen() { ASSERT_TRUE(RegimenStore(*m_db).add(hairRegimen())); }

    int sessionCount() { return *SessionStore(*m_db).count({}); }
};

QPushButton* button(QWidget* root, const QString& text) {
    for (QPushButton* b : root->findChildren<QPushButton*>())
        if (b->text().remove(u'&') == text)
            return b;
    return nullptr;
}

} // namespace

TEST_F(PagesTest, SessionModelPassesTheModelTesterAndFetchesInPages) {
    for (int i = 0; i < 1200; ++i)
        seed(QStringLiteral("body"), 0.25, kToday.addDays(-i % 700));
    ui::SessionTableModel model(m_context->logbook());
    EXPECT_EQ(model.totalCount(), 1200);
    EXPECT_EQ(model.rowCount(), ui::SessionTableModel::PageSize) << "only the first page is loaded";
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 2 * ui::SessionTableModel::PageSize);
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 1200);
    EXPECT_FALSE(model.canFetchMore({}));
    model.sort(0, Qt::AscendingOrder);
    EXPECT_EQ(model.sessionAt(0).date, kToday.addDays(-699));
    model.setFilter(QStringLiteral("face"), {}, {}, {});
    EXPECT_EQ(model.rowCount(), 0);
    model.setFilter({}, {}, {}, {}, NeedleLength::fromMillimetres(0.5));
    EXPECT_EQ(model.totalCount(), 0);
    model.setFilter({}, {}, {}, {}, NeedleLength::fromMillimetres(0.25));
    EXPECT_EQ(model.totalCount(), 1200);
}

TEST_F(PagesTest, SessionModelPassesTheModelTester) {
    // Within one page: Qt's tester calls fetchMore from inside its own rowsInserted checks.
    for (int i = 0; i < 50; ++i)
        seed(i % 2 ? QStringLiteral("body") : QStringLiteral("face"), 0.25, kToday.addDays(-i),
             QStringLiteral("n%1").arg(i));
    ui::SessionTableModel model(m_context->logbook());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFilter(QStringLiteral("face"), {}, {}, {});
    EXPECT_EQ(model.rowCount(), 25);
    model.sort(0, Qt::AscendingOrder);
    model.setFilter({}, kToday.addDays(-9), kToday, QStringLiteral("n"));
    EXPECT_EQ(model.rowCount(), 10);
    EXPECT_EQ(model.data(model.index(0, ui::SessionTableModel::NeedleColumn)).toString(),
              QStringLiteral("0.25 mm"));
}

TEST_F(PagesTest, HistorySearchFiltersByNotes) {
    seed(QStringLiteral("face"), 0.25, kToday.addDays(-3), QStringLiteral("tingling afterwards"));
    seed(QStringLiteral("scalp"), 0.5, kToday.addDays(-10), QStringLiteral("fine"));
    ui::HistoryPage page(*m_context);
    EXPECT_EQ(page.model()->rowCount(), 2);
    QTest::keyClicks(page.findChild<QLineEdit*>(), QStringLiteral("tingl"));
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_EQ(page.model()->sessionAt(0).notes, QStringLiteral("tingling afterwards"));
}

TEST_F(PagesTest, DeleteAsksNothingAndUndoBringsTheSessionBack) {
    ui::MainWindow window(*m_context);
    window.show();
    const qint64 id =
        seed(QStringLiteral("face"), 0.25, kToday.addDays(-3), QStringLiteral("keep me"));
    m_context->logbook().announceChange();
    const Session original = *SessionStore(*m_db).get(id);
    ui::HistoryPage* history = window.historyPage();
    window.showPage(history);
    history->view()->selectRow(0);
    QTest::mouseClick(button(history, QStringLiteral("Delete")), Qt::LeftButton);
    EXPECT_EQ(sessionCount(), 0);
    EXPECT_EQ(history->model()->rowCount(), 0);
    EXPECT_EQ(window.statusBar()->currentMessage(), QStringLiteral("Deleted — Ctrl+Z to undo"));

    m_context->undoStack().undo(); // what Ctrl+Z triggers
    ASSERT_EQ(sessionCount(), 1);
    EXPECT_EQ(*SessionStore(*m_db).get(id), original) << "same id, uuid and fields";
    EXPECT_EQ(history->model()->rowCount(), 1);
    m_context->undoStack().redo();
    EXPECT_EQ(sessionCount(), 0);

    QStringList shortcuts;
    for (QAction* a : window.findChildren<QAction*>())
        shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+Z")));
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+Shift+Z")));
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+F")));
}

TEST_F(PagesTest, RegimenDialogRefusesACadenceBelowTheMinimumAndExplains) {
    ui::RegimenDialog dialog(*m_context);
    dialog.applyTemplate(QStringLiteral("hair-minoxidil-home"));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_TRUE(ok->isEnabled());
    auto* every = dialog.findChild<QSpinBox*>();
    ASSERT_EQ(every->accessibleName(), QStringLiteral("Every how many days"));
    every->setValue(3);
    EXPECT_FALSE(ok->isEnabled());
    QLabel* verdict = nullptr;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        if (l->accessibleName() == QStringLiteral("Safety verdict"))
            verdict = l;
    ASSERT_NE(verdict, nullptr);
    EXPECT_TRUE(verdict->text().contains(QStringLiteral("at least 7 days")))
        << verdict->text().toStdString();
}

TEST_F(PagesTest, AddingARegimenFromATemplateStoresItAndMarksTheCalendar) {
    ui::PlanPage page(*m_context);
    QAbstractItemModelTester tester(page.regimenModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Answer the dialog the page opens: pick the template and press OK.
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::RegimenDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->applyTemplate(QStringLiteral("hair-minoxidil-home"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    page.addRegimen();
    const auto regimens = RegimenStore(*m_db).list(true);
    ASSERT_EQ(regimens->size(), 1);
    EXPECT_EQ(regimens->at(0).templateId, QStringLiteral("hair-minoxidil-home"));
    EXPECT_EQ(regimens->at(0).everyDays, 14);
    ASSERT_EQ(page.regimenModel()->rowCount(), 1);
    EXPECT_EQ(page.regimenModel()->index(0, ui::RegimenTableModel::EveryColumn).data().toString(),
              QStringLiteral("14 days"));
    EXPECT_EQ(page.regimenModel()->index(0, ui::RegimenTableModel::AreaColumn).data().toString(),
              QStringLiteral("Scalp"));
    EXPECT_EQ(page.regimenModel()->idAt(0), regimens->at(0).id);
    EXPECT_TRUE(page.dayDescription(kToday).contains(QStringLiteral("planned: Scalp · 0.5 mm")))
        << page.dayDescription(kToday).toStdString();
    EXPECT_TRUE(page.calendar()->dateTextFormat(kToday).font().bold())
        << "planned days are bold, not only coloured";
}

TEST_F(PagesTest, CalendarMarksDoneAndTooSoonDays) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-2));
    ui::PlanPage page(*m_context);
    EXPECT_TRUE(page.calendar()->dateTextFormat(kToday.addDays(-2)).font().underline());
    EXPECT_TRUE(page.dayDescription(kToday.addDays(1))
                    .contains(QStringLiteral("too soon for 0.5 mm on the face")));
    EXPECT_TRUE(page.calendar()->dateTextFormat(kToday.addDays(1)).font().italic());
    EXPECT_FALSE(page.dayDescription(kToday.addDays(5)).contains(QStringLiteral("too soon")));
}

// The planner's advice about a planned day (sooner than the recommended interval) is in the
// day's description, not computed and dropped.
TEST_F(PagesTest, APlannedDaySaysWhatThePlannerAdvisesAboutIt) {
    // Scalp, 0.5 mm: allowed after 7 days, 14 recommended; planned every 10.
    Regimen r = hairRegimen();
    r.everyDays = 10;
    r.start = kToday.addDays(-10);
    ASSERT_TRUE(RegimenStore(*m_db).add(r));
    seed(QStringLiteral("scalp"), 0.5, kToday.addDays(-10));
    ui::PlanPage page(*m_context);
    const QString day = page.dayDescription(kToday);
    EXPECT_TRUE(day.contains(QStringLiteral("planned: Scalp · 0.5 mm"))) << day.toStdString();
    EXPECT_TRUE(day.contains(QStringLiteral("14 days are recommended"))) << day.toStdString();
}

TEST_F(PagesTest, CleanedNowRecordsACleaningInOneClick) {
    Device d;
    d.name = QStringLiteral("Roller");
    d.needle = NeedleLength::fromMillimetres(0.5);
    const auto id = DeviceStore(*m_db).add(d);
    ASSERT_TRUE(id);
    ui::DevicesPage page(*m_context);
    page.show();
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(page.model()->rowCount(), 1);
    const QModelIndex cleaned = page.model()->index(0, ui::DeviceTableModel::CleanedColumn);
    EXPECT_EQ(cleaned.data().toString(), QStringLiteral("never"));
    page.table()->selectRow(0);
    QTest::mouseClick(button(&page, QStringLiteral("Cleaned now")), Qt::LeftButton);
    const auto cleanings = DeviceStore(*m_db).cleanings(*id);
    ASSERT_EQ(cleanings->size(), 1);
    EXPECT_EQ(cleanings->at(0).date(), kToday);
    EXPECT_NE(page.model()->index(0, ui::DeviceTableModel::CleanedColumn).data().toString(),
              QStringLiteral("never"));
    EXPECT_EQ(page.model()->headerData(ui::DeviceTableModel::CleanedColumn, Qt::Horizontal),
              QStringLiteral("Last cleaned"));
    EXPECT_EQ(page.model()->index(0, 0).data(ui::DeviceTableModel::IdRole).toLongLong(), *id);
    // The kind is named in words the user's language has, not by its id in the database.
    EXPECT_EQ(page.model()->index(0, ui::DeviceTableModel::NameColumn).data().toString(),
              QStringLiteral("Roller (Roller)"));
}

TEST_F(PagesTest, OutsideChangesAreNoticed) {
    ui::HistoryPage page(*m_context);
    EXPECT_EQ(page.model()->rowCount(), 0);
    // Another program (a second connection) logs a session.
    auto other = Database::open(m_db->path(), kToday);
    ASSERT_TRUE(other);
    Session s;
    s.area = QStringLiteral("neck");
    s.needle = NeedleLength::fromMillimetres(0.25);
    s.date = kToday;
    ASSERT_TRUE(SessionStore(**other).add(s));
    m_context->checkForOutsideChanges();
    EXPECT_EQ(page.model()->rowCount(), 1);
}

TEST_F(PagesTest, ExportsTheSelectedWeekAsAOnePagePdfWithCtrlPForPrinting) {
    seedScalpRegimen();
    ui::MainWindow window(*m_context);
    const QString pdf = m_dir.filePath(QStringLiteral("week.pdf"));
    ASSERT_TRUE(window.scheduleOutput().exportPdf(pdf));
    const QByteArray bytes = test::readAll(pdf);
    ASSERT_TRUE(bytes.startsWith("%PDF"));
    EXPECT_EQ(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                  bytes.count("/Type /Page "),
              1)
        << "one page";
    QStringList shortcuts;
    for (QAction* a : window.findChildren<QAction*>())
        shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+P")));
}

TEST_F(PagesTest, PrintsThisWeekOrTheWeekShownOnThePlanPageWhenAskedFromThere) {
    seedScalpRegimen();
    ui::MainWindow window(*m_context);
    window.planPage()->calendar()->setSelectedDate(QDate(2026, 12, 9)); // week of 7-13 December
    const QString pdf = m_dir.filePath(QStringLiteral("week.pdf"));

    window.showPage(window.todayPage());
    ASSERT_TRUE(window.scheduleOutput().exportPdf(pdf));
    EXPECT_TRUE(test::pdfText(pdf).startsWith(QStringLiteral("Week of 23–29 November 2026")))
        << test::pdfText(pdf).left(80).toStdString();

    window.showPage(window.planPage());
    ASSERT_TRUE(window.scheduleOutput().exportPdf(pdf));
    EXPECT_TRUE(test::pdfText(pdf).startsWith(QStringLiteral("Week of 7–13 December 2026")))
        << test::pdfText(pdf).left(80).toStdString();
}

TEST_F(PagesTest, TodaySaysWhatIsDueTheAftercareRunningAndTheDevicesToClean) {
    seedScalpRegimen(); // scalp 0.5 mm every 14 days from today
    const auto roller = DeviceStore(*m_db).add(PagesTest::roller(QStringLiteral("Face roller")));
    ASSERT_TRUE(roller);
    Session face;
    face.area = QStringLiteral("face");
    face.needle = NeedleLength::fromMillimetres(0.5);
    face.date = kToday.addDays(-1);
    face.time = QTime(20, 30);
    face.deviceId = *roller;
    ASSERT_TRUE(SessionStore(*m_db).add(face));
    ui::TodayPage page(*m_context);
    const QString now = page.whatNow();
    EXPECT_TRUE(now.contains(QStringLiteral("Due today\nScalp · 0.5 mm — ✔ 0.5 mm allowed now")))
        << now.toStdString();
    EXPECT_TRUE(now.contains(QStringLiteral("Aftercare today\n")));
    EXPECT_TRUE(
        now.contains(QStringLiteral("Face: No makeup · No sauna, swimming or heavy sweating — "
                                    "until Wed 25 Nov, 20:30")))
        << now.toStdString();
    EXPECT_FALSE(now.contains(QStringLiteral("Scalp: No"))) << "the scalp is not rolled yet: its "
                                                               "aftercare starts when it is";
    EXPECT_TRUE(now.contains(QStringLiteral("“Face roller”: needs cleaning"))) << now.toStdString();
}

TEST_F(PagesTest, TodayWithNothingDueNamesTheNextSession) {
    Regimen later = hairRegimen();
    later.start = kToday.addDays(3);
    ASSERT_TRUE(RegimenStore(*m_db).add(later));
    ui::TodayPage page(*m_context);
    EXPECT_TRUE(page.whatNow().startsWith(
        QStringLiteral("Nothing planned today. Next: Scalp · 0.5 mm on Fri 27 Nov.")))
        << page.whatNow().toStdString();
}

// The window fits an 800x600 screen whatever page is shown: none asks for more, so the status
// bar (where "Ctrl+Z to undo" and import results appear) is never below the screen's edge.
TEST_F(PagesTest, TheWindowFitsAn800x600ScreenOnEveryPage) {
    for (const char* area : {"face", "neck", "body"})
        seed(QString::fromLatin1(area), 0.25, kToday.addDays(-1), QStringLiteral("a note"));
    seedScalpRegimen();
    m_context->logbook().announceChange();
    ui::MainWindow window(*m_context);
    window.show();
    for (QWidget* page :
         {static_cast<QWidget*>(window.todayPage()), static_cast<QWidget*>(window.historyPage())}) {
        window.showPage(page);
        QApplication::processEvents();
        const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
        EXPECT_LE(least.width(), 800) << page->metaObject()->className();
        EXPECT_LE(least.height(), 570) << page->metaObject()->className();
    }
    for (int i = 0; i < window.findChild<QTabWidget*>()->count(); ++i) {
        window.findChild<QTabWidget*>()->setCurrentIndex(i);
        QApplication::processEvents();
        const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
        EXPECT_LE(least.height(), 570) << "tab " << i;
        EXPECT_LE(least.width(), 800) << "tab " << i;
    }
}

// Switching the theme re-marks the calendar at once: a planned day keeps readable text on its
// background (it was white on white after switching to dark).
TEST_F(PagesTest, TheCalendarFollowsTheThemeAtOnce) {
    seedScalpRegimen();
    ui::applyTheme(ui::Preferences::Theme::Light);
    ui::PlanPage page(*m_context);
    page.show();
    QDate planned;
    for (QDate d = kToday; d <= kToday.addDays(20) && !planned.isValid(); d = d.addDays(1))
        if (page.calendar()->dateTextFormat(d).fontWeight() == QFont::Bold)
            planned = d;
    ASSERT_TRUE(planned.isValid()) << "a planned day is marked";
    for (const auto theme : {ui::Preferences::Theme::Dark, ui::Preferences::Theme::Light}) {
        ui::applyTheme(theme);
        QApplication::processEvents();
        const QTextCharFormat f = page.calendar()->dateTextFormat(planned);
        const QColor background = f.background().color();
        const QColor text = f.foreground().style() == Qt::NoBrush
                                ? page.calendar()->palette().color(QPalette::Text)
                                : f.foreground().color();
        EXPECT_EQ(background, QApplication::palette().color(QPalette::AlternateBase));
        EXPECT_GT(std::abs(background.lightness() - text.lightness()), 100)
            << "text " << text.name().toStdString() << " on " << background.name().toStdString();
    }
}

TEST_F(PagesTest, TodayCutsNoWordAt800x600) {
    seedScalpRegimen();
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-1));
    seed(QStringLiteral("body"), 1.0, kToday.addDays(-3));
    seed(QStringLiteral("neck"), 0.25, kToday.addDays(-2));
    ui::MainWindow window(*m_context);
    window.showPage(window.todayPage());
    window.resize(800, 600);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (QLabel* label : window.todayPage()->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap())
            continue;
        EXPECT_GE(label->width(), label->sizeHint().width()) << label->text().toStdString();
    }
    for (QPushButton* b : window.todayPage()->findChildren<QPushButton*>())
        EXPECT_GE(b->width(), b->sizeHint().width()) << b->text().toStdString();
    // The areas' table: every row shown whole, and a column that does not wrap fits its words.
    QTableView* table = window.todayPage()->areaTable();
    const QAbstractItemModel* model = table->model();
    ASSERT_EQ(model->rowCount(), 4);
    EXPECT_GE(table->viewport()->height(), table->verticalHeader()->length())
        << "no row is cut off or scrolled away";
    for (int row = 0; row < model->rowCount(); ++row)
        for (int c : {ui::AreaStatusModel::AreaColumn, ui::AreaStatusModel::LastColumn,
                      ui::AreaStatusModel::WeekColumn}) {
            const QString text = model->index(row, c).data().toString();
            EXPECT_GE(table->columnWidth(c), table->fontMetrics().horizontalAdvance(text))
                << text.toStdString();
        }
}

TEST_F(PagesTest, TodaysAreaTableIsAModelAndEachRowLogsItsArea) {
    seedScalpRegimen();
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-1));
    ui::TodayPage page(*m_context);
    QAbstractItemModelTester tester(page.areaModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const ui::AreaStatusModel* model = page.areaModel();
    const int face = model->rowOf(QStringLiteral("face"));
    ASSERT_GE(face, 0);
    EXPECT_EQ(model->index(face, ui::AreaStatusModel::AreaColumn).data().toString(), u"Face");
    EXPECT_TRUE(model->index(face, ui::AreaStatusModel::LastColumn)
                    .data()
                    .toString()
                    .endsWith(u" · 0.5 mm"));
    EXPECT_TRUE(page.statusOf(QStringLiteral("face")).startsWith(u"✖"))
        << "resting the day after a 0.5 mm session";
    EXPECT_TRUE(model->index(model->rowOf(QStringLiteral("scalp")), ui::AreaStatusModel::WeekColumn)
                    .data()
                    .toString()
                    .contains(u"0.5 mm"))
        << "the scalp regimen's session this week";

    QSignalSpy asked(&page, &ui::TodayPage::logSessionRequested);
    auto* log = qobject_cast<QPushButton*>(
        page.areaTable()->indexWidget(model->index(face, ui::AreaStatusModel::LogColumn)));
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->text(), u"Log face…");
    log->click();
    ASSERT_EQ(asked.count(), 1);
    EXPECT_EQ(asked.at(0).at(0).toString(), u"face");

    page.refresh(); // a refresh rebuilds the rows, and their buttons with them
    EXPECT_NE(page.areaTable()->indexWidget(model->index(face, ui::AreaStatusModel::LogColumn)),
              nullptr);
}

TEST_F(PagesTest, TheSafetyGuideNamesSourcesAndNotItsFiles) {
    ui::SafetyGuideDialog guide(test::rules());
    const QString text = guide.findChild<QTextBrowser*>()->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Faghihi et al. 2021")));
    EXPECT_FALSE(text.contains(QStringLiteral("rules.json"))) << "no file paths for a person";
    EXPECT_FALSE(text.contains(QStringLiteral("dermaplan-cli")));
}

TEST_F(PagesTest, PreferencesAreKeptAndShapeThePrintedWeek) {
    ui::Preferences chosen;
    {
        ui::PreferencesDialog dialog(ui::Preferences::load());
        const auto combos = dialog.findChildren<QComboBox*>();
        const auto combo = [&](const QString& name) {
            for (QComboBox* c : combos)
                if (c->accessibleName() == name)
                    return c;
            return static_cast<QComboBox*>(nullptr);
        };
        combo(QStringLiteral("Theme"))->setCurrentIndex(2); // dark
        auto* firstDay = combo(QStringLiteral("First day of the week"));
        firstDay->setCurrentIndex(firstDay->findData(int(Qt::Sunday)));
        auto* paper = combo(QStringLiteral("Paper"));
        paper->setCurrentIndex(paper->findData(int(QPageSize::Letter)));
        dialog.findChild<QLineEdit*>()->setText(QStringLiteral("  Alex "));
        chosen = dialog.preferences();
    }
    EXPECT_EQ(chosen.theme, ui::Preferences::Theme::Dark);
    EXPECT_EQ(chosen.firstDayOfWeek, Qt::Sunday);
    EXPECT_EQ(chosen.paper, QPageSize::Letter);
    EXPECT_EQ(chosen.name, QStringLiteral("Alex"));
    chosen.save();
    EXPECT_EQ(ui::Preferences::load(), chosen);

    ui::MainWindow window(*m_context);
    EXPECT_EQ(window.planPage()->calendar()->firstDayOfWeek(), Qt::Sunday);
    const QString pdf = m_dir.filePath(QStringLiteral("week.pdf"));
    ASSERT_TRUE(window.scheduleOutput().exportPdf(pdf));
    const QString text = test::pdfText(pdf);
    EXPECT_TRUE(
        text.startsWith(QStringLiteral("Week of 22–28 November 2026"))) // Sunday to Saturday
        << "[" << text.left(80).toStdString() << "]";
    EXPECT_TRUE(text.contains(QStringLiteral("Alex")));
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    ASSERT_TRUE(info.waitForFinished(30000));
    EXPECT_TRUE(QString::fromUtf8(info.readAllStandardOutput())
                    .contains(QRegularExpression(QStringLiteral("Page size: +612 x 792"))))
        << "Letter";
}

TEST_F(PagesTest, TheDarkThemeDarkensEveryPage) {
    ui::applyTheme(ui::Preferences::Theme::Dark);
    ui::MainWindow window(*m_context);
    for (int i = 0; i < window.pages()->count(); ++i)
        EXPECT_LT(window.pages()->widget(i)->palette().color(QPalette::Window).lightness(), 80);
    EXPECT_GT(window.palette().color(QPalette::WindowText).lightness(), 180);
    ui::applyTheme(ui::Preferences::Theme::System);
    EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 180);
}

TEST_F(PagesTest, TheUserGuideOpensInTheAppWithItsPicturesAndLinks) {
    ui::UserGuideDialog guide;
    QTextBrowser* browser = guide.browser();
    EXPECT_TRUE(browser->toPlainText().startsWith(QStringLiteral("Your first week with Dermaplan")))
        << browser->toPlainText().left(80).toStdString();
    const QVariant picture = browser->document()->resource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("screenshots/today.png")));
    EXPECT_FALSE(picture.value<QImage>().isNull()) << "the screenshots are compiled in";
    emit browser->anchorClicked(QUrl(QStringLiteral("safety-rules.md")));
    EXPECT_TRUE(browser->toPlainText().startsWith(QStringLiteral("Dermaplan safety rules")))
        << browser->toPlainText().left(80).toStdString();
    EXPECT_TRUE(browser->isBackwardAvailable());
}

TEST_F(PagesTest, RetiringADeviceAsksFirstAndCanBeTakenBack) {
    const auto id = DeviceStore(*m_db).add(roller(QStringLiteral("Face roller")));
    ASSERT_TRUE(id);
    ui::MainWindow window(*m_context);
    ui::DevicesPage* devices = window.devicesPage();
    devices->refresh();
    devices->table()->selectRow(0);
    const auto retired = [&] { return DeviceStore(*m_db).get(*id)->retiredOn.has_value(); };

    {
        ui::MessageAnswers answers({QStringLiteral("Cancel")});
        QTest::mouseClick(button(devices, QStringLiteral("Retire…")), Qt::LeftButton);
        ASSERT_EQ(answers.shown().size(), 1) << "asked first";
        EXPECT_EQ(answers.shown().at(0).title, QStringLiteral("Retire device"));
        EXPECT_TRUE(answers.shown().at(0).text.contains(u"“Face roller”"));
        EXPECT_FALSE(retired()) << "cancelled";
    }
    {
        ui::MessageAnswers answers({QStringLiteral("Retire")});
        QTest::mouseClick(button(devices, QStringLiteral("Retire…")), Qt::LeftButton);
        EXPECT_TRUE(answers.unused().isEmpty());
        EXPECT_TRUE(answers.unmatched().isEmpty());
        EXPECT_TRUE(retired());
    }
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Retired “Face roller” — Ctrl+Z to undo"));
    m_context->undoStack().undo();
    EXPECT_FALSE(retired()) << "undone";
    m_context->undoStack().redo();
    ASSERT_TRUE(retired());

    devices->table()->selectRow(0);
    QPushButton* back = button(devices, QStringLiteral("Return to use"));
    ASSERT_NE(back, nullptr) << "a retired device offers to return to use";
    QTest::mouseClick(back, Qt::LeftButton);
    EXPECT_FALSE(retired()) << "returned to use, without a question";
    EXPECT_NE(button(devices, QStringLiteral("Retire…")), nullptr);
}

TEST_F(PagesTest, HistoryShowsDeviceReactionAndProductsAndHidesEmptyColumns) {
    const auto rollerId = DeviceStore(*m_db).add(roller(QStringLiteral("Face roller")));
    ASSERT_TRUE(rollerId);
    Session s;
    s.area = QStringLiteral("face");
    s.needle = NeedleLength::fromMillimetres(0.5);
    s.date = kToday.addDays(-3);
    s.deviceId = *rollerId;
    s.reaction = QStringLiteral("mild redness");
    s.products = QStringLiteral("hyaluronic serum");
    ASSERT_TRUE(SessionStore(*m_db).add(s));
    ui::HistoryPage page(*m_context);
    using M = ui::SessionTableModel;
    const auto cell = [&](int column) { return page.model()->index(0, column).data().toString(); };
    EXPECT_EQ(cell(M::DeviceColumn), QStringLiteral("Face roller"));
    EXPECT_EQ(cell(M::ReactionColumn), QStringLiteral("mild redness"));
    EXPECT_EQ(cell(M::ProductsColumn), QStringLiteral("hyaluronic serum"));
    for (const int shown : {M::DateColumn, M::AreaColumn, M::NeedleColumn, M::DeviceColumn,
                            M::ReactionColumn, M::ProductsColumn})
        EXPECT_FALSE(page.view()->isColumnHidden(shown)) << shown;
    for (const int empty :
         {M::TimeColumn, M::ZonesColumn, M::PainColumn, M::NotesColumn, M::OverrideColumn})
        EXPECT_TRUE(page.view()->isColumnHidden(empty)) << empty;
    seed(QStringLiteral("scalp"), 0.5, kToday.addDays(-20)); // no product, no device
    m_context->logbook().announceChange();
    ASSERT_EQ(page.model()->rowCount(), 2);
    // A search on a product finds the session, and the product is there to see.
    QLineEdit* search = nullptr;
    for (QLineEdit* edit : page.findChildren<QLineEdit*>())
        if (edit->accessibleName() == u"Search")
            search = edit;
    ASSERT_NE(search, nullptr);
    search->setText(QStringLiteral("serum"));
    ASSERT_EQ(page.model()->rowCount(), 1);
    EXPECT_FALSE(page.view()->isColumnHidden(M::ProductsColumn));
}

TEST_F(PagesTest, ThePreviewShowsTheWholePageOnTheScreenAndSaysWhichWeek) {
    ui::MainWindow window(*m_context);
    window.showPage(window.todayPage());
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto* preview = qobject_cast<QPrintPreviewDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(preview, nullptr);
        seen = true;
        const QSize screen = preview->screen()->availableSize();
        EXPECT_LE(preview->width(), screen.width());
        EXPECT_LE(preview->height(), screen.height());
        auto* view = preview->findChild<QPrintPreviewWidget*>();
        ASSERT_NE(view, nullptr);
        EXPECT_EQ(view->zoomMode(), QPrintPreviewWidget::FitInView);
        EXPECT_EQ(preview->windowTitle(),
                  QStringLiteral("Print preview: Week of 23–29 November 2026"));
        preview->reject();
    });
    window.scheduleOutput().preview();
    EXPECT_TRUE(seen);
}

TEST_F(PagesTest, EveryMenuAndPageHasItsOwnAltKey) {
    ui::MainWindow window(*m_context);
    const auto mnemonic = [](const QString& text) {
        const auto at = text.indexOf(u'&');
        return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
    };
    QMap<QChar, QString> taken;
    QStringList labels;
    for (QAction* menu : window.menuBar()->actions())
        labels << menu->text();
    for (int i = 0; i < window.pages()->count(); ++i)
        labels << window.pages()->tabText(i);
    for (const QString& label : labels) {
        const QChar key = mnemonic(label);
        ASSERT_FALSE(key.isNull()) << label.toStdString() << " has no Alt key";
        EXPECT_FALSE(taken.contains(key))
            << "Alt+" << QString(key).toStdString() << ": " << label.toStdString() << " and "
            << taken.value(key).toStdString();
        taken.insert(key, label);
    }
    EXPECT_EQ(taken.value(u'h'), QStringLiteral("&Help"));
}

TEST_F(PagesTest, ThePrintedWeekIsBlackAndDarkGreyOnWhiteSoItReadsInGreyscale) {
    const WeeklySchedule week =
        WeeklySchedule::forWeek(IsoWeek{2026, 48}, {}, {}, test::rules(), kToday);
    const QString html = print::scheduleHtml(week, test::rules(), {});
    static const QRegularExpression colour(
        QStringLiteral(R"((?:color|background)\s*:\s*([^;"]+))"));
    int colours = 0;
    for (auto it = colour.globalMatch(html); it.hasNext(); ++colours) {
        const QColor value(it.next().captured(1).trimmed());
        EXPECT_TRUE(value.isValid());
        EXPECT_TRUE(value == Qt::white || (value.red() == value.green() &&
                                           value.green() == value.blue() && value.red() <= 0x55))
            << value.name().toStdString() << ": white, black or a dark grey";
    }
    EXPECT_GT(colours, 0);
    // Tick boxes are glyphs, not coloured cells.
    EXPECT_EQ(html.count(QStringLiteral("&#9744;")), 0) << "an empty week has nothing to tick";
}

TEST_F(PagesTest, ExportsTwelveWeeksToACalendarFile) {
    seedScalpRegimen();
    ui::MainWindow window(*m_context);
    const QString ics = m_dir.filePath(QStringLiteral("plan.ics"));
    ASSERT_TRUE(window.scheduleOutput().exportCalendar(ics));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Saved ") + QDir::toNativeSeparators(ics));
    const QString text = QString::fromUtf8(test::readAll(ics));
    EXPECT_TRUE(text.startsWith(QStringLiteral("BEGIN:VCALENDAR")));
    EXPECT_EQ(text.count(QStringLiteral("BEGIN:VEVENT")), 6); // 12 weeks, every 14 days
    EXPECT_TRUE(text.contains(m_db->databaseUuid()));
}

TEST(Shortcuts, AKeyThePlatformAlreadyBindsIsNotBoundAgain) {
    for (const QKeySequence::StandardKey standard : {QKeySequence::Redo, QKeySequence::Undo}) {
        const QList<QKeySequence> platform = QKeySequence::keyBindings(standard);
        if (platform.isEmpty())
            continue;
        const QKeyCombination already = platform.constFirst()[0];
        const QList<QKeySequence> keys = ui::withBindingsOf(standard, already);
        EXPECT_EQ(keys.count(QKeySequence(already)), 1)
            << QKeySequence(already).toString().toStdString();
        EXPECT_EQ(keys, platform);
    }
    const QList<QKeySequence> redo =
        ui::withBindingsOf(QKeySequence::Redo, Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    EXPECT_EQ(redo.count(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)), 1);
    EXPECT_EQ(redo.constFirst(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)) << "shown first";
}

// Every shortcut of the window is bound once: one bound twice is ambiguous and does nothing
// (Ctrl+Shift+Z, given again as the platform's Redo, never redid).
TEST_F(PagesTest, RedoByKeyboardRedoesAndNoShortcutIsBoundTwice) {
    ui::MainWindow window(*m_context);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    QHash<QKeySequence, QString> seen;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (!action->isEnabled() && action->shortcuts().isEmpty())
            continue;
        for (const QKeySequence& key : action->shortcuts()) {
            if (key.isEmpty())
                continue;
            EXPECT_FALSE(seen.contains(key))
                << key.toString().toStdString() << " is bound to both "
                << seen.value(key).toStdString() << " and " << action->text().toStdString();
            seen.insert(key, action->text());
        }
    }
    seed(QStringLiteral("face"), 0.25, kToday.addDays(-3), QStringLiteral("delete me"));
    m_context->logbook().announceChange();
    ui::HistoryPage* history = window.historyPage();
    window.showPage(history);
    history->view()->selectRow(0);
    QTest::mouseClick(button(history, QStringLiteral("Delete")), Qt::LeftButton);
    ASSERT_EQ(sessionCount(), 0);
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    ASSERT_EQ(sessionCount(), 1) << "Ctrl+Z undid the delete";
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(sessionCount(), 0) << "Ctrl+Shift+Z redid it";
}

TEST_F(PagesTest, ASaveOntoAFullDiskSaysSoAndAnnouncesNothing) {
    seedScalpRegimen();
    ui::MainWindow window(*m_context);
    ui::MessageAnswers answers;
    window.statusBar()->clearMessage();
    EXPECT_FALSE(window.scheduleOutput().exportCalendar(QStringLiteral("/dev/full")));
    EXPECT_FALSE(window.scheduleOutput().exportPdf(QStringLiteral("/dev/full")));
    ASSERT_EQ(answers.shown().size(), 2) << "each failure is shown";
    for (const auto& shown : answers.shown())
        EXPECT_TRUE(shown.text.contains(QStringLiteral("no space left on device")))
            << shown.text.toStdString();
    EXPECT_TRUE(window.statusBar()->currentMessage().isEmpty())
        << "nothing is announced as saved: " << window.statusBar()->currentMessage().toStdString();
}

TEST_F(PagesTest, TheHistoryIsExportedFromTheFileMenuInTheLocalesDialect) {
    Session s;
    s.area = QStringLiteral("face");
    s.needle = NeedleLength::fromMillimetres(0.5);
    s.date = kToday.addDays(-3);
    s.notes = QStringLiteral("erste; Sitzung");
    ASSERT_TRUE(SessionStore(*m_db).add(s));
    ui::MainWindow window(*m_context);
    bool inMenu = false;
    for (QAction* action : window.menuBar()->actions().constFirst()->menu()->actions())
        inMenu |= action->text() == u"Export History as C&SV…";
    EXPECT_TRUE(inMenu) << "the File menu offers it";

    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString csv = m_dir.filePath(QStringLiteral("verlauf.csv"));
    const bool saved = ui::exportHistory(*m_context, &window, ui::HistoryFormat::Csv, csv);
    QLocale::setDefault(before);
    ASSERT_TRUE(saved);
    const QByteArray text = test::readAll(csv);
    EXPECT_TRUE(text.startsWith("uuid;date;time;area;")) << text.toStdString();
    EXPECT_TRUE(text.contains(";face;;0,5;self;;;;;\"erste; Sitzung\";;")) << text.toStdString();
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Saved ") + QDir::toNativeSeparators(csv));
    EXPECT_EQ(QFileInfo(csv).permissions() & (QFile::ReadOther | QFile::ReadGroup),
              QFile::Permissions());

    const QString json = m_dir.filePath(QStringLiteral("history.json"));
    ASSERT_TRUE(ui::exportHistory(*m_context, &window, ui::HistoryFormat::Json, json));
    const auto back = io::parseJson(test::readAll(json), json, test::rules(), kToday);
    ASSERT_TRUE(back.errors.isEmpty());
    ASSERT_EQ(back.sessions.size(), 1);
    EXPECT_EQ(back.sessions.at(0).notes, s.notes);

    ui::MessageAnswers answers;
    EXPECT_FALSE(ui::exportHistory(*m_context, &window, ui::HistoryFormat::Csv,
                                   QStringLiteral("/dev/full")));
    ASSERT_EQ(answers.shown().size(), 1);
    EXPECT_TRUE(answers.shown().at(0).text.contains(QStringLiteral("no space left on device")));
}

TEST_F(PagesTest, ImportStoresAFileAndABadFileStoresNothing) {
    ui::MainWindow window(*m_context);
    const QString good = m_dir.filePath(QStringLiteral("good.csv"));
    QFile g(good);
    ASSERT_TRUE(g.open(QIODevice::WriteOnly));
    g.write("date,area,needle_mm,notes\n2026-11-01,face,0.5,first\n2026-11-20,scalp,0.5,second\n");
    g.close();
    ASSERT_TRUE(ui::importSessionFile(*m_context, &window, good));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              u"2 imported, 0 already present, 0 flagged by a safety rule")
        << "the window says what was imported";
    EXPECT_EQ(sessionCount(), 2);
    EXPECT_EQ(window.historyPage()->model()->rowCount(), 2)
        << "the history shows what was imported";
    // One change: Ctrl+Z takes the whole import back, and redo brings it again.
    QUndoStack& undo = m_context->undoStack();
    ASSERT_EQ(undo.count(), 1);
    EXPECT_EQ(undo.undoText(), QStringLiteral("Import good.csv"));
    undo.undo();
    EXPECT_EQ(sessionCount(), 0);
    EXPECT_EQ(window.historyPage()->model()->rowCount(), 0);
    undo.redo();
    EXPECT_EQ(sessionCount(), 2);

    const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile b(bad);
    ASSERT_TRUE(b.open(QIODevice::WriteOnly));
    b.write("date,area,needle_mm\n2026-11-02,face,0.5\n2026-11-03,face,nine\n");
    b.close();
    ui::MessageAnswers answers;
    EXPECT_FALSE(ui::importSessionFile(*m_context, &window, bad));
    ASSERT_EQ(answers.shown().size(), 1) << "the problems are listed";
    EXPECT_EQ(answers.shown().at(0).title, QStringLiteral("Nothing was imported"));
    EXPECT_TRUE(answers.shown().at(0).text.contains(u"bad.csv:3: needle_mm"))
        << answers.shown().at(0).text.toStdString();
    EXPECT_EQ(sessionCount(), 2) << "a file with a bad row stores nothing";
}

TEST_F(PagesTest, ImportingAnExportSaysWhatElseItAdded) {
    ui::MainWindow window(*m_context);
    const QString file = m_dir.filePath(QStringLiteral("export.json"));
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "dermaplan-export", "version": 1, "sessions": [],
        "pauses": [{"from": "2026-12-20", "to": "2026-12-27", "area": null, "reason": "Trip"}],
        "products": [{"name": "Serum", "kind": "serum", "broken_skin": "yes"}]})");
    f.close();
    ASSERT_TRUE(ui::importSessionFile(*m_context, &window, file));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              u"0 imported, 0 already present, 0 flagged by a safety rule; 2 other records added "
              u"(devices, plans, cleanings, pauses, products)");
    EXPECT_EQ(m_context->logbook().products()->size(), 1);
    EXPECT_EQ(m_context->logbook().pauses(QDate())->size(), 1);
}

TEST_F(PagesTest, CancellingAnImportStoresNothing) {
    QList<Session> many;
    for (int i = 0; i < 1000; ++i) {
        Session s;
        s.area = QStringLiteral("body");
        s.needle = NeedleLength::fromMillimetres(0.25);
        s.date = kToday.addDays(-i);
        many << s;
    }
    const auto done =
        SessionStore(*m_db).addAll(many, [](qsizetype n, qsizetype) { return n < 600; });
    ASSERT_FALSE(done);
    EXPECT_TRUE(done.error().message.contains(QStringLiteral("cancelled")));
    EXPECT_EQ(sessionCount(), 0);
}

TEST_F(PagesTest, HistoryShowsWhichRuleAnImportedSessionBroke) {
    const qint64 id = seed(QStringLiteral("face"), 1.0, kToday.addDays(-3));
    Session s = *SessionStore(*m_db).get(id);
    s.ruleBroken = QStringLiteral("1.5 mm on the face needs at least 28 days of recovery");
    ASSERT_TRUE(SessionStore(*m_db).update(s));
    ui::SessionTableModel model(m_context->logbook());
    ASSERT_EQ(model.rowCount(), 1);
    const QModelIndex cell = model.index(0, ui::SessionTableModel::OverrideColumn);
    EXPECT_EQ(model.data(cell).toString(), QStringLiteral("imported despite: ") + s.ruleBroken);
    EXPECT_TRUE(model.data(cell, Qt::ToolTipRole).toString().contains(s.ruleBroken));
}

// An overridden session is marked in its row, and the column that says why is in sight at
// 800x600 beside sessions with long notes and products.
TEST_F(PagesTest, HistoryMarksOverriddenSessionsAndShowsWhy) {
    seed(QStringLiteral("face"), 0.5, kToday.addDays(-10),
         QStringLiteral("a long note ") + QString(80, u'x'));
    Session overridden = test::session(QStringLiteral("face"), 0.5, kToday.addDays(-7));
    overridden.overrideReason = QStringLiteral("my dermatologist said so");
    overridden.products = QStringLiteral("hyaluronic serum, a very long product name indeed");
    overridden.reaction = QStringLiteral("mild redness");
    ASSERT_TRUE(SessionStore(*m_db).add(overridden));
    ui::HistoryPage page(*m_context);
    page.resize(780, 480);
    page.show();
    QApplication::processEvents();
    using M = ui::SessionTableModel;
    int row = -1;
    for (int r = 0; r < page.model()->rowCount(); ++r)
        if (page.model()->index(r, M::DateColumn).data(M::SessionIdRole).toLongLong() &&
            page.model()->index(r, M::OverrideColumn).data().toString() ==
                overridden.overrideReason)
            row = r;
    ASSERT_GE(row, 0);
    const QModelIndex date = page.model()->index(row, M::DateColumn);
    EXPECT_FALSE(date.data(Qt::DecorationRole).value<QIcon>().isNull()) << "marked in the row";
    EXPECT_TRUE(date.data(Qt::ToolTipRole).toString().contains(overridden.overrideReason));
    const QModelIndex other = page.model()->index(row == 0 ? 1 : 0, M::DateColumn);
    EXPECT_TRUE(other.data(Qt::DecorationRole).value<QIcon>().isNull()) << "only that row";
    const QRect why = page.view()->visualRect(page.model()->index(row, M::OverrideColumn));
    EXPECT_TRUE(page.view()->viewport()->rect().contains(why.topLeft()))
        << "the override column is in sight: x " << why.x() << " of "
        << page.view()->viewport()->width();
}

// Edits, deletes and undo in any order: every step undoes, and a session deleted and then
// undone after a new one took its id comes back (with a new id, its own uuid).
TEST_F(PagesTest, UndoWalksBackThroughEditsAndDeletes) {
    const qint64 id = seed(QStringLiteral("face"), 0.25, kToday.addDays(-3), QStringLiteral("v0"));
    QUndoStack& undo = m_context->undoStack();
    const auto edit = [&](const QString& notes) {
        const Session before = *SessionStore(*m_db).get(id);
        Session after = before;
        after.notes = notes;
        undo.push(new ui::EditSessionCommand(*m_context, before, after));
    };
    edit(QStringLiteral("v1"));
    edit(QStringLiteral("v2"));
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v2"));
    undo.undo();
    undo.undo();
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v0")) << "both edits undone";
    undo.redo();
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v1"));

    const Session doomed = *SessionStore(*m_db).get(id);
    ui::Edits(*m_context).deleteSession(doomed);
    const qint64 newer = seed(QStringLiteral("scalp"), 0.25, kToday, QStringLiteral("new"));
    EXPECT_EQ(newer, id) << "SQLite reuses the freed id";
    undo.undo();
    const auto back = SessionStore(*m_db).findByUuid(doomed.uuid);
    ASSERT_TRUE(back && *back) << "the deleted session came back";
    EXPECT_EQ((*back)->notes, QStringLiteral("v1"));
    EXPECT_EQ(sessionCount(), 2);
}

// The issue's scenario: an edit, then a session logged by mistake; Ctrl+Z takes back the logged
// session, not the older edit. Then every kind of change, undone and redone in turn.
TEST_F(PagesTest, CtrlZTakesBackTheLastChangeWhateverItWas) {
    const qint64 id =
        seed(QStringLiteral("scalp"), 0.25, kToday.addDays(-30), QStringLiteral("v0"));
    QUndoStack& undo = m_context->undoStack();
    ui::Edits edits(*m_context);
    Session edited = *SessionStore(*m_db).get(id);
    const Session before = edited;
    edited.notes = QStringLiteral("v1");
    edits.editSession(before, edited);

    Session mistake;
    mistake.area = QStringLiteral("body");
    mistake.needle = NeedleLength::fromMillimetres(0.5);
    mistake.date = kToday;
    const auto logged = edits.logSession(mistake);
    ASSERT_TRUE(logged && logged->id);
    EXPECT_EQ(sessionCount(), 2);
    undo.undo();
    EXPECT_EQ(sessionCount(), 1) << "the session logged by mistake is gone";
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v1")) << "the edit stays";
    undo.redo();
    EXPECT_EQ(sessionCount(), 2) << "redo logs it again";
    undo.undo();

    ASSERT_TRUE(edits.addRegimen(hairRegimen()));
    Regimen stored = RegimenStore(*m_db).list(true)->constFirst();
    Regimen renamed = stored;
    renamed.name = QStringLiteral("Hair, renamed");
    edits.editRegimen(stored, renamed);
    edits.endRegimen(renamed);
    ASSERT_TRUE(edits.addDevice(roller(QStringLiteral("Roller"))));
    const Device device = DeviceStore(*m_db).list(true)->constFirst();
    const QDateTime cleaned(kToday, QTime(9, 30));
    edits.recordCleaning(device, cleaned);
    edits.retireDevice(device);

    const auto regimen = [&] { return RegimenStore(*m_db).list(true)->value(0); };
    const auto theDevice = [&] { return DeviceStore(*m_db).list(true)->value(0); };
    EXPECT_TRUE(theDevice().retiredOn);
    undo.undo(); // retire
    EXPECT_FALSE(theDevice().retiredOn);
    undo.undo(); // cleaning
    EXPECT_TRUE(DeviceStore(*m_db).cleanings(device.id)->isEmpty());
    undo.undo(); // device added
    EXPECT_TRUE(DeviceStore(*m_db).list(true)->isEmpty());
    EXPECT_EQ(regimen().endedOn, kToday);
    undo.undo(); // end
    EXPECT_FALSE(regimen().endedOn);
    undo.undo(); // rename
    EXPECT_EQ(regimen().name, QStringLiteral("Hair"));
    undo.undo(); // regimen added
    EXPECT_TRUE(RegimenStore(*m_db).list(true)->isEmpty());
    undo.undo(); // the first edit
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v0"));
    EXPECT_FALSE(undo.canUndo());

    while (undo.canRedo())
        undo.redo();
    EXPECT_EQ(SessionStore(*m_db).get(id)->notes, QStringLiteral("v1"));
    EXPECT_EQ(regimen().name, QStringLiteral("Hair, renamed"));
    EXPECT_EQ(regimen().id, stored.id) << "a regimen put back keeps its id";
    EXPECT_EQ(regimen().endedOn, kToday);
    EXPECT_EQ(theDevice().id, device.id);
    EXPECT_EQ(DeviceStore(*m_db).cleanings(device.id)->size(), 1);
    EXPECT_TRUE(theDevice().retiredOn);
}

// A change whose undo cannot happen (another program logged a session with the device the
// command added) is reported and leaves the stack: the next Ctrl+Z goes to the change before.
TEST_F(PagesTest, AnUndoThatFailsIsReportedAndDropped) {
    QUndoStack& undo = m_context->undoStack();
    ui::Edits edits(*m_context);
    ASSERT_TRUE(edits.addRegimen(hairRegimen()));
    ASSERT_TRUE(edits.addDevice(roller(QStringLiteral("Roller"))));
    Session s;
    s.area = QStringLiteral("body");
    s.needle = NeedleLength::fromMillimetres(0.5);
    s.date = kToday;
    s.deviceId = DeviceStore(*m_db).list(true)->constFirst().id;
    ASSERT_TRUE(SessionStore(*m_db).add(s)); // the command-line tool, meanwhile
    QStringList reported;
    QObject::connect(m_context.get(), &ui::AppContext::errorOccurred,
                     [&](const QString& message) { reported << message; });
    ASSERT_EQ(undo.count(), 2);
    undo.undo();
    ASSERT_EQ(reported.size(), 1);
    EXPECT_TRUE(reported.first().contains(QStringLiteral("retire it instead")))
        << reported.first().toStdString();
    EXPECT_EQ(DeviceStore(*m_db).list(true)->size(), 1) << "the device its session needs stays";
    EXPECT_EQ(undo.count(), 1) << "the failed command left the stack";
    undo.undo();
    EXPECT_TRUE(RegimenStore(*m_db).list(true)->isEmpty()) << "the next Ctrl+Z undid the regimen";
}

// Undoing "log session" after another program replaced the history (a restore) must not delete
// whatever session now has that id.
TEST_F(PagesTest, UndoNeverDeletesAnotherSessionThatTookTheId) {
    Session mine;
    mine.area = QStringLiteral("body");
    mine.needle = NeedleLength::fromMillimetres(0.5);
    mine.date = kToday;
    const auto logged = ui::Edits(*m_context).logSession(mine);
    ASSERT_TRUE(logged && logged->id);
    ASSERT_TRUE(SessionStore(*m_db).remove(*logged->id)); // another program, meanwhile
    const qint64 theirs = seed(QStringLiteral("scalp"), 0.25, kToday, QStringLiteral("theirs"));
    ASSERT_EQ(theirs, *logged->id) << "SQLite reuses the freed id";
    QStringList reported;
    QObject::connect(m_context.get(), &ui::AppContext::errorOccurred,
                     [&](const QString& message) { reported << message; });
    m_context->undoStack().undo();
    EXPECT_EQ(reported.size(), 1);
    ASSERT_TRUE(SessionStore(*m_db).get(theirs));
    EXPECT_EQ(SessionStore(*m_db).get(theirs)->notes, QStringLiteral("theirs"));
}

// Ids are reused: after "add device" and "clean" are undone, another program's device may take
// the id. Redoing the cleaning must not record it on that other device (it is reported instead),
// and undoing a retirement must never overwrite it.
TEST_F(PagesTest, RedoNeverWritesToAnotherProgramsDeviceThatTookTheId) {
    QUndoStack& undo = m_context->undoStack();
    ui::Edits edits(*m_context);
    ASSERT_TRUE(edits.addDevice(roller(QStringLiteral("Mine"))));
    const Device mine = DeviceStore(*m_db).list(true)->constFirst();
    edits.recordCleaning(mine, QDateTime(kToday, QTime(8, 0)));
    undo.undo();
    undo.undo();
    const auto theirs = DeviceStore(*m_db).add(
        roller(QStringLiteral("Theirs"))); // the command-line tool, meanwhile
    ASSERT_TRUE(theirs);
    ASSERT_EQ(*theirs, mine.id) << "SQLite reuses the freed id";
    QStringList reported;
    QObject::connect(m_context.get(), &ui::AppContext::errorOccurred,
                     [&](const QString& message) { reported << message; });
    undo.redo(); // "Mine" comes back under a new id
    undo.redo(); // the cleaning: its device is not there under its old id
    EXPECT_TRUE(DeviceStore(*m_db).cleanings(*theirs)->isEmpty())
        << "a cleaning was recorded on another program's device";
    EXPECT_EQ(reported.size(), 1);
    EXPECT_EQ(DeviceStore(*m_db).get(*theirs)->name, QStringLiteral("Theirs"));
}

// Start-up builds the page on screen only: the history table, the plan's calendar and the device
// list are built (and read from the database) when their tab is first opened.
TEST_F(PagesTest, StartUpBuildsOnlyTodayAndEachOtherPageWhenFirstOpened) {
    seed(QStringLiteral("face"), 0.25, kToday.addDays(-3), QStringLiteral("first"));
    ui::MainWindow window(*m_context);
    window.show();
    EXPECT_TRUE(window.findChildren<ui::HistoryPage*>().isEmpty());
    EXPECT_TRUE(window.findChildren<ui::PlanPage*>().isEmpty());
    EXPECT_TRUE(window.findChildren<ui::DevicesPage*>().isEmpty());
    window.pages()->setCurrentIndex(1); // what clicking the History tab does
    const auto built = window.findChildren<ui::HistoryPage*>();
    ASSERT_EQ(built.size(), 1);
    EXPECT_TRUE(built.constFirst()->isVisible());
    EXPECT_EQ(built.constFirst()->model()->rowCount(), 1);
    EXPECT_EQ(window.historyPage(), built.constFirst()) << "built twice";
    EXPECT_TRUE(window.findChildren<ui::PlanPage*>().isEmpty());
}
