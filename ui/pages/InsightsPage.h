#pragma once

#include "logbook/Stats.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;

namespace dermaplan::ui {

class AppContext;
class ChartPanel;

// "How is it going?": sessions per week and area, the regimens' adherence over time, pain and
// follow-up answers, and the devices' uses against their limits, over a period and an area the
// user picks. Every figure comes from Logbook::stats (the same as `dermaplan-cli stats`); each
// chart can be saved as a PNG.
class InsightsPage final : public QWidget {
    Q_OBJECT
public:
    explicit InsightsPage(AppContext& context, QWidget* parent = nullptr);

    // Shows [from, to] on `area` (every area when empty).
    void showPeriod(QDate from, QDate to, const QString& area = {});
    void refresh();

    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit* toEdit() const { return m_to; }
    [[nodiscard]] QComboBox* rangeBox() const { return m_range; }
    [[nodiscard]] QComboBox* areaBox() const { return m_area; }
    [[nodiscard]] QLabel* summary() const { return m_summary; }
    [[nodiscard]] ChartPanel* sessionsPanel() const { return m_sessions; }
    [[nodiscard]] ChartPanel* adherencePanel() const { return m_adherence; }
    [[nodiscard]] ChartPanel* painPanel() const { return m_pain; }
    [[nodiscard]] ChartPanel* devicesPanel() const { return m_devices; }
    // The figures shown (none when they could not be read).
    [[nodiscard]] const std::optional<Stats>& stats() const { return m_stats; }

public slots:
    // Saves `panel`'s chart as a PNG at `path` (asks for one when empty); false when it did not.
    bool saveChart(ChartPanel* panel, QString path = QString());

private:
    // The preset periods end today: a new day moves them along.
    void applyRange();
    void showStats(const Stats& stats);
    [[nodiscard]] QString regimenLines(const Stats& stats) const;
    // Two columns of charts where they fit, one on a small screen.
    void arrangePanels();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    // A new theme: the charts are drawn again in its colours at once.
    void changeEvent(QEvent* event) override;

private:
    AppContext& m_context;
    QComboBox* m_range = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_area = nullptr;
    QLabel* m_summary = nullptr;
    ChartPanel* m_sessions = nullptr;
    ChartPanel* m_adherence = nullptr;
    ChartPanel* m_pain = nullptr;
    ChartPanel* m_devices = nullptr;
    std::optional<Stats> m_stats;
    bool m_applying = false; // filters being set together: one refresh at the end
    bool m_stale = false;    // a change came while hidden: refreshed when shown
    QGridLayout* m_grid = nullptr;
    int m_columns = 0;
};

} // namespace dermaplan::ui
