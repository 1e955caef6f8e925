#include "AppIcon.h"

#include <QPainter>
#include <QPixmap>

namespace dermaplan::ui {

namespace {

// The SVG's drawing, on its 128 × 128 grid.
QPixmap drawn(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 128.0, size / 128.0);
    p.setPen(Qt::NoPen);
    const QColor cream(0xf4, 0xef, 0xe6);
    p.setBrush(QColor(0x2f, 0x6f, 0x73));
    p.drawRoundedRect(QRectF(8, 8, 112, 112), 24, 24);
    p.setBrush(cream);
    p.drawRoundedRect(QRectF(26, 30, 64, 30), 15, 15); // the roller
    p.setBrush(QColor(0xd9, 0xc6, 0xa5));
    p.drawRoundedRect(QRectF(88, 40, 28, 10), 5, 5); // its handle
    p.setPen(QPen(cream, 3, Qt::SolidLine, Qt::RoundCap));
    for (int x = 34; x <= 84; x += 10) // its needles
        p.drawLine(QPointF(x, 62), QPointF(x, 68));
    p.setPen(Qt::NoPen);
    for (int i = 0; i < 4; ++i) { // a week's days, one of them planned
        p.setBrush(i == 2 ? QColor(0xe0, 0xa4, 0x58) : cream);
        p.drawRoundedRect(QRectF(26 + i * 20, 80, 14, 14), 3, 3);
    }
    return pixmap;
}

} // namespace

QIcon appIcon() {
    QIcon icon;
    for (const int size : {16, 22, 32, 48, 64, 128})
        icon.addPixmap(drawn(size));
    return icon;
}

} // namespace dermaplan::ui
