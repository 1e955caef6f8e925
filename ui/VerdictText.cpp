#include "VerdictText.h"

#include "domain/IsoDate.h"

#include <QCoreApplication>
#include <QLocale>

namespace dermaplan::ui {

namespace {
class VerdictTr {
    Q_DECLARE_TR_FUNCTIONS(Verdict)
};
// The logbook writes dates in its messages as ISO dates (the CLI's contract, which scripts read);
// the app shows them as the person's locale writes a long date, the one date format of the app.
QString localDates(const QString& message) {
    const QLocale locale;
    return withDatesWritten(message,
                            [&](QDate d) { return locale.toString(d, QLocale::LongFormat); });
}

} // namespace

QString verdictHtml(const Result<Verdict>& verdict, const RuleBook& rules) {
    if (!verdict)
        return QStringLiteral("<p><b>%1</b> %2</p>")
            .arg(VerdictTr::tr("Check the entry:"),
                 localDates(verdict.error().toString()).toHtmlEscaped());
    const Verdict& v = *verdict;
    QString headline;
    switch (v.severity) {
    case Severity::Ok:
        headline = VerdictTr::tr("✔ OK: no rule advises against this.");
        break;
    case Severity::Advise:
        headline = VerdictTr::tr("⚠ Allowed, with advice:");
        break;
    case Severity::Refuse:
        headline = v.unchangedByEdit
                       ? VerdictTr::tr("✔ This edit changes nothing the rules judge: what they "
                                       "said when the session was logged stands.")
                   : v.overridden ? VerdictTr::tr("✖ Refused, recorded with your override reason:")
                                  : VerdictTr::tr("✖ Not advised: this would break a safety rule.");
        break;
    }
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(headline.toHtmlEscaped());
    if (v.severity == Severity::Refuse && v.earliestAllowedDate)
        html += QStringLiteral("<p>%1</p>")
                    .arg(VerdictTr::tr("Earliest allowed date: <b>%1</b>")
                             .arg(QLocale()
                                      .toString(*v.earliestAllowedDate, QLocale::LongFormat)
                                      .toHtmlEscaped()));
    if (!v.reasons.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const Reason& r : v.reasons) {
            QStringList cited;
            for (const QString& id : r.sources)
                if (const Source* s = rules.source(id))
                    cited << (s->url.isEmpty()
                                  ? s->name.toHtmlEscaped()
                                  : QStringLiteral("<a href=\"%1\" title=\"%2\">%3</a>")
                                        .arg(s->url.toHtmlEscaped(), s->title.toHtmlEscaped(),
                                             s->name.toHtmlEscaped()));
            html += QStringLiteral("<li>%1 %2<br><small>%3 %4</small></li>")
                        .arg(r.severity == Severity::Refuse ? VerdictTr::tr("<b>Refused:</b>")
                                                            : VerdictTr::tr("<b>Advice:</b>"),
                             localDates(r.message).toHtmlEscaped(), VerdictTr::tr("Sources:"),
                             cited.join(QStringLiteral(", ")));
        }
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString verdictText(const Verdict& v, const RuleBook& rules) {
    QStringList lines;
    for (const Reason& r : v.reasons)
        lines << QStringLiteral("%1 (%2)").arg(localDates(r.message), rules.sourceNames(r.sources));
    return lines.join(u'\n');
}

} // namespace dermaplan::ui
