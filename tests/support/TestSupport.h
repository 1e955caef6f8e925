#pragma once

#include "rules/RuleBook.h"

#include <QString>
#include <QTemporaryDir>

namespace dermaplan::test {

// The built-in rule book; fails the test (and aborts it) if it does not load.
const RuleBook& rules();

// Path of a file under tests/data.
QString dataFile(const QString& name);

// Reads a whole file; empty on failure.
QByteArray readAll(const QString& path);

} // namespace dermaplan::test
