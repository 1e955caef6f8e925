#include "Device.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {
class DeviceTr {
    Q_DECLARE_TR_FUNCTIONS(Device)
};
} // namespace

const QStringList& deviceKinds() {
    static const QStringList kinds{QStringLiteral("roller"), QStringLiteral("stamp"),
                                   QStringLiteral("pen")};
    return kinds;
}

QString deviceKindLabel(const QString& kind) {
    if (kind == u"roller")
        return DeviceTr::tr("Roller");
    if (kind == u"stamp")
        return DeviceTr::tr("Stamp");
    if (kind == u"pen")
        return DeviceTr::tr("Pen");
    return kind;
}

} // namespace dermaplan
