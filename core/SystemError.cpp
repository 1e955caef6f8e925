#include "SystemError.h"

#include <cstring>

namespace dermaplan {

QString systemErrorText(int error) {
    QString text = QString::fromLocal8Bit(std::strerror(error));
    // "No space left on device" reads as part of a sentence after a colon.
    if (text.size() > 1 && text.at(0).isUpper() && text.at(1).isLower())
        text[0] = text.at(0).toLower();
    return text;
}

} // namespace dermaplan
