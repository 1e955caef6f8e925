#pragma once

#include "Result.h"
#include "planning/WeeklySchedule.h"

#include <QLocale>
#include <QPageSize>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace dermaplan::print {

struct PrintOptions {
    QString title; // the user's name or a title; optional
    QLocale locale = QLocale();
};

// The paper size people near this locale buy: Letter in the US and Canada, A4 elsewhere.
[[nodiscard]] QPageSize::PageSizeId defaultPageSize(const QLocale& locale);

// The printed week, a poster for the bathroom mirror (see WeekPoster for what it says): a human
// title and the person's name, each day's sessions in large type with a box to tick, aftercare
// once where it starts, when each area is allowed again, the general advice and the cleaning
// steps. Black and dark grey on white, so it reads in greyscale. The one renderer for print,
// preview, PDF, the app's week view and `schedule --format html|pdf`.
[[nodiscard]] QString scheduleHtml(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options);

// Lays the schedule out for `device`'s page and paints it on one page: the type as large as fits
// (sessions at least 16 pt, everything else at least 10 pt unless a crowded week would spill
// onto a second sheet), the spare height shared out under the days.
[[nodiscard]] Status printSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options, QPagedPaintDevice& device);

// The same, to a PDF file (QPdfWriter: no printer or display needed), written atomically.
[[nodiscard]] Status writeSchedulePdf(const WeeklySchedule& schedule, const RuleBook& rules,
                                      const PrintOptions& options, const QString& path,
                                      std::optional<QPageSize::PageSizeId> pageSize = std::nullopt);

} // namespace dermaplan::print
