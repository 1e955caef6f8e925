#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace dermaplan::ui {

// A read-only table of records, one a row, each with its database id (IdRole) and a text a
// column: what the Devices and Plan pages show. A subclass holds its records and says what each
// cell reads; the rows, the header and the roles are the same for every such table.
class RecordTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1;

    // The id of the record on `row`; 0 outside the table.
    [[nodiscard]] qint64 idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    // `titles`: the column headers, in column order.
    RecordTableModel(QStringList titles, QObject* parent);

    [[nodiscard]] virtual int recordCount() const = 0;
    // For rows within recordCount().
    [[nodiscard]] virtual qint64 recordId(int row) const = 0;
    [[nodiscard]] virtual QString text(int row, int column) const = 0;

private:
    QStringList m_titles;
};

} // namespace dermaplan::ui
