#include "ZoneChecklist.h"

#include "rules/RuleBook.h"

#include <QSignalBlocker>

namespace dermaplan::ui {

ZoneChecklist::ZoneChecklist(QWidget* parent)
    : QListWidget(parent) {
    setAccessibleName(tr("Zones"));
    setMaximumHeight(110);
    connect(this, &QListWidget::itemChanged, this, &ZoneChecklist::zonesChanged);
}

void ZoneChecklist::showZonesOf(const Area* area) {
    {
        const QSignalBlocker blocker(this);
        clear();
        for (const Zone& z : area ? area->zones : QList<Zone>()) {
            auto* item = new QListWidgetItem(z.name, this);
            item->setData(Qt::UserRole, z.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        setEnabled(count() > 0);
    }
    emit zonesChanged();
}

QStringList ZoneChecklist::checkedZones() const {
    QStringList ids;
    for (int i = 0; i < count(); ++i)
        if (item(i)->checkState() == Qt::Checked)
            ids << item(i)->data(Qt::UserRole).toString();
    return ids;
}

void ZoneChecklist::setCheckedZones(const QStringList& ids) {
    {
        const QSignalBlocker blocker(this);
        for (int i = 0; i < count(); ++i)
            item(i)->setCheckState(
                ids.contains(item(i)->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    emit zonesChanged();
}

} // namespace dermaplan::ui
