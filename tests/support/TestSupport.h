#pragma once

#include "domain/Regimen.h"
#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include <optional>
#include <ostream>

// Readable failures: gtest prints these instead of their bytes.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
inline void PrintTo(QDate d, std::ostream* os) {
    *os << d.toString(Qt::ISODate).toStdString();
}

namespace dermaplan::test {

// The built-in rule book; fails the test (and aborts it) if it does not load.
const RuleBook& rules();

// Path of a file under tests/data.
QString dataFile(const QString& name);

// Reads a whole file; empty on failure.
QByteArray readAll(const QString& path);

// Regimen `id`, named "R<id>": `area`, a `mm` needle, every `every` days from `start`.
Regimen regimen(qint64 id, const QString& area, double mm, int every, QDate start,
                std::optional<int> weeks = {});

// A session on `area` with a `mm` needle on `date` (at `time`, if given).
Session session(const QString& area, double mm, QDate date, std::optional<QTime> time = {});

// A PDF's text as poppler's `pdftotext` reads it; empty on failure.
QString pdfText(const QString& path);

} // namespace dermaplan::test
