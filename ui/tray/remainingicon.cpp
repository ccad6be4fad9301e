// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/remainingicon.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace sundial::ui
{

QImage renderRemainingIcon(const ChildStatus &status, int size, std::chrono::seconds dayBudget)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = QGuiApplication::palette();
    const qreal pen = qMax(2.0, size / 8.0);
    const QRectF ring(pen / 2, pen / 2, size - pen, size - pen);

    double fraction = 1.0;
    QColor colour = palette.color(QPalette::Highlight);
    if (status.outOfTime()) {
        fraction = 0.0;
        colour = QColor(0xc0, 0x1c, 0x28);
    } else if (status.remaining) {
        fraction = dayBudget.count() > 0 ? double(status.remaining->count()) / double(dayBudget.count()) : 1.0;
        fraction = qBound(0.0, fraction, 1.0);
        if (*status.remaining <= std::chrono::minutes {15}) {
            colour = QColor(0xe5, 0xa5, 0x0a);
        }
    }
    painter.setPen(QPen(palette.color(QPalette::Mid), pen));
    painter.drawEllipse(ring);
    painter.setPen(QPen(colour, pen, Qt::SolidLine, Qt::FlatCap));
    painter.drawArc(ring, 90 * 16, int(-fraction * 360 * 16));

    QString label = QStringLiteral("∞");
    if (status.outOfTime()) {
        label = QStringLiteral("0");
    } else if (status.remaining) {
        const qint64 minutes = (status.remaining->count() + 59) / 60;
        label = minutes >= 100 ? QStringLiteral("%1h").arg(minutes / 60) : QString::number(minutes);
    }
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(qMax(6, int(size * (label.size() > 2 ? 0.32 : 0.42))));
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::WindowText));
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, label);
    return image;
}

QIcon remainingIcon(const ChildStatus &status, std::chrono::seconds dayBudget)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        icon.addPixmap(QPixmap::fromImage(renderRemainingIcon(status, size, dayBudget)));
    }
    return icon;
}

} // namespace sundial::ui
