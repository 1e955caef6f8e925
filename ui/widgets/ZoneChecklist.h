#pragma once

#include <QListWidget>
#include <QStringList>

namespace dermaplan {
struct Area;
}

namespace dermaplan::ui {

// The zones of one area, each with a check box; none checked means the whole area. Used by the
// log and regimen dialogs.
class ZoneChecklist final : public QListWidget {
    Q_OBJECT
public:
    explicit ZoneChecklist(QWidget* parent = nullptr);

    // Shows the zones of `area` (none: an area without zones, or no area), all unchecked.
    void showZonesOf(const Area* area);
    // The ids of the checked zones.
    [[nodiscard]] QStringList checkedZones() const;
    void setCheckedZones(const QStringList& ids);

signals:
    void zonesChanged();
};

} // namespace dermaplan::ui
