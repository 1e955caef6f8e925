#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

namespace dermaplan::ui {

class NeedleComboBox;

class AppContext;
class SessionTableModel;

// Every logged session in a table fetched in pages: filter by area, dates and text, edit and
// delete (both undoable).
class HistoryPage final : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(AppContext& context, QWidget* parent = nullptr);

    [[nodiscard]] SessionTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }

public slots:
    void focusSearch();
    void deleteSelected();
    void editSelected();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void hideEmptyColumns();
    void fitColumns();
    void applyFilter();

    AppContext& m_context;
    SessionTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_area = nullptr;
    NeedleComboBox* m_needle = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    bool m_columnsFitted = false; // to what is loaded; measuring 500 rows waits until shown
};

} // namespace dermaplan::ui
