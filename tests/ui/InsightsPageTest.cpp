// The Insights page: its charts show Logbook::stats laid out in weeks, months or years; the
// filters change what they show; an empty or one-session history says so in words; each chart
// saves as a PNG, never over the database.
#include "AppFixture.h"

#include "insights/ChartPanel.h"
#include "insights/InsightsSeries.h"
#include "logbook/Logbook.h"
#include "pages/InsightsPage.h"
#include "storage/FollowUpStore.h"

#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QStackedBarSeries>

#include "settings/Preferences.h"

#include <QApplication>

#include <gtest/gtest.h>

using namespace dermaplan;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2026, 11, 24); // a Tuesday

class InsightsPageTest : public test::AppFixture {
protected:
    InsightsPageTest()
        : AppFixture(kToday) {}

    qint64 seedWithPain(const QString& area, QDate date, std::optional<int> pain) {
        Session s = test::session(area, 0.25, date);
        s.pain = pain;
        const auto id = SessionStore(*m_db).add(s);
        EXPECT_TRUE(id);
        return id ? *id : 0;
    }
};

// The values of the bar set labelled `label` in the chart's first series, or nothing.
std::optional<QList<int>> barValues(QChart* chart, const QString& label) {
    if (!chart || chart->series().isEmpty())
        return std::nullopt;
    auto* bars = qobject_cast<QAbstractBarSeries*>(chart->series().constFirst());
    if (!bars)
        return std::nullopt;
    for (QBarSet* set : bars->barSets())
        if (set->label() == label) {
            QList<int> values;
            for (int i = 0; i < set->count(); ++i)
                values << int(set->at(i));
            return values;
        }
    return std::nullopt;
}

int sum(const QList<int>& values) {
    return std::accumulate(values.cbegin(), values.cend(), 0);
}

} // namespace

TEST_F(InsightsPageTest, SeriesPutWeeksIntoWeeksMonthsOrYearsAndKeepEverySession) {
    // Two weeks of November with pain 2 (one score) and 5, 5, 5 (three scores), and a session
    // without one.
    seedWithPain(u"face"_s, QDate(2026, 11, 2), 2);
    for (int i = 0; i < 3; ++i)
        seedWithPain(u"scalp"_s, QDate(2026, 11, 10 + i), 5);
    seedWithPain(u"face"_s, QDate(2026, 11, 13), std::nullopt);
    seedWithPain(u"face"_s, QDate(2025, 3, 5), 1);
    const QLocale en(QLocale::English, QLocale::UnitedKingdom);

    const auto weeks = m_context->logbook().stats(QDate(2026, 11, 1), kToday);
    ASSERT_TRUE(weeks);
    const ui::InsightsSeries w = ui::insightsSeries(*weeks, test::rules(), en);
    EXPECT_EQ(w.unit, StatsPeriod::Week);
    ASSERT_EQ(w.periods.size(), 5) << "the weeks of 26 Oct (holding the 1st) to 23 Nov";
    EXPECT_EQ(w.periods.constFirst().first, QDate(2026, 10, 26));
    EXPECT_EQ(w.periods.constFirst().label, u"26 Oct"_s);
    ASSERT_EQ(w.sessionsByArea.size(), 2);
    EXPECT_EQ(w.sessionsByArea[0].id, u"face"_s) << "in the rule book's order";
    EXPECT_EQ(w.sessionsByArea[0].values, (QList<int>{0, 1, 1, 0, 0}));
    EXPECT_EQ(w.sessionsByArea[1].values, (QList<int>{0, 0, 3, 0, 0}));
    ASSERT_TRUE(w.meanPain[1] && w.meanPain[2]);
    EXPECT_DOUBLE_EQ(*w.meanPain[2], 5.0) << "the session without a score is left out";
    EXPECT_FALSE(w.meanPain[0]);

    const auto months = m_context->logbook().stats(QDate(2026, 1, 1), kToday, {},
                                                   periodFor(QDate(2026, 1, 1), kToday));
    ASSERT_TRUE(months);
    const ui::InsightsSeries m = ui::insightsSeries(*months, test::rules(), en);
    EXPECT_EQ(m.unit, StatsPeriod::Month);
    ASSERT_EQ(m.periods.size(), 11);
    EXPECT_EQ(m.periods.constLast().label, u"Nov 2026"_s);
    ASSERT_TRUE(m.meanPain.constLast());
    EXPECT_DOUBLE_EQ(*m.meanPain.constLast(), (2.0 + 3 * 5.0) / 4) << "each score counts once";
    int sessions = 0;
    for (const ui::ChartSet& set : m.sessionsByArea)
        sessions += sum(set.values);
    EXPECT_EQ(sessions, months->sessions);

    const auto years = m_context->logbook().stats(QDate(2020, 6, 1), kToday, {},
                                                  periodFor(QDate(2020, 6, 1), kToday));
    ASSERT_TRUE(years);
    const ui::InsightsSeries y = ui::insightsSeries(*years, test::rules(), en);
    EXPECT_EQ(y.unit, StatsPeriod::Year);
    ASSERT_EQ(y.periods.size(), 7);
    EXPECT_EQ(y.sessionsByArea[0].values, (QList<int>{0, 0, 0, 0, 0, 1, 2}));
}

