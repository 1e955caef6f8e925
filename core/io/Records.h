#pragma once

#include "domain/Device.h"
#include "domain/Pause.h"
#include "domain/Product.h"
#include "domain/Regimen.h"

#include <QList>

namespace dermaplan::io {

// What a Dermaplan export carries beside its sessions. Ids are those of the database that wrote
// it: sessions' device_id and cleanings' device_id refer to its devices.
struct Records {
    QList<Regimen> regimens;
    QList<Device> devices;
    QList<Cleaning> cleanings;
    QList<Pause> pauses;
    QList<Product> products;

    [[nodiscard]] bool isEmpty() const {
        return regimens.isEmpty() && devices.isEmpty() && cleanings.isEmpty() && pauses.isEmpty() &&
               products.isEmpty();
    }
};

} // namespace dermaplan::io
