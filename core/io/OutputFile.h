#pragma once

#include "Result.h"
#include "SystemError.h"
#include "io/SessionStream.h"

#include <QByteArray>
#include <QString>

#include <functional>

// Files Dermaplan writes for the user (exports, calendars, PDFs, charts): whole or not at all,
// owner-only, and every failure named by its cause in words. QSaveFile would do the first, but it
// reports a full disk at commit as "Unknown error" and keeps an existing file's mode; this checks
// each write(2), the fsync and the close itself and keeps errno's words.
namespace dermaplan::io {

using Producer = std::function<Status(const ByteSink&)>;

// Writes what `produce` hands its sink to `path`. A regular file (or a new one) is written under
// a temporary name beside it, flushed to disk and renamed over `path` only when all of it is
// there: a failure leaves `path` as it was and nothing else behind. A device, pipe or terminal
// named by `path` (/dev/stdout, /dev/full) is written directly, each write checked. Errors name
// `path` and the cause.
[[nodiscard]] Status writeFileWhole(const QString& path, const Producer& produce);
[[nodiscard]] Status writeFileWhole(const QString& path, const QByteArray& bytes);

// Writes `bytes` to a descriptor the program was given (standard output), every byte or an
// error naming the cause.
[[nodiscard]] Status writeAll(int fd, QByteArrayView bytes);

} // namespace dermaplan::io
