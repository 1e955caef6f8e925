#pragma once

#include "NeedleLength.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace dermaplan {

// A roller, stamp or pen. Rollers dull with use: wear limits are rule data.
struct Device {
    qint64 id = 0;
    QString name;
    QString kind = QStringLiteral("roller"); // one of deviceKinds()
    NeedleLength needle;
    int needleCount = 0; // 0 = unknown
    QDate firstUse;      // invalid = not used yet
    std::optional<QDate> retiredOn;

    friend bool operator==(const Device&, const Device&) = default;
};

// The kinds of device as files and the database name them: roller, stamp, pen.
[[nodiscard]] const QStringList& deviceKinds();
// "Roller", "Stamp", "Pen", in the user's language; the id itself for one not known.
[[nodiscard]] QString deviceKindLabel(const QString& kind);
// A pen's needles come in a single-use cartridge; rollers and stamps are used again, cleaned
// and worn.
[[nodiscard]] inline bool isPen(const Device& device) {
    return device.kind == u"pen";
}

// A device cleaned at a minute (the devices' cleaning log).
struct Cleaning {
    qint64 deviceId = 0;
    QDateTime at;

    friend bool operator==(const Cleaning&, const Cleaning&) = default;
};

// A device together with what the history says of it, as the safety check needs it.
struct DeviceState {
    Device device;
    int usesSoFar = 0; // sessions logged with it before the one being checked
    // The last of those sessions, at its time (00:00 when the time is unknown, so that a cleaning
    // recorded that day counts as after it); invalid when there is none.
    QDateTime lastUsed;
    std::optional<QDateTime> lastCleaned;

    // Cleaned before the first use and after every use (domain guide): a device never cleaned
    // needs it, and so does one used since its last cleaning.
    [[nodiscard]] bool needsCleaning() const {
        return !lastCleaned || (lastUsed.isValid() && *lastCleaned < lastUsed);
    }
};

} // namespace dermaplan
