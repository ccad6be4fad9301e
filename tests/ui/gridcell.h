// SPDX-License-Identifier: GPL-3.0-or-later
// Where a test clicks on a ScheduleGrid: the centre of the cell for `day` (0 = Monday) at
// `hour`:`minute`, from the grid's own cell area (7 rows, 96 quarters).
#pragma once

#include <QPoint>

#include "ui/console/schedulegrid.h"

inline QPoint gridCell(const sundial::ui::ScheduleGrid &grid, int day, int hour, int minute)
{
    const QRectF area = grid.cellArea();
    const int slot = hour * 4 + minute / 15;
    return QPoint(
        int(area.left() + (slot + 0.5) * area.width() / 96.0), int(area.top() + (day + 0.5) * area.height() / 7.0));
}