TEST_F(InsightsPageTest, AnEmptyHistorySaysSoInWordsAndHasNothingToSave) {
    ui::InsightsPage page(*m_context);
    page.resize(1366, 768);
    page.show();
    EXPECT_TRUE(page.summary()->text().startsWith(u"No session"))
        << page.summary()->text().toStdString();
    for (ui::ChartPanel* panel :
         {page.sessionsPanel(), page.adherencePanel(), page.painPanel(), page.devicesPanel()}) {
        EXPECT_FALSE(panel->isShowingChart()) << panel->title().toStdString();
        EXPECT_FALSE(panel->message().isEmpty()) << panel->title().toStdString();
        EXPECT_FALSE(panel->savePng(m_dir.filePath(u"empty.png"_s)));
    }
    EXPECT_FALSE(QFile::exists(m_dir.filePath(u"empty.png"_s)));
    // The default period: the last twelve whole weeks, from a Monday.
    EXPECT_EQ(page.fromEdit()->date(), QDate(2026, 9, 7));
    EXPECT_EQ(page.toEdit()->date(), kToday);
}

TEST_F(InsightsPageTest, OneSessionIsChartedAndTheSummarySaysMoreWillFillIn) {
    seedWithPain(u"face"_s, kToday.addDays(-3), 2);
    ui::InsightsPage page(*m_context);
    page.show();
    EXPECT_TRUE(page.summary()->text().startsWith(u"One session"))
        << page.summary()->text().toStdString();
    ASSERT_TRUE(page.sessionsPanel()->isShowingChart());
    const auto face = barValues(page.sessionsPanel()->chart(), u"Face"_s);
    ASSERT_TRUE(face);
    EXPECT_EQ(face->size(), 12);
    EXPECT_EQ(face->constLast(), 0) << "21 Nov was the week before";
    EXPECT_EQ((*face)[10], 1);
    EXPECT_TRUE(page.painPanel()->isShowingChart()) << "its pain score";
}

// Switching the theme restyles the charts at once, not at the next start.
TEST_F(InsightsPageTest, ChartsFollowTheThemeAtOnce) {
    seedWithPain(u"face"_s, kToday.addDays(-3), 2);
    ui::applyTheme(ui::Preferences::Theme::Light);
    ui::InsightsPage page(*m_context);
    page.show();
    ASSERT_TRUE(page.sessionsPanel()->isShowingChart());
    EXPECT_EQ(page.sessionsPanel()->chart()->theme(), QChart::ChartThemeLight);
    ui::applyTheme(ui::Preferences::Theme::Dark);
    QApplication::processEvents();
    EXPECT_EQ(page.sessionsPanel()->chart()->theme(), QChart::ChartThemeDark);
    ui::applyTheme(ui::Preferences::Theme::Light);
    QApplication::processEvents();
    EXPECT_EQ(page.sessionsPanel()->chart()->theme(), QChart::ChartThemeLight);
}

