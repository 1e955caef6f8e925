#pragma once

#include <QTableView>

namespace dermaplan::ui {

class RecordTableModel;

// The table of a page's records (devices, regimens): one row selected at a time, read-only, no
// row numbers, the last column taking the width left; it says which record is selected.
class RecordTableView final : public QTableView {
    Q_OBJECT
public:
    RecordTableView(RecordTableModel* model, const QString& accessibleName,
                    QWidget* parent = nullptr);

    // The id of the selected record, or 0 when none is.
    [[nodiscard]] qint64 selectedId() const;

private:
    RecordTableModel* m_records;
};

} // namespace dermaplan::ui
