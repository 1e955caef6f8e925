#include "RecordCheck.h"

#include "RuleBook.h"
#include "domain/IsoDate.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {
class RecordCheckTr {
    Q_DECLARE_TR_FUNCTIONS(RecordCheck)
};
} // namespace

Status validateDevice(const Device& device, const RuleBook& rules, QDate today) {
    if (device.name.trimmed().isEmpty())
        return Error::inField(QStringLiteral("name"), RecordCheckTr::tr("is missing"));
    if (!deviceKinds().contains(device.kind))
        return Error::inField(
            QStringLiteral("kind"),
            RecordCheckTr::tr("'%1' is not roller, stamp or pen").arg(device.kind));
    if (const auto needle = rules.needle(device.needle); !needle)
        return needle.error();
    if (today.isValid() && device.firstUse.isValid() && device.firstUse > today)
        return Error::inField(QStringLiteral("first_use"),
                              RecordCheckTr::tr("%1 is in the future (today is %2)")
                                  .arg(isoDateText(device.firstUse), isoDateText(today)));
    return success();
}

Status validatePause(const Pause& p, const RuleBook& rules) {
    if (!p.from.isValid())
        return Error::inField(QStringLiteral("from"),
                              RecordCheckTr::tr("a pause needs a first day"));
    if (!p.to.isValid())
        return Error::inField(QStringLiteral("to"), RecordCheckTr::tr("a pause needs a last day"));
    if (p.to < p.from)
        return Error::inField(QStringLiteral("to"),
                              RecordCheckTr::tr("the pause must end on or after its first day (%1)")
                                  .arg(isoDateText(p.from)));
    if (!p.area.isEmpty() && !rules.area(p.area))
        return Error::inField(QStringLiteral("area"),
                              RecordCheckTr::tr("unknown area \"%1\"").arg(p.area));
    return success();
}

Status validateProduct(const Product& p) {
    if (p.name.trimmed().isEmpty())
        return Error::inField(QStringLiteral("name"), RecordCheckTr::tr("a product needs a name"));
    if (p.name.contains(u',') || p.name.contains(u';'))
        return Error::inField(
            QStringLiteral("name"),
            RecordCheckTr::tr("a product's name cannot hold , or ; (they separate the "
                              "products of a session)"));
    if (!productKinds().contains(p.kind))
        return Error::inField(QStringLiteral("kind"),
                              RecordCheckTr::tr("\"%1\" is not one of %2")
                                  .arg(p.kind, productKinds().join(QStringLiteral(", "))));
    return success();
}

} // namespace dermaplan
