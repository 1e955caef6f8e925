#include "WeekPoster.h"

#include "domain/IsoDate.h"
#include "planning/ScheduleText.h"
#include "rules/ReadinessText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <set>
#include <tuple>

namespace dermaplan {

namespace {

class PosterTr {
    Q_DECLARE_TR_FUNCTIONS(WeekPoster)
};

// The locale's long date without the weekday: "d MMMM yyyy", "MMMM d, yyyy", "d. MMMM yyyy".
QString longDateFormat(const QLocale& locale) {
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("^d{4}[,.]?\\s*")));
    format.remove(QRegularExpression(QStringLiteral("[,.]?\\s*d{4}$")));
    return format;
}

// The format without its year, when that leaves a plain day and month ("d MMMM", "MMMM d",
// "d. MMMM"); empty when the year carries words or marks with it ("d 'de' MMMM 'de' yyyy",
// "yyyy年M月d日"), which only the whole date says right.
QString withoutYear(QString format) {
    format.remove(QRegularExpression(QStringLiteral("[,.]?\\s*y+")));
    format = format.trimmed();
    static const QRegularExpression plain(QStringLiteral("^[dM][dM\\s,.]*$"));
    return plain.match(format).hasMatch() ? format : QString();
}

// An aftercare note is the same note on every day it shows: one rule, one area, one session.
using NoteKey = std::tuple<QString, QString, QDate, bool>;

NoteKey keyOf(const AftercareNote& n) {
    return {n.ruleId, n.area, n.sessionDate, n.when == AftercareRule::When::Before};
}

// When a note ends, for ordering: notes before a session end with it.
QDateTime endOf(const AftercareNote& n) {
    if (n.when == AftercareRule::When::Before)
        return QDateTime(n.sessionDate, QTime(0, 0));
    return QDateTime(n.untilDate, n.untilTime.value_or(QTime(23, 59)));
}

} // namespace

QList<AreaLine> aftercareLines(QList<AftercareNote> notes, QDate today, const RuleBook& rules,
                               const QLocale& locale) {
    std::stable_sort(
        notes.begin(), notes.end(),
        [](const AftercareNote& a, const AftercareNote& b) { return endOf(a) < endOf(b); });
    QList<AreaLine> lines;
    for (const Area& area : rules.areas()) {
        QStringList ends;
        QList<QStringList> texts;
        for (const AftercareNote& n : std::as_const(notes)) {
            if (n.area != area.id)
                continue;
            const QString end = describeNoteEnd(n, today, locale);
            const auto at = ends.indexOf(end);
            if (at < 0) {
                ends << end;
                texts << QStringList{n.text};
            } else if (!texts[at].contains(n.text)) {
                texts[at] << n.text;
            }
        }
        for (qsizetype i = 0; i < ends.size(); ++i)
            lines << AreaLine{area.name, PosterTr::tr("%1 — %2").arg(
                                             texts[i].join(QStringLiteral(" · ")), ends[i])};
    }
    return lines;
}

QString weekTitle(QDate from, QDate to, const QLocale& locale) {
    const QString format = longDateFormat(locale);
    const QString last = locale.toString(to, format);
    QString range;
    // The day as the format writes it ("23", "23."), for "23–29 November 2026".
    static const QRegularExpression dayFirst(QStringLiteral("^d{1,2}\\.?(?=\\s)"));
    const auto day = dayFirst.match(format);
    const QString monthDay = withoutYear(format);
    if (from.year() == to.year() && from.month() == to.month() && day.hasMatch())
        range = PosterTr::tr("%1–%2").arg(locale.toString(from, day.captured()), last);
    else if (from.year() == to.year() && !monthDay.isEmpty())
        range = PosterTr::tr("%1 – %2").arg(locale.toString(from, monthDay), last);
    else
        range = PosterTr::tr("%1 – %2").arg(locale.toString(from, format), last);
    return from.daysTo(to) == 6 ? PosterTr::tr("Week of %1").arg(range) : range;
}

