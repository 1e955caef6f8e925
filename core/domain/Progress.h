#pragma once

#include <QtGlobal>

#include <functional>

namespace dermaplan {

// How a long task (an import, a write of many rows) says how far it is: called with (done,
// total); returning false cancels it.
using Progress = std::function<bool(qsizetype done, qsizetype total)>;

} // namespace dermaplan
