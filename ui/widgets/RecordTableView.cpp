#include "RecordTableView.h"

#include "SelectedRow.h"
#include "models/RecordTableModel.h"

#include <QHeaderView>

namespace dermaplan::ui {

RecordTableView::RecordTableView(RecordTableModel* model, const QString& accessibleName,
                                 QWidget* parent)
    : QTableView(parent)
    , m_records(model) {
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setAccessibleName(accessibleName);
}

qint64 RecordTableView::selectedId() const {
    return m_records->idAt(selectedRow(this));
}

} // namespace dermaplan::ui
