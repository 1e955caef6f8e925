#include "SelectedRow.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace dermaplan::ui {

int selectedRow(const QAbstractItemView* view) {
    const QItemSelectionModel* selection = view->selectionModel();
    if (!selection)
        return -1;
    const QModelIndexList rows = selection->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

} // namespace dermaplan::ui
