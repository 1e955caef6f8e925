#pragma once

#include "planning/WeekPoster.h"

#include <QLocale>
#include <QString>

#include <optional>

// The printed week as HTML: Qt Core only, so that `schedule --format html` and the app's week
// view need no graphics library. SchedulePrinter (ui/print) lays the same HTML out on paper.
namespace dermaplan::print {

struct PrintOptions {
    QString title; // the user's name or a title; optional
    QLocale locale = QLocale();
};

// How big the page's type is: `scale` times the base sizes (sessions 16 pt, all else at least
// 10 pt), and extra space under each day to fill the sheet. `pxPerPt` set: sizes in the
// printing device's pixels (what is measured is what is printed); unset: in points, for a browser.
struct PosterLayout {
    double scale = 1.0;
    double dayPadding = 0; // points
    std::optional<double> pxPerPt;
    // The title's and the name's sizes, in points, never scaled with the rest: the printer makes
    // them smaller only when they would not fit on one line ("Week of 28 December 2026 –
    // 3 January 2027" and a long name).
    double titlePt = 24.0;
    double namePt = 16.0;

    [[nodiscard]] QString size(double points) const { return fixedSize(points * scale); }
    // Not scaled: the title, which must stay on one line whatever the paper.
    [[nodiscard]] QString fixedSize(double points) const {
        return pxPerPt ? QStringLiteral("%1px").arg(qRound(points * *pxPerPt))
                       : QStringLiteral("%1pt").arg(points, 0, 'f', 1);
    }
    [[nodiscard]] int pixels(double points) const {
        return qRound(points * scale * pxPerPt.value_or(96.0 / 72.0));
    }
};

// The poster (see WeekPoster for what it says): a human title and the person's name, each day's
// sessions in large type with a box to tick, aftercare once where it starts, when each area is
// allowed again, the general advice and the cleaning steps. Black and dark grey on white, so it
// reads in greyscale.
[[nodiscard]] QString posterHtml(const WeekPoster& poster, const PrintOptions& options,
                                 const PosterLayout& layout);

// The one renderer for print, preview, PDF, the app's week view and `schedule --format html`;
// sizes in points, for a browser.
[[nodiscard]] QString scheduleHtml(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options);

} // namespace dermaplan::print
