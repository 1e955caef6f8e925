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

// The printed page: one ISO week, each day with its planned sessions and a tick box, the
// aftercare that applies that day, when each area is allowed again and the cleaning steps. Black
// on white with structure carried by type and rules, so it reads in greyscale. The one renderer
// for print, preview, PDF and the CLI.
[[nodiscard]] QString scheduleHtml(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options);

// Lays the schedule out for `device`'s page and paints it on one page, shrinking the type if it
// would otherwise spill onto a second.
[[nodiscard]] Status printSchedule(const WeeklySchedule& schedule, const RuleBook& rules,
                                   const PrintOptions& options, QPagedPaintDevice& device);

// The same, to a PDF file (QPdfWriter: no printer or display needed), written atomically.
[[nodiscard]] Status writeSchedulePdf(const WeeklySchedule& schedule, const RuleBook& rules,
                                      const PrintOptions& options, const QString& path,
                                      std::optional<QPageSize::PageSizeId> pageSize = std::nullopt);

} // namespace dermaplan::print
