#include "TestSupport.h"
#include "print/SchedulePrinter.h"

#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QSizeF>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace dermaplan;

namespace {

const QDate kToday(2026, 11, 25); // Wednesday of 2026-W48

struct Word {
    QString text;
    QRectF box; // in points, from the page's top left
};

struct PdfPage {
    QSizeF size;
    QList<Word> words;
    int pages = 0;
};

// The PDF read back the way a reader would: every word with its box, through poppler's
// `pdftotext -bbox` (the renderer under test never sees this).
PdfPage readBack(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), path, QStringLiteral("-")});
    EXPECT_TRUE(p.waitForFinished(30000));
    const QString xml = QString::fromUtf8(p.readAllStandardOutput());
    PdfPage out;
    static const QRegularExpression page(
        QStringLiteral(R"re(<page width="([\d.]+)" height="([\d.]+)">)re"));
    for (auto it = page.globalMatch(xml); it.hasNext(); ++out.pages) {
        const auto m = it.next();
        out.size = QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble());
    }
    static const QRegularExpression word(QStringLiteral(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"));
    for (auto it = word.globalMatch(xml); it.hasNext();) {
        const auto m = it.next();
        out.words << Word{m.captured(5),
                          QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                                 QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()))};
    }
    return out;
}

QString allText(const PdfPage& page) {
    QStringList words;
    for (const Word& w : page.words)
        words << w.text;
    return words.join(u' ');
}

// A word's box is its font's ascent to descent: for the DejaVu fonts Qt embeds, 1.12 times the
// point size, so a box at least 1.1 times N points high means type of at least N points.
constexpr double kBoxPerPoint = 1.1;

WeeklySchedule sampleWeek() {
    Regimen scalp;
    scalp.id = 1;
    scalp.name = QStringLiteral("Hair");
    scalp.area = QStringLiteral("scalp");
    scalp.zones = {QStringLiteral("hairline"), QStringLiteral("crown")};
    scalp.needle = NeedleLength::fromMillimetres(0.5);
    scalp.everyDays = 14;
    scalp.start = QDate(2026, 11, 27);
    Session face;
    face.area = QStringLiteral("face");
    face.zones = {QStringLiteral("cheeks")};
    face.needle = NeedleLength::fromMillimetres(0.25);
    face.date = QDate(2026, 11, 24);
    face.time = QTime(20, 0);
    return WeeklySchedule::forWeek(IsoWeek{2026, 48}, {scalp}, {face}, test::rules(), kToday);
}

class PrintedWeekTest : public ::testing::TestWithParam<QPageSize::PageSizeId> {
protected:
    QTemporaryDir m_dir;
};

} // namespace

TEST_P(PrintedWeekTest, OnePagePosterReadableFromAMetre) {
    const QString path = m_dir.filePath(QStringLiteral("week.pdf"));
    print::PrintOptions options;
    options.title = QStringLiteral("Alex");
    options.locale = QLocale::c();
    ASSERT_TRUE(print::writeSchedulePdf(sampleWeek(), test::rules(), options, path, GetParam()));
    const PdfPage page = readBack(path);
    ASSERT_EQ(page.pages, 1);
    const QString text = allText(page);

    EXPECT_TRUE(text.startsWith(QStringLiteral("Week of 23–29 November 2026 Alex")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("W48"))) << "no ISO week number as the title";
    // Aftercare once, where it starts, under its area.
    EXPECT_EQ(text.count(QStringLiteral("No makeup")), 1) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(
        "Face: No makeup · No sauna, swimming or heavy sweating — until Thu 26 Nov, 20:00")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Scalp: No sauna, swimming or heavy sweating — "
                                             "through Sun 29 Nov")))
        << text.toStdString();
    // And on the days after, what is still in force, in a few words.
    EXPECT_TRUE(text.contains(QStringLiteral("still: Face: no makeup (last day)")))
        << text.toStdString();

    // Type sizes: the planned session's line at least 16 pt, every word at least 10 pt.
    bool sessionSeen = false;
    for (qsizetype i = 0; i + 3 < page.words.size(); ++i) {
        const Word& w = page.words[i];
        EXPECT_GE(w.box.height(), 10 * kBoxPerPoint) << w.text.toStdString();
        if (w.text == u"Scalp" && page.words[i + 1].text == u"·" &&
            page.words[i + 2].text == u"0.5") {
            sessionSeen = true;
            for (qsizetype j = i - 1; j <= i + 3; ++j) // the tick box, "Scalp · 0.5 mm"
                EXPECT_GE(page.words[j].box.height(), 16 * kBoxPerPoint)
                    << page.words[j].text.toStdString();
        }
    }
    EXPECT_TRUE(sessionSeen) << text.toStdString();

    // The sheet is filled: the last line sits in the bottom tenth of the page.
    double bottom = 0;
    for (const Word& w : page.words)
        bottom = std::max(bottom, w.box.bottom());
    EXPECT_GT(bottom, page.size.height() * 0.9);
}

INSTANTIATE_TEST_SUITE_P(Paper, PrintedWeekTest,
                         ::testing::Values(QPageSize::A4, QPageSize::Letter));
