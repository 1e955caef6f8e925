#include "SchedulePrinter.h"

#include "planning/ScheduleText.h"
#include "rules/ReadinessText.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace dermaplan::print {

namespace {

class PrintTr {
    Q_DECLARE_TR_FUNCTIONS(SchedulePrinter)
};

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

} // namespace

QPageSize::PageSizeId defaultPageSize(const QLocale& locale) {
    const auto country = locale.territory();
    return country == QLocale::UnitedStates || country == QLocale::Canada ? QPageSize::Letter
                                                                          : QPageSize::A4;
}

QString scheduleHtml(const WeeklySchedule& s, const RuleBook& rules, const PrintOptions& options) {
    const QLocale& locale = options.locale;
    const IsoWeek week = IsoWeek::containing(s.from);
    QString html = QStringLiteral("<html><body style=\"color:#000; background:#fff;\">");
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td><h1 "
                           "style=\"margin:0\">%1</h1></td>"
                           "<td align=\"right\" style=\"font-size:small\">%2</td></tr></table>")
                .arg(esc(PrintTr::tr("Dermaplan · week %1").arg(week.toString())),
                     esc(options.title.isEmpty() ? QString() : options.title));
    html += QStringLiteral("<p style=\"margin-top:2px\">%1 – %2</p>")
                .arg(esc(locale.toString(s.from, QLocale::LongFormat)),
                     esc(locale.toString(s.to, QLocale::LongFormat)));
    html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                           "style=\"border-collapse:collapse; border-color:#000\">");
    html +=
        QStringLiteral(
            "<tr><th align=\"left\" width=\"18%\">%1</th><th align=\"left\" width=\"37%\">%2</th>"
            "<th align=\"left\">%3</th></tr>")
            .arg(esc(PrintTr::tr("Day")), esc(PrintTr::tr("Sessions")),
                 esc(PrintTr::tr("Aftercare")));
    for (const ScheduleDay& day : s.days) {
        QString sessions;
        for (const Occurrence& o : day.occurrences) {
            const bool missed = o.status == Occurrence::Status::Missed;
            sessions +=
                QStringLiteral(
                    "<p style=\"margin:0\"><span style=\"font-size:large\">%1</span> <b>%2</b><br>"
                    "<span style=\"font-size:small\">%3</span></p>")
                    .arg(missed ? QStringLiteral("&#9746;") : QStringLiteral("&#9744;"),
                         esc(occurrenceTitle(o, rules)),
                         esc(missed ? PrintTr::tr("%1 (missed)").arg(o.regimenName)
                                    : o.regimenName));
        }
        for (const Session& l : day.logged) {
            const Area* a = rules.area(l.area);
            sessions +=
                QStringLiteral(
                    "<p style=\"margin:0\"><span style=\"font-size:large\">&#9745;</span> %1 · %2 "
                    "<i>(%3)</i></p>")
                    .arg(esc(a ? a->name : l.area), esc(l.needle.toString()),
                         esc(PrintTr::tr("done")));
        }
        if (sessions.isEmpty())
            sessions = QStringLiteral("<span style=\"font-size:small\">%1</span>")
                           .arg(esc(PrintTr::tr("rest day")));
        QStringList notes;
        for (const AftercareNote& n : day.notes)
            notes << esc(describeNote(n, day.date, locale));
        html +=
            QStringLiteral("<tr><td valign=\"top\"><b>%1</b><br>%2</td><td valign=\"top\">%3</td>"
                           "<td valign=\"top\" style=\"font-size:small\">%4</td></tr>")
                .arg(esc(locale.dayName(day.date.dayOfWeek(), QLocale::LongFormat)),
                     esc(locale.toString(day.date, QLocale::ShortFormat)), sessions,
                     notes.join(QStringLiteral("<br>")));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\"><tr><td "
                           "valign=\"top\" width=\"45%\">");
    html += QStringLiteral("<h3 style=\"margin-bottom:2px\">%1</h3>")
                .arg(esc(PrintTr::tr("When each area is allowed again")));
    if (s.readiness.isEmpty())
        html += esc(PrintTr::tr("No sessions logged yet."));
    for (const WeeklySchedule::AreaReadiness& r : s.readiness) {
        const Area* a = rules.area(r.readiness.area);
        html +=
            QStringLiteral("%1: <b>%2</b><br>")
                .arg(esc(a ? a->name : r.readiness.area),
                     esc(describeReadiness(r.readiness, s.today, rules, locale, r.plannedNeedle)));
    }
    html +=
        QStringLiteral("<h3 style=\"margin-bottom:2px\">%1</h3>").arg(esc(PrintTr::tr("Always")));
    for (const Advice& advice : s.generalAdvice)
        html += QStringLiteral("%1 <span style=\"font-size:small\">(%2)</span><br>")
                    .arg(esc(advice.text), esc(rules.sourceNames(advice.sources)));
    html += QStringLiteral("</td><td valign=\"top\" style=\"font-size:small\"><h3 "
                           "style=\"margin-bottom:2px\">%1</h3><ol style=\"margin-top:0\">")
                .arg(esc(PrintTr::tr("Cleaning the roller")));
    for (const QString& step : s.cleaningSteps)
        html += QStringLiteral("<li>%1</li>").arg(esc(step));
    html += QStringLiteral("</ol></td></tr></table>");
    html += QStringLiteral("<p style=\"font-size:x-small\">%1</p></body></html>")
                .arg(esc(rules.disclaimer()));
    return html;
}

Status printSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                     const PrintOptions& options, QPagedPaintDevice& device) {
    QTextDocument doc;
    doc.setHtml(scheduleHtml(schedule, rules, options));
    // Lay out in device units: what is measured is what is printed, whatever the screen's scale.
    const QRectF page = device.pageLayout().paintRectPixels(device.logicalDpiX());
    doc.setDocumentMargin(0);
    doc.setPageSize(page.size());
    QFont font = doc.defaultFont();
    // 10 pt at the device's resolution, shrunk step by step until the week fits on one page.
    for (double points = 10.0; points >= 5.0; points -= 0.5) {
        font.setPixelSize(qRound(points * device.logicalDpiX() / 72.0));
        doc.setDefaultFont(font);
        doc.setHtml(scheduleHtml(schedule, rules, options));
        doc.setPageSize(page.size());
        if (doc.pageCount() <= 1)
            break;
    }
    if (doc.pageCount() > 1)
        return Error::plain(QStringLiteral("the week does not fit on one page"));
    QPainter painter;
    if (!painter.begin(&device))
        return Error::plain(QStringLiteral("cannot start printing"));
    painter.setRenderHint(QPainter::Antialiasing);
    doc.drawContents(&painter, QRectF(QPointF(0, 0), page.size()));
    painter.end();
    return success();
}

Status writeSchedulePdf(const WeeklySchedule& schedule, const RuleBook& rules,
                        const PrintOptions& options, const QString& path,
                        std::optional<QPageSize::PageSizeId> pageSize) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::inFile(path, file.errorString());
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(300);
        pdf.setTitle(
            QStringLiteral("Dermaplan · %1").arg(IsoWeek::containing(schedule.from).toString()));
        pdf.setCreator(QStringLiteral("Dermaplan"));
        pdf.setPageSize(QPageSize(pageSize.value_or(defaultPageSize(options.locale))));
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        if (auto printed = printSchedule(schedule, rules, options, pdf); !printed) {
            file.cancelWriting();
            return Error::inFile(path, printed.error().message);
        }
    }
    if (!file.commit())
        return Error::inFile(path, file.errorString());
    return success();
}

} // namespace dermaplan::print
