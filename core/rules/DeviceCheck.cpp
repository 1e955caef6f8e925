#include "DeviceCheck.h"

#include "RuleBook.h"
#include "domain/IsoDate.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {
class DeviceCheckTr {
    Q_DECLARE_TR_FUNCTIONS(DeviceCheck)
};
} // namespace

Status validateDevice(const Device& device, const RuleBook& rules, QDate today) {
    if (device.name.trimmed().isEmpty())
        return Error::inField(QStringLiteral("name"), DeviceCheckTr::tr("is missing"));
    if (device.kind != u"roller" && device.kind != u"stamp" && device.kind != u"pen")
        return Error::inField(
            QStringLiteral("kind"),
            DeviceCheckTr::tr("'%1' is not roller, stamp or pen").arg(device.kind));
    if (const auto needle = rules.needle(device.needle); !needle)
        return needle.error();
    if (today.isValid() && device.firstUse.isValid() && device.firstUse > today)
        return Error::inField(QStringLiteral("first_use"),
                              DeviceCheckTr::tr("%1 is in the future (today is %2)")
                                  .arg(isoDateText(device.firstUse), isoDateText(today)));
    return success();
}

} // namespace dermaplan
