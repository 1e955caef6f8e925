#include "ChartPanel.h"

#include "io/OutputFile.h"

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace dermaplan::ui {

ChartPanel::ChartPanel(const QString& title, QString fileStem, QWidget* parent)
    : QGroupBox(title, parent)
    , m_fileStem(std::move(fileStem)) {
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(280);
    m_view->setAccessibleName(title);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMinimumHeight(280);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->hide();
    m_save = new QPushButton(tr("Save as PNG…"), this);
    m_save->setAccessibleName(tr("Save %1 as PNG").arg(title));
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(this); });

    m_stack = new QStackedLayout;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_stack, 1);
    layout->addWidget(m_caption);
    layout->addLayout(buttons);
}

void ChartPanel::setChart(QChart* chart) {
    QChart* old = m_view->chart();
    m_view->setChart(chart); // the view owns the chart it shows, not the one it showed
    if (old != chart)
        delete old;
    m_stack->setCurrentWidget(m_view);
    m_save->setEnabled(true);
}

void ChartPanel::showMessage(const QString& message) {
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    m_save->setEnabled(false);
}

void ChartPanel::setCaption(const QString& caption) {
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

QString ChartPanel::caption() const {
    return m_caption->text();
}

bool ChartPanel::isShowingChart() const {
    return m_stack->currentWidget() == m_view;
}

QChart* ChartPanel::chart() const {
    return m_view->chart();
}

QString ChartPanel::message() const {
    return isShowingChart() ? QString() : m_message->text();
}

Status ChartPanel::savePng(const QString& path) const {
    const QString shown = QDir::toNativeSeparators(path);
    if (!isShowingChart())
        return Error::plain(tr("There is no chart to save."));
    // Drawn at twice the size on screen, so the picture stays sharp in a document or on paper.
    QImage image(m_view->size() * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(m_view->palette().color(QPalette::Window));
    {
        QPainter painter(&image);
        m_view->render(&painter);
    }
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "png");
        if (!writer.write(image))
            return Error::inFile(path, tr("Cannot write %1: %2").arg(shown, writer.errorString()));
    }
    // All or nothing: a failed write leaves any file already there as it was.
    if (const auto written = io::writeFileWhole(path, png); !written)
        return Error::inFile(path, tr("Cannot write %1: %2").arg(shown, written.error().message));
    return Done{};
}

} // namespace dermaplan::ui
