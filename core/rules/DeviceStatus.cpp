#include "DeviceStatus.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class DeviceTr {
    Q_DECLARE_TR_FUNCTIONS(DeviceStatus)
};

} // namespace

DeviceStatus deviceStatus(const DeviceState& state, const RuleBook& rules, QDate today) {
    const DeviceWear& wear = rules.deviceWear();
    const Device& d = state.device;
    DeviceStatus s;
    s.state = state;
    const bool pen = isPen(d); // a cartridge is single-use; stamps follow the rollers
    s.useLimit = pen ? 1 : wear.refuseAfterUses;
    if (!pen && d.firstUse.isValid())
        s.replaceBy = d.firstUse.addDays(wear.refuseAfterDays);
    s.needsCleaning = state.needsCleaning();
    if (d.retiredOn && *d.retiredOn <= today)
        s.level = DeviceStatus::Level::Retired;
    else if (state.usesSoFar >= s.useLimit || (s.replaceBy.isValid() && s.replaceBy <= today))
        s.level = DeviceStatus::Level::ReplaceNow;
    else if (!pen && state.usesSoFar + 1 >= wear.adviseFromUse)
        s.level = DeviceStatus::Level::ReplaceSoon;
    return s;
}

QString deviceStatusText(const DeviceStatus& s, const QLocale& locale) {
    QString text;
    switch (s.level) {
    case DeviceStatus::Level::Retired:
        return DeviceTr::tr("retired %1")
            .arg(locale.toString(*s.state.device.retiredOn, QLocale::ShortFormat));
    case DeviceStatus::Level::ReplaceNow:
        text =
            s.replaceBy.isValid() && s.state.usesSoFar < s.useLimit
                ? DeviceTr::tr("replace now: first used %n day(s) ago", nullptr,
                               int(s.state.device.firstUse.daysTo(s.replaceBy)))
                : DeviceTr::tr("replace now: %1 of %2 uses").arg(s.state.usesSoFar).arg(s.useLimit);
        break;
    case DeviceStatus::Level::ReplaceSoon:
        text = DeviceTr::tr("replace soon: %1 of %2 uses").arg(s.state.usesSoFar).arg(s.useLimit);
        break;
    case DeviceStatus::Level::Fine:
        return s.needsCleaning ? DeviceTr::tr("needs cleaning") : DeviceTr::tr("fine");
    }
    if (s.needsCleaning)
        text += DeviceTr::tr("; needs cleaning");
    return text;
}

QString deviceLevelId(DeviceStatus::Level level) {
    switch (level) {
    case DeviceStatus::Level::Fine:
        return QStringLiteral("fine");
    case DeviceStatus::Level::ReplaceSoon:
        return QStringLiteral("replace-soon");
    case DeviceStatus::Level::ReplaceNow:
        return QStringLiteral("replace-now");
    case DeviceStatus::Level::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

} // namespace dermaplan
