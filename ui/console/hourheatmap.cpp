// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/hourheatmap.h"

#include <QLocale>
#include <QPainter>

namespace sundial::ui
{

namespace
{

constexpr int kLabelWidth = 90;
constexpr int kHeaderHeight = 20;

// Rows drawn Monday first; the service's rows are Sunday first.
int serviceRow(int drawnRow)
{
    return (drawnRow + 1) % 7;
}

} // namespace

HourHeatmap::HourHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(7 * 18 + kHeaderHeight);
    setAccessibleName(tr("Use by weekday and hour"));
}

void HourHeatmap::setHours(const QJsonArray &hours)
{
    m_highest = 0;
    for (int day = 0; day < 7; ++day) {
        const QJsonArray row = hours.at(day).toArray();
        for (int hour = 0; hour < 24; ++hour) {
            m_seconds[day][hour] = row.at(hour).toDouble();
            m_highest = std::max(m_highest, m_seconds[day][hour]);
        }
    }
    setAccessibleDescription(busiest());
    update();
}

QString HourHeatmap::busiest() const
{
    int bestDay = -1;
    int bestHour = 0;
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            if (m_seconds[day][hour] > 0 && (bestDay < 0 || m_seconds[day][hour] > m_seconds[bestDay][bestHour])) {
                bestDay = day;
                bestHour = hour;
            }
        }
    }
    if (bestDay < 0) {
        return tr("No use recorded");
    }
    return tr("Most use: %1 %2:00")
        .arg(QLocale().dayName(bestDay == 0 ? 7 : bestDay))
        .arg(bestHour, 2, 10, QLatin1Char('0'));
}

void HourHeatmap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Base));
    const double cellWidth = double(width() - kLabelWidth - 1) / 24;
    const double rowHeight = double(height() - kHeaderHeight - 1) / 7;
    const QColor full = colours.color(QPalette::Highlight);
    for (int row = 0; row < 7; ++row) {
        const int day = serviceRow(row);
        painter.setPen(colours.color(QPalette::Text));
        painter.drawText(QRectF(0, kHeaderHeight + row * rowHeight, kLabelWidth - 6, rowHeight),
            Qt::AlignRight | Qt::AlignVCenter, QLocale().dayName(row + 1, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour) {
            QColor shade = full;
            shade.setAlphaF(float(m_highest > 0 ? 0.08 + 0.92 * m_seconds[day][hour] / m_highest : 0.08));
            painter.fillRect(QRectF(kLabelWidth + hour * cellWidth + 1, kHeaderHeight + row * rowHeight + 1,
                                 cellWidth - 2, rowHeight - 2),
                shade);
        }
    }
    painter.setPen(colours.color(QPalette::Text));
    for (int hour = 0; hour < 24; hour += 3) {
        painter.drawText(QRectF(kLabelWidth + hour * cellWidth, 0, cellWidth * 3, kHeaderHeight),
            Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')));
    }
}

} // namespace sundial::ui
