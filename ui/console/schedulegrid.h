// SPDX-License-Identifier: GPL-3.0-or-later
// ScheduleGrid: the week's allowed hours painted on a 7 × 24 grid at 15-minute resolution.
// Drag over cells to allow them; start a drag on an allowed cell to clear instead. Rows are
// Monday to Sunday; a run that reaches midnight and one that starts at midnight the next day
// are the same allowed time, kept as two windows.
#pragma once

#include <array>
#include <bitset>

#include <QWidget>

namespace sundial::ui
{

class ScheduleGrid : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSlotsPerDay = 96; // 15 minutes each
    using DaySlots = std::bitset<kSlotsPerDay>;

    explicit ScheduleGrid(QWidget *parent = nullptr);

    // Windows as "HH:MM-HH:MM" strings per weekday, Monday first (the rules' JSON form). A day
    // with every slot allowed gives no windows (the whole day is allowed).
    std::array<QStringList, 7> windows() const;
    // True when no slot of `day` (0 = Monday) is allowed: windows() cannot say that (an empty
    // list means the whole day), so the rules say it with a budget of 0.
    bool dayBlocked(int day) const;
    // Sets the grid from the rules' windows (a window ending after midnight fills the next
    // day's morning too). Returns false if a window could not be read.
    bool setWindows(const std::array<QStringList, 7> &windows);
    const std::array<DaySlots, 7> &allowedSlots() const { return m_slots; }
    // Where the 7 × 96 cells are drawn, in widget coordinates (right of the hour labels, below
    // the day names).
    QRectF cellArea() const;

    QSize sizeHint() const override { return {24 * 28 + 90, 7 * 26 + 24}; }

signals:
    void edited();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool cellAt(QPointF position, int &day, int &slot) const;
    void paintTo(int day, int slot);

    std::array<DaySlots, 7> m_slots;
    bool m_painting = true;
    int m_cursorDay = 0;
    int m_cursorSlot = 0;
};

} // namespace sundial::ui
