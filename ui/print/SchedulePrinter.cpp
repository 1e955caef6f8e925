#include "SchedulePrinter.h"

#include "io/OutputFile.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace dermaplan::print {

namespace {

class PrintTr {
    Q_DECLARE_TR_FUNCTIONS(SchedulePrinter)
};

// Lays `html` out on a page of `page` device pixels; its height, or nothing if it needs two.
std::optional<double> laidOutHeight(QTextDocument& doc, const QString& html, QSizeF page) {
    doc.setHtml(html);
    doc.setPageSize(page);
    if (doc.pageCount() > 1)
        return std::nullopt;
    return doc.documentLayout()->documentSize().height();
}

// The title and the name beside it on one line of `width` pixels: both made smaller together
// when they need more (a week across two years, a long name).
void fitTitle(PosterLayout& layout, const QString& title, const QString& name, const QFont& base,
              QPaintDevice& device, double width) {
    const auto widthOf = [&](const QString& text, double points, bool bold) {
        QFont font = base;
        font.setBold(bold);
        font.setPixelSize(qRound(points * *layout.pxPerPt));
        return QFontMetricsF(font, &device).horizontalAdvance(text);
    };
    // A gap of one space of the name's type between them, and a little slack for the layout.
    const double needed = widthOf(title, layout.titlePt, true) +
                          widthOf(name + QStringLiteral("  "), layout.namePt, false);
    if (needed > width * 0.97) {
        const double shrink = width * 0.97 / needed;
        layout.titlePt *= shrink;
        layout.namePt *= shrink;
    }
}

} // namespace

QPageSize::PageSizeId defaultPageSize(const QLocale& locale) {
    const auto country = locale.territory();
    return country == QLocale::UnitedStates || country == QLocale::Canada ? QPageSize::Letter
                                                                          : QPageSize::A4;
}

Status printSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                     const PrintOptions& options, QPagedPaintDevice& device) {
    const WeekPoster poster = WeekPoster::from(schedule, rules, options.locale);
    const QRectF page = device.pageLayout().paintRectPixels(device.logicalDpiX());
    QTextDocument doc;
    doc.setDocumentMargin(0);
    PosterLayout layout;
    layout.pxPerPt = device.logicalDpiY() / 72.0;
    fitTitle(layout, poster.title, options.title, doc.defaultFont(), device, page.width());
    // The largest type (up to half as large again) that fits on one page; below the base sizes
    // only when a crowded week would otherwise spill onto a second sheet.
    std::optional<double> height;
    for (int percent = 150; percent >= 60 && !height; percent -= 5) {
        layout.scale = percent / 100.0;
        height = laidOutHeight(doc, posterHtml(poster, options, layout), page.size());
    }
    if (!height)
        return Error::plain(PrintTr::tr("the week does not fit on one page"));
    // Fill the sheet: what is left goes under the days, where there is room to write.
    const double spare = (page.height() - *height) / *layout.pxPerPt;
    if (!poster.days.isEmpty() && spare > 1) {
        PosterLayout filled = layout;
        filled.dayPadding = spare * 0.95 / poster.days.size();
        if (laidOutHeight(doc, posterHtml(poster, options, filled), page.size()))
            layout = filled;
        else
            (void)laidOutHeight(doc, posterHtml(poster, options, layout), page.size());
    }
    QPainter painter;
    if (!painter.begin(&device))
        return Error::plain(PrintTr::tr("cannot start printing"));
    painter.setRenderHint(QPainter::Antialiasing);
    doc.drawContents(&painter, QRectF(QPointF(0, 0), page.size()));
    painter.end();
    return success();
}

Status writeSchedulePdf(const WeeklySchedule& schedule, const RuleBook& rules,
                        const PrintOptions& options, const QString& path,
                        std::optional<QPageSize::PageSizeId> pageSize) {
    // A week's PDF is tens of kilobytes: made in memory, then written whole or not at all
    // (QPdfWriter does not say when its device fails).
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter pdf(&buffer);
        pdf.setResolution(300);
        pdf.setTitle(QStringLiteral("Dermaplan · ") +
                     weekTitle(schedule.from, schedule.to, options.locale));
        pdf.setCreator(QStringLiteral("Dermaplan"));
        pdf.setPageSize(QPageSize(pageSize.value_or(defaultPageSize(options.locale))));
        pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        if (auto printed = printSchedule(schedule, rules, options, pdf); !printed)
            return Error::inFile(path, printed.error().message);
    }
    return io::writeFileWhole(path, bytes);
}

} // namespace dermaplan::print