TEST_F(InsightsPageTest, TheFiltersChooseThePeriodAndTheArea) {
    seed(u"face"_s, 0.25, QDate(2026, 11, 2));
    seed(u"scalp"_s, 0.25, QDate(2026, 11, 3));
    seed(u"scalp"_s, 0.25, QDate(2026, 8, 3));
    const qint64 s = seed(u"face"_s, 0.25, QDate(2026, 11, 20));
    ASSERT_TRUE(FollowUpStore(*m_db).add(FollowUp{0, s, QDate(2026, 11, 21), u"redness"_s, {}}));
    ui::InsightsPage page(*m_context);
    page.show();
    ASSERT_TRUE(page.stats());
    EXPECT_EQ(page.stats()->sessions, 3) << "August is before the twelve weeks";

    page.areaBox()->setCurrentIndex(page.areaBox()->findData(u"scalp"_s));
    ASSERT_TRUE(page.stats());
    EXPECT_EQ(page.stats()->area, u"scalp"_s);
    EXPECT_EQ(page.stats()->sessions, 1);
    EXPECT_FALSE(barValues(page.sessionsPanel()->chart(), u"Face"_s)) << "face is filtered out";
    EXPECT_FALSE(page.painPanel()->isShowingChart()) << "the answer is about the face";

    // A date typed in makes the period the user's own.
    page.fromEdit()->setDate(QDate(2026, 8, 1));
    EXPECT_EQ(page.rangeBox()->currentText(), u"Custom"_s);
    EXPECT_EQ(page.stats()->sessions, 2);
    EXPECT_EQ(page.sessionsPanel()->title(), u"Sessions per week"_s);
    page.areaBox()->setCurrentIndex(0);
    EXPECT_EQ(page.stats()->sessions, 4);
    ASSERT_TRUE(page.painPanel()->isShowingChart());
    const auto redness = barValues(page.painPanel()->chart(), u"Redness"_s);
    ASSERT_TRUE(redness);
    EXPECT_EQ(sum(*redness), 1);

    page.showPeriod(QDate(2025, 1, 1), kToday);
    EXPECT_EQ(page.sessionsPanel()->title(), u"Sessions per month"_s);
    EXPECT_EQ(page.stats()->sessions, 4);
    // A period that ends before it starts is named, not charted.
    page.toEdit()->setDate(QDate(2024, 12, 1));
    EXPECT_FALSE(page.stats());
    EXPECT_TRUE(page.summary()->text().contains(u"must start before it ends"));
    // A preset period puts today back at its end.
    page.rangeBox()->setCurrentIndex(page.rangeBox()->findText(u"Last 4 weeks"_s));
    EXPECT_EQ(page.toEdit()->date(), kToday);
    EXPECT_EQ(page.fromEdit()->date(), QDate(2026, 11, 2));
    EXPECT_EQ(page.stats()->sessions, 3);
}

TEST_F(InsightsPageTest, AdherenceAndDevicesAreChartedFromTheLogbook) {
    ASSERT_TRUE(
        m_context->logbook().addRegimen(test::regimen(0, u"scalp"_s, 0.25, 7, QDate(2026, 11, 2))));
    seed(u"scalp"_s, 0.25, QDate(2026, 11, 2));
    seed(u"scalp"_s, 0.25, QDate(2026, 11, 16));
    Device roller;
    roller.name = u"Scalp roller"_s;
    roller.needle = NeedleLength::fromMillimetres(0.25);
    roller.firstUse = QDate(2026, 11, 1);
    ASSERT_TRUE(m_context->logbook().addDevice(roller));
    ui::InsightsPage page(*m_context);
    page.show();
    ASSERT_TRUE(page.adherencePanel()->isShowingChart());
    const auto planned = barValues(page.adherencePanel()->chart(), u"Planned"_s);
    const auto done = barValues(page.adherencePanel()->chart(), u"Done"_s);
    ASSERT_TRUE(planned && done);
    EXPECT_EQ(sum(*planned), 4) << "2, 9, 16 and 23 Nov";
    EXPECT_EQ(sum(*done), 2);
    EXPECT_TRUE(page.adherencePanel()->caption().contains(u"4 planned, 2 done, 2 missed"))
        << page.adherencePanel()->caption().toStdString();
    ASSERT_TRUE(page.devicesPanel()->isShowingChart());
    const auto uses = barValues(page.devicesPanel()->chart(), u"Uses"_s);
    ASSERT_TRUE(uses);
    EXPECT_EQ(uses->size(), 1);
}

TEST_F(InsightsPageTest, AChartSavesAsAPngAndNeverOverTheDatabase) {
    seed(u"face"_s, 0.25, QDate(2026, 11, 2));
    ui::InsightsPage page(*m_context);
    page.resize(1366, 768);
    page.show();
    ASSERT_TRUE(page.sessionsPanel()->isShowingChart());
    const QString png = m_dir.filePath(u"sessions.png"_s);
    ASSERT_TRUE(page.saveChart(page.sessionsPanel(), png));
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 400);
    EXPECT_GT(image.height(), 400) << "drawn at twice the size shown";

    QFile db(m_db->path());
    ASSERT_TRUE(db.open(QIODevice::ReadOnly));
    const QByteArray before = db.readAll();
    db.close();
    QStringList errors;
    QObject::connect(m_context.get(), &ui::AppContext::errorOccurred, m_context.get(),
                     [&](const QString& e) { errors << e; });
    EXPECT_FALSE(page.saveChart(page.sessionsPanel(), m_db->path()));
    ASSERT_EQ(errors.size(), 1);
    ASSERT_TRUE(db.open(QIODevice::ReadOnly));
    EXPECT_EQ(db.readAll(), before);
}