namespace {

// Per area, in the notes' order, each rule's few words: "no makeup (last day), no actives".
QList<AreaLine> stillLines(const QList<AftercareNote>& notes, QDate day, const RuleBook& rules) {
    QList<AreaLine> lines;
    for (const AftercareNote& n : notes) {
        const QString area = rules.areaName(n.area);
        auto line = std::find_if(lines.begin(), lines.end(),
                                 [&](const AreaLine& l) { return l.area == area; });
        if (line == lines.end())
            line = lines.insert(lines.end(), AreaLine{area, {}});
        const QString words =
            n.lastDay == day ? PosterTr::tr("%1 (last day)").arg(n.brief) : n.brief;
        line->text += (line->text.isEmpty() ? QString() : QStringLiteral(", ")) + words;
    }
    return lines;
}

} // namespace

WeekPoster WeekPoster::from(const WeeklySchedule& s, const RuleBook& rules, const QLocale& locale) {
    WeekPoster poster;
    poster.title = weekTitle(s.from, s.to, locale);

    std::set<NoteKey> said;
    QList<AftercareNote> carried;
    // Dates in the planner's words as the page writes them.
    const auto written = [&](const QString& text) {
        return withDatesWritten(text, [&](QDate d) { return readinessDate(d, s.today, locale); });
    };
    for (const ScheduleDay& day : s.days) {
        PosterDay out;
        out.date = day.date;
        for (const Occurrence& o : day.occurrences) {
            const bool missed = o.status == Occurrence::Status::Missed;
            QString detail = missed ? PosterTr::tr("%1, missed").arg(o.regimenName) : o.regimenName;
            if (!o.moved.isEmpty())
                detail = PosterTr::tr("%1; %2").arg(detail, written(o.moved));
            out.sessions << PosterSession{missed ? PosterSession::State::Missed
                                                 : PosterSession::State::ToDo,
                                          occurrenceTitle(o, rules), detail};
        }
        for (const SkippedOccurrence& left : day.leftOut)
            out.leftOut << AreaLine{sessionTitle(left.area, left.needle, {}, rules),
                                    PosterTr::tr("left out: %1").arg(written(left.reason))};
        for (const Session& l : day.logged)
            out.sessions << PosterSession{PosterSession::State::Done,
                                          sessionTitle(l.area, l.needle, l.zones, rules),
                                          PosterTr::tr("done")};
        QList<AftercareNote> starting;
        QList<AftercareNote> still;
        for (const AftercareNote& n : day.notes) {
            if (!said.insert(keyOf(n)).second) {
                still << n;
                continue;
            }
            // Already running when the range began: said once, above the days.
            const bool alreadyRunning = day.date == s.from && n.firstDay < s.from;
            (alreadyRunning ? carried : starting) << n;
            if (alreadyRunning)
                still << n;
        }
        out.aftercare = aftercareLines(starting, s.today, rules, locale);
        out.still = stillLines(still, day.date, rules);
        for (const Pause& p : s.pauses)
            if (day.date >= p.from && day.date <= p.to)
                out.paused << AreaLine{
                    p.area.isEmpty() ? PosterTr::tr("Every area") : rules.areaName(p.area),
                    p.reason.isEmpty() ? PosterTr::tr("paused")
                                       : PosterTr::tr("paused: %1").arg(p.reason)};
        poster.days << out;
    }
    poster.thisWeek = aftercareLines(carried, s.today, rules, locale);

    for (const WeeklySchedule::AreaReadiness& r : s.readiness)
        poster.nextAllowed << AreaLine{
            rules.areaName(r.readiness.area),
            describeReadiness(r.readiness, s.today, rules, locale, r.plannedNeedle)};
    for (const Advice& a : s.generalAdvice)
        poster.advice << SourcedLine{a.text, rules.sourceNames(a.sources)};
    poster.cleaningSteps = s.cleaningSteps;
    poster.disclaimer = rules.disclaimer();
    return poster;
}

} // namespace dermaplan
