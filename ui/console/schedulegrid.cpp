// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/schedulegrid.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTime>

namespace sundial::ui
{

namespace
{

constexpr int kLabelWidth = 90;
constexpr int kHeaderHeight = 24;

QString slotTime(int slot)
{
    return QTime(0, 0).addSecs(slot * 15 * 60).toString(QStringLiteral("HH:mm"));
}

// Minutes since midnight from "HH:MM" (24:00 allowed), or -1.
int minutesOf(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool hoursOk = false;
    bool minutesOk = false;
    const int hours = parts.value(0).toInt(&hoursOk);
    const int minutes = parts.value(1).toInt(&minutesOk);
    if (parts.size() != 2 || !hoursOk || !minutesOk || hours < 0 || hours > 24 || minutes < 0 || minutes > 59
        || (hours == 24 && minutes != 0)) {
        return -1;
    }
    return hours * 60 + minutes;
}

} // namespace

ScheduleGrid::ScheduleGrid(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Allowed hours, Monday to Sunday, in quarter hours"));
    setAccessibleDescription(tr("Drag to allow hours; arrow keys move, space toggles."));
    setMinimumSize(24 * 16 + kLabelWidth, 7 * 18 + kHeaderHeight);
    for (DaySlots &day : m_slots) {
        day.set(); // no windows = the whole day is allowed
    }
}

QRectF ScheduleGrid::cellArea() const
{
    return QRectF(kLabelWidth, kHeaderHeight, width() - kLabelWidth - 1, height() - kHeaderHeight - 1);
}

bool ScheduleGrid::cellAt(QPointF position, int &day, int &slot) const
{
    const QRectF area = cellArea();
    if (!area.contains(position)) {
        return false;
    }
    day = qBound(0, int((position.y() - area.top()) / (area.height() / 7)), 6);
    slot = qBound(0, int((position.x() - area.left()) / (area.width() / kSlotsPerDay)), kSlotsPerDay - 1);
    return true;
}

void ScheduleGrid::paintTo(int day, int slot)
{
    if (m_slots[std::size_t(day)][std::size_t(slot)] != m_painting) {
        m_slots[std::size_t(day)][std::size_t(slot)] = m_painting;
        update();
        emit edited();
    }
}

void ScheduleGrid::mousePressEvent(QMouseEvent *event)
{
    int day = 0;
    int slot = 0;
    if (cellAt(event->position(), day, slot)) {
        m_painting = !m_slots[std::size_t(day)][std::size_t(slot)];
        m_cursorDay = day;
        m_cursorSlot = slot;
        paintTo(day, slot);
    }
}

void ScheduleGrid::mouseMoveEvent(QMouseEvent *event)
{
    int day = 0;
    int slot = 0;
    if ((event->buttons() & Qt::LeftButton) && cellAt(event->position(), day, slot)) {
        paintTo(day, slot);
    }
}

void ScheduleGrid::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        m_cursorSlot = qMax(0, m_cursorSlot - 1);
        break;
    case Qt::Key_Right:
        m_cursorSlot = qMin(kSlotsPerDay - 1, m_cursorSlot + 1);
        break;
    case Qt::Key_Up:
        m_cursorDay = qMax(0, m_cursorDay - 1);
        break;
    case Qt::Key_Down:
        m_cursorDay = qMin(6, m_cursorDay + 1);
        break;
    case Qt::Key_Space:
        m_painting = !m_slots[std::size_t(m_cursorDay)][std::size_t(m_cursorSlot)];
        paintTo(m_cursorDay, m_cursorSlot);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

void ScheduleGrid::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF area = cellArea();
    const double cellWidth = area.width() / kSlotsPerDay;
    const double rowHeight = area.height() / 7;
    const QPalette &colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Base));
    for (int day = 0; day < 7; ++day) {
        const QRectF label(0, area.top() + day * rowHeight, kLabelWidth - 4, rowHeight);
        painter.setPen(colours.color(QPalette::Text));
        painter.drawText(label, Qt::AlignVCenter | Qt::AlignRight, QLocale().dayName(day + 1, QLocale::ShortFormat));
        for (int slot = 0; slot < kSlotsPerDay; ++slot) {
            if (m_slots[std::size_t(day)][std::size_t(slot)]) {
                painter.fillRect(
                    QRectF(area.left() + slot * cellWidth, area.top() + day * rowHeight, cellWidth + 0.5, rowHeight),
                    colours.color(QPalette::Highlight));
            }
        }
    }
    painter.setPen(colours.color(QPalette::Mid));
    for (int hour = 0; hour <= 24; ++hour) {
        const double x = area.left() + hour * 4 * cellWidth;
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        if (hour < 24 && hour % 3 == 0) {
            painter.setPen(colours.color(QPalette::Text));
            painter.drawText(
                QRectF(x, 0, 4 * cellWidth * 3, kHeaderHeight), Qt::AlignVCenter | Qt::AlignLeft, slotTime(hour * 4));
            painter.setPen(colours.color(QPalette::Mid));
        }
    }
    for (int day = 0; day <= 7; ++day) {
        const double y = area.top() + day * rowHeight;
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    if (hasFocus()) {
        painter.setPen(QPen(colours.color(QPalette::Text), 2));
        painter.drawRect(
            QRectF(area.left() + m_cursorSlot * cellWidth, area.top() + m_cursorDay * rowHeight, cellWidth, rowHeight));
    }
}

bool ScheduleGrid::dayBlocked(int day) const
{
    return m_slots[std::size_t(day)].none();
}

std::array<QStringList, 7> ScheduleGrid::windows() const
{
    std::array<QStringList, 7> result;
    for (std::size_t day = 0; day < 7; ++day) {
        if (m_slots[day].all()) {
            continue; // the whole day
        }
        int slot = 0;
        while (slot < kSlotsPerDay) {
            if (!m_slots[day][std::size_t(slot)]) {
                ++slot;
                continue;
            }
            const int start = slot;
            while (slot < kSlotsPerDay && m_slots[day][std::size_t(slot)]) {
                ++slot;
            }
            result[day] << slotTime(start) + QLatin1Char('-')
                    + (slot == kSlotsPerDay ? QStringLiteral("24:00") : slotTime(slot));
        }
    }
    return result;
}

bool ScheduleGrid::setWindows(const std::array<QStringList, 7> &windows)
{
    std::array<DaySlots, 7> allowed;
    for (std::size_t day = 0; day < 7; ++day) {
        if (windows[day].isEmpty()) {
            allowed[day].set();
        }
    }
    for (std::size_t day = 0; day < 7; ++day) {
        for (const QString &window : windows[day]) {
            const QStringList ends = window.split(QLatin1Char('-'));
            const int start = minutesOf(ends.value(0));
            const int end = minutesOf(ends.value(1));
            if (ends.size() != 2 || start < 0 || end < 0) {
                return false;
            }
            // A window ending at or before its start runs into the next day's morning.
            const int stop = end <= start ? end + 24 * 60 : end;
            for (int minute = start; minute < stop; minute += 15) {
                const std::size_t target = minute < 24 * 60 ? day : (day + 1) % 7;
                allowed[target][std::size_t((minute % (24 * 60)) / 15)] = true;
            }
        }
    }
    m_slots = allowed;
    update();
    return true;
}

} // namespace sundial::ui
