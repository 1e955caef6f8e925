#include "Aftercare.h"

#include "rules/ReadinessText.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class AftercareText {
    Q_DECLARE_TR_FUNCTIONS(Aftercare)
};

int wholeDaysCovering(int hours) {
    return (hours + 23) / 24;
}

} // namespace

QString shortTime(QTime time, const QLocale& locale) {
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(time, format);
}

QList<AftercareNote> aftercareNotes(QDate date, std::optional<QTime> time, const QString& area,
                                    NeedleLength needle, bool planned, const RuleBook& rules) {
    QList<AftercareNote> notes;
    const NeedleLength size = rules.standardSize(needle);
    for (const AftercareRule& rule : rules.aftercare()) {
        if (!rule.areas.isEmpty() && !rule.areas.contains(area))
            continue;
        const int hours = rule.hoursFor(size);
        AftercareNote note;
        note.ruleId = rule.id;
        note.text = rule.text;
        note.brief = rule.brief;
        note.when = rule.when;
        note.area = area;
        note.sessionDate = date;
        note.planned = planned;
        note.sources = rule.sources;
        note.aboutActives = rule.aboutActives;
        if (rule.when == AftercareRule::When::Before) {
            note.firstDay = date.addDays(-wholeDaysCovering(hours));
            note.lastDay = date.addDays(-1);
        } else if (time) {
            const int minutes = time->hour() * 60 + time->minute() + (hours % 24) * 60;
            note.untilDate = date.addDays(hours / 24 + minutes / (24 * 60));
            note.untilTime = QTime(0, 0).addSecs((minutes % (24 * 60)) * 60);
            note.firstDay = date;
            note.lastDay =
                *note.untilTime == QTime(0, 0) ? note.untilDate.addDays(-1) : note.untilDate;
        } else {
            note.untilDate = date.addDays(wholeDaysCovering(hours));
            note.firstDay = date;
            note.lastDay = note.untilDate;
        }
        notes << note;
    }
    return notes;
}

QString describeNoteEnd(const AftercareNote& note, QDate today, const QLocale& locale) {
    if (note.when == AftercareRule::When::Before)
        return AftercareText::tr("before the session on %1")
            .arg(readinessDate(note.sessionDate, today, locale));
    if (note.untilTime)
        return AftercareText::tr("until %1, %2")
            .arg(readinessDate(note.untilDate, today, locale), shortTime(*note.untilTime, locale));
    return AftercareText::tr("through %1").arg(readinessDate(note.untilDate, today, locale));
}

int longestAftercareDays(const RuleBook& rules) {
    int hours = 0;
    for (const AftercareRule& rule : rules.aftercare())
        for (const NeedleStep& step : rule.steps)
            hours = std::max(hours, step.hours);
    return (hours + 23) / 24 + 1;
}

void nameActives(QList<AftercareNote>& notes, const QStringList& activeNames) {
    if (activeNames.isEmpty())
        return;
    const QString yours =
        AftercareText::tr(" (yours: %1)").arg(activeNames.join(QStringLiteral(", ")));
    for (AftercareNote& n : notes)
        if (n.aboutActives)
            n.text += yours;
}

} // namespace dermaplan
