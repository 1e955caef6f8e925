#include "PosterHtml.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace dermaplan::print {

namespace {

class PrintTr {
    Q_DECLARE_TR_FUNCTIONS(SchedulePrinter)
};

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

constexpr double kSessionPt = 16.5;
constexpr double kDayNamePt = 16.0;
constexpr double kTextPt = 10.5;
constexpr double kHeadingPt = 13.0;
// Dark grey, for what matters less; still dark enough to read once printed in greyscale.
const auto kQuiet = QStringLiteral("#444");

QString areaLinesHtml(const QList<AreaLine>& lines) {
    QString html;
    for (const AreaLine& line : lines)
        html += QStringLiteral("<p style=\"margin:0\"><b>%1:</b> %2</p>")
                    .arg(esc(line.area), esc(line.text));
    return html;
}

QString sessionHtml(const PosterSession& session, const PosterLayout& l) {
    const QString box = session.state == PosterSession::State::Done     ? QStringLiteral("&#9745;")
                        : session.state == PosterSession::State::Missed ? QStringLiteral("&#9746;")
                                                                        : QStringLiteral("&#9744;");
    const bool toDo = session.state == PosterSession::State::ToDo;
    return QStringLiteral("<p style=\"margin:0; font-size:%1\">%2 <span style=\"font-weight:%3\">"
                          "%4</span> <span style=\"font-size:%5; color:%6\">%7</span></p>")
        .arg(l.size(kSessionPt), box, toDo ? QStringLiteral("bold") : QStringLiteral("normal"),
             esc(session.title), l.size(kTextPt), kQuiet, esc(session.detail));
}

QString dayHtml(const PosterDay& day, const QLocale& locale, const PosterLayout& l) {
    QString content;
    for (const PosterSession& session : day.sessions)
        content += sessionHtml(session, l);
    for (const AreaLine& left : day.leftOut)
        content += QStringLiteral("<p style=\"margin:0; color:%1\"><s>%2</s> %3</p>")
                       .arg(kQuiet, esc(left.area), esc(left.text));
    if (day.sessions.isEmpty() && day.paused.isEmpty() && day.leftOut.isEmpty())
        content += QStringLiteral("<p style=\"margin:0; color:%1\">%2</p>")
                       .arg(kQuiet, esc(PrintTr::tr("rest")));
    for (const AreaLine& p : day.paused)
        content +=
            QStringLiteral("<p style=\"margin:0\"><i>%1: %2</i></p>").arg(esc(p.area), esc(p.text));
    content += areaLinesHtml(day.aftercare);
    // What is still in force, in a few words, so that a "rest" day does not read as "anything
    // goes".
    if (!day.still.isEmpty()) {
        QStringList areas;
        for (const AreaLine& still : day.still)
            areas << PrintTr::tr("%1: %2").arg(still.area, still.text);
        content += QStringLiteral("<p style=\"margin:0; color:%1\">%2</p>")
                       .arg(kQuiet, esc(PrintTr::tr("still: %1").arg(areas.join(u"; "_s))));
    }
    // The padding goes under both cells, so the row grows by it whichever cell is taller.
    return QStringLiteral("<tr><td width=\"21%\" valign=\"top\" style=\"padding-bottom:%1; "
                          "white-space:nowrap\">"
                          "<span style=\"font-size:%2; font-weight:bold\">%3</span><br>%4</td>"
                          "<td valign=\"top\" style=\"padding-bottom:%1\">%5</td></tr>")
        .arg(l.size(l.dayPadding / l.scale + 4), l.size(kDayNamePt),
             esc(locale.dayName(day.date.dayOfWeek(), QLocale::LongFormat)),
             esc(locale.toString(day.date, QStringLiteral("d MMMM"))), content);
}

QString heading(const QString& text, const PosterLayout& l) {
    return QStringLiteral(
               "<p style=\"margin-top:%1; margin-bottom:%2; font-size:%3\"><b>%4</b></p>")
        .arg(l.size(8), l.size(2), l.size(kHeadingPt), esc(text));
}

} // namespace

QString posterHtml(const WeekPoster& poster, const PrintOptions& options, const PosterLayout& l) {
    QString html = QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                  "<body style=\"font-size:%2; color:#000; background:#fff\">")
                       .arg(esc(QStringLiteral("Dermaplan · ") + poster.title), l.size(kTextPt));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td valign=\"bottom\" style=\"white-space:nowrap\"><span "
                           "style=\"font-size:%1; font-weight:bold\">%2</span></td>"
                           "<td align=\"right\" valign=\"bottom\"><span style=\"font-size:%3\">"
                           "%4</span></td></tr></table>")
                .arg(l.fixedSize(l.titlePt), esc(poster.title), l.fixedSize(l.namePt),
                     esc(options.title));
    html += QStringLiteral("<p style=\"margin-top:%1; margin-bottom:%2; color:%3\">%4</p>")
                .arg(l.size(2), l.size(6), kQuiet,
                     esc(PrintTr::tr("Dermaplan · tick each box when the session is done")));
    if (!poster.thisWeek.isEmpty())
        html += QStringLiteral("<p style=\"margin:0\"><b>%1</b></p>")
                    .arg(esc(PrintTr::tr("Aftercare running as the week begins"))) +
                areaLinesHtml(poster.thisWeek) + QStringLiteral("<p style=\"margin:0\"></p>");
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\" "
                           "border=\"%2\" style=\"border-collapse:collapse; border-color:#000; "
                           "border-style:solid; margin-top:%3\">")
                .arg(l.pixels(5))
                .arg(std::max(1, l.pixels(0.75)))
                .arg(l.size(6));
    for (const PosterDay& day : poster.days)
        html += dayHtml(day, options.locale, l);
    html += QStringLiteral("</table>");

    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td valign=\"top\" width=\"58%\" style=\"padding-right:%1\">")
                .arg(l.size(12));
    html += heading(PrintTr::tr("When each area is allowed again"), l);
    html += poster.nextAllowed.isEmpty()
                ? QStringLiteral("<p style=\"margin:0\">%1</p>")
                      .arg(esc(PrintTr::tr("Nothing logged or planned yet.")))
                : areaLinesHtml(poster.nextAllowed);
    html += heading(PrintTr::tr("Always"), l);
    for (const SourcedLine& advice : poster.advice)
        html += QStringLiteral("<p style=\"margin:0 0 %1 0\">%2 <span style=\"color:%3\">(%4)"
                               "</span></p>")
                    .arg(l.size(2), esc(advice.text), kQuiet, esc(advice.sources));
    html += QStringLiteral("</td><td valign=\"top\">") +
            heading(PrintTr::tr("Cleaning the roller"), l) +
            QStringLiteral("<ol style=\"margin-top:0; margin-left:0\">");
    for (const QString& step : poster.cleaningSteps)
        html += QStringLiteral("<li>%1</li>").arg(esc(step));
    html += QStringLiteral("</ol></td></tr></table>");
    html += QStringLiteral("<p style=\"margin-top:%1; color:%2\">%3</p></body></html>")
                .arg(l.size(8), kQuiet, esc(poster.disclaimer));
    return html;
}

QString scheduleHtml(const WeeklySchedule& s, const RuleBook& rules, const PrintOptions& options) {
    return posterHtml(WeekPoster::from(s, rules, options.locale), options, {});
}

} // namespace dermaplan::print
