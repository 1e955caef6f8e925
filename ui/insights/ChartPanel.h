#pragma once

#include "Result.h"

#include <QGroupBox>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QStackedLayout;

namespace dermaplan::ui {

// One chart of the Insights page under its title, with "Save as PNG…"; or, when there is nothing
// to chart, a sentence that says so in its place (an empty axis looks broken).
class ChartPanel final : public QGroupBox {
    Q_OBJECT
public:
    // `fileStem` names the PNG offered when saving ("sessions-per-week").
    ChartPanel(const QString& title, QString fileStem, QWidget* parent = nullptr);

    // Shows `chart` (the panel takes it, and drops the one it showed).
    void setChart(QChart* chart);
    // Shows `message` instead of a chart.
    void showMessage(const QString& message);
    // A line or two under the chart (hidden when empty).
    void setCaption(const QString& caption);
    [[nodiscard]] QString caption() const;

    [[nodiscard]] bool isShowingChart() const;
    [[nodiscard]] QChart* chart() const;
    [[nodiscard]] QString message() const;
    // The chart as the panel draws it, written to `path` as PNG: all of it or nothing.
    [[nodiscard]] Status savePng(const QString& path) const;

signals:
    // "Save as PNG…" was pressed: the page asks for a file (the panel knows no folders).
    void saveRequested(ChartPanel* panel);

public:
    [[nodiscard]] const QString& fileStem() const { return m_fileStem; }

private:
    QString m_fileStem;
    QStackedLayout* m_stack = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_caption = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace dermaplan::ui
