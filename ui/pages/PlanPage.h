#pragma once

#include "domain/Pause.h"
#include "domain/Regimen.h"
#include "widgets/EditableList.h"
#include "widgets/RecordTableView.h"

#include <QDate>
#include <QWidget>

#include <optional>

class QCalendarWidget;
class QLabel;
class QListWidget;
class QTabWidget;
class QTextBrowser;

namespace dermaplan::ui {

class RegimenTableModel;

class AppContext;

// Regimens (add from a template or custom, edit, end, remove) and pauses (days without sessions),
// a month calendar marking planned, done, missed, too-soon and paused days, and the selected week
// as it will be printed.
class PlanPage final : public QWidget {
    Q_OBJECT
public:
    explicit PlanPage(AppContext& context, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] QTableView* regimenTable() const { return m_table; }
    [[nodiscard]] RegimenTableModel* regimenModel() const { return m_model; }
    [[nodiscard]] QCalendarWidget* calendar() const { return m_calendar; }
    [[nodiscard]] QListWidget* pauseList() const { return m_pauses->list(); }
    // The pauses listed (those today or ahead), in the list's order.
    [[nodiscard]] const QList<Pause>& pauses() const { return m_shownPauses; }
    // What the calendar says of a day, in words ("planned: Scalp · 0.5 mm").
    [[nodiscard]] QString dayDescription(QDate day) const;

protected:
    // A new theme: the calendar's marks take its colours at once.
    void changeEvent(QEvent* event) override;

public slots:
    void addRegimen();
    void editSelected();
    void endSelected();
    void removeSelected();
    void addPause();
    void removeSelectedPause();

private:
    void markMonth();
    void showDay(QDate day);
    // The selected regimen as stored; nothing (and the error reported) when it cannot be read.
    [[nodiscard]] std::optional<Regimen> selectedRegimen() const;

    AppContext& m_context;
    RecordTableView* m_table = nullptr;
    RegimenTableModel* m_model = nullptr;
    QCalendarWidget* m_calendar = nullptr;
    QLabel* m_day = nullptr;
    QTextBrowser* m_week = nullptr;
    QHash<QDate, QStringList> m_descriptions;
    EditableList* m_pauses = nullptr;
    QList<Pause> m_shownPauses;
};

} // namespace dermaplan::ui
