#pragma once

#include "Result.h"
#include "planning/PosterHtml.h"

#include <QPageSize>

class QPagedPaintDevice;
class QTextDocument;

namespace dermaplan::print {

// The paper size people near this locale buy: Letter in the US and Canada, A4 elsewhere.
[[nodiscard]] QPageSize::PageSizeId defaultPageSize(const QLocale& locale);

// The printed week, a poster for the bathroom mirror (PosterHtml.h). Lays the schedule out for
// `device`'s page and paints it on one page: the type as large as fits (sessions at least 16 pt,
// everything else at least 10 pt unless a crowded week would spill onto a second sheet), the spare
// height shared out under the days.
[[nodiscard]] Status printSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options, QPagedPaintDevice& device);

// The same, to a PDF file (QPdfWriter: no printer or display needed), written atomically.
[[nodiscard]] Status writeSchedulePdf(const WeeklySchedule& schedule, const RuleBook& rules,
                                      const PrintOptions& options, const QString& path,
                                      std::optional<QPageSize::PageSizeId> pageSize = std::nullopt);

} // namespace dermaplan::print
