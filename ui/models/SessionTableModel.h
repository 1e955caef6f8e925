#pragma once

#include "domain/Session.h"
#include "rules/RuleBook.h"

#include <QAbstractTableModel>
#include <QHash>

namespace dermaplan {
class Logbook;
struct SessionFilter;
} // namespace dermaplan

namespace dermaplan::ui {

// Logged sessions as a table, read from the logbook in pages (canFetchMore/fetchMore), so that
// 100,000 sessions open as fast as 100. Filtering and sorting happen in SQL, not in the view.
class SessionTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        TimeColumn,
        AreaColumn,
        ZonesColumn,
        NeedleColumn,
        OverrideColumn, // beside what it judged, in sight before the long texts
        DeviceColumn,
        ByColumn,
        PainColumn,
        ReactionColumn,
        FollowUpsColumn,
        ProductsColumn,
        NotesColumn,
        ColumnCount
    };
    static constexpr int PageSize = 500;
    static constexpr int SessionIdRole = Qt::UserRole + 1;

    explicit SessionTableModel(const Logbook& logbook, QObject* parent = nullptr);

    // Filters (empty/invalid = any) and search text (in notes); reloads from the first page.
    void setFilter(const QString& area, QDate from, QDate to, const QString& search,
                   std::optional<NeedleLength> needle = std::nullopt);
    void reload();

    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] const Session& sessionAt(int row) const { return m_rows.at(row); }
    // Whether any loaded row has something in `column` (the view hides columns with nothing).
    [[nodiscard]] bool columnHasData(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

private:
    [[nodiscard]] SessionFilter filter() const;

    const Logbook& m_logbook;
    const RuleBook& m_rules;
    QString m_area;
    QDate m_from;
    QDate m_to;
    QString m_search;
    std::optional<NeedleLength> m_needleFilter;
    bool m_newestFirst = true;
    QList<Session> m_rows;
    QHash<qint64, QString> m_deviceNames; // read with each reload
    int m_total = 0;
};

} // namespace dermaplan::ui
