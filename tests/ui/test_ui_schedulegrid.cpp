// SPDX-License-Identifier: GPL-3.0-or-later
// The console's schedule grid, driven with real mouse and key events (offscreen platform).
#include <QSignalSpy>
#include <QtTest>

#include "tests/ui/gridcell.h"
#include "ui/console/schedulegrid.h"

using sundial::ui::ScheduleGrid;

class ScheduleGridTest : public QObject
{
    Q_OBJECT

private:
private slots:
    void aNewGridAllowsEveryHour()
    {
        ScheduleGrid grid;
        for (const QStringList &day : grid.windows()) {
            QVERIFY(day.isEmpty()); // no windows = the whole day
        }
    }

    void draggingPaintsAWindow()
    {
        ScheduleGrid grid;
        grid.resize(90 + 96 * 8, 24 + 7 * 20);
        std::array<QStringList, 7> none;
        for (QStringList &day : none) {
            day << QStringLiteral("00:00-00:15");
        }
        QVERIFY(grid.setWindows(none));
        // Clear Monday's first quarter, so the day starts empty.
        QTest::mouseClick(&grid, Qt::LeftButton, {}, gridCell(grid, 0, 0, 0));
        QVERIFY(grid.dayBlocked(0));
        QSignalSpy edited(&grid, &ScheduleGrid::edited);
        QTest::mousePress(&grid, Qt::LeftButton, {}, gridCell(grid, 0, 15, 0));
        for (int minutes = 15 * 60; minutes < 20 * 60 + 30; minutes += 15) {
            QMouseEvent move(QEvent::MouseMove, gridCell(grid, 0, minutes / 60, minutes % 60),
                grid.mapToGlobal(gridCell(grid, 0, minutes / 60, minutes % 60)), Qt::NoButton, Qt::LeftButton,
                Qt::NoModifier);
            QApplication::sendEvent(&grid, &move);
        }
        QTest::mouseRelease(&grid, Qt::LeftButton, {}, gridCell(grid, 0, 20, 15));
        QCOMPARE(grid.windows()[0], QStringList {QStringLiteral("15:00-20:30")});
        QVERIFY(edited.count() >= 22);
        QVERIFY(!grid.dayBlocked(0));
    }

    void aWindowAcrossMidnightFillsTheNextMorning()
    {
        ScheduleGrid grid;
        std::array<QStringList, 7> windows;
        for (QStringList &day : windows) {
            day << QStringLiteral("10:00-12:00");
        }
        windows[4] = QStringList {QStringLiteral("22:00-01:00")}; // Friday
        QVERIFY(grid.setWindows(windows));
        QCOMPARE(grid.windows()[4], QStringList {QStringLiteral("22:00-24:00")});
        QCOMPARE(grid.windows()[5], (QStringList {QStringLiteral("00:00-01:00"), QStringLiteral("10:00-12:00")}));
    }

    void theKeyboardPaintsToo()
    {
        ScheduleGrid grid;
        grid.resize(90 + 96 * 8, 24 + 7 * 20);
        QTest::keyClick(&grid, Qt::Key_Down); // Tuesday
        QTest::keyClick(&grid, Qt::Key_Space); // clear Tuesday 00:00-00:15
        QCOMPARE(grid.windows()[1], QStringList {QStringLiteral("00:15-24:00")});
    }

    void aBrokenWindowIsRefused()
    {
        ScheduleGrid grid;
        std::array<QStringList, 7> windows;
        windows[0] << QStringLiteral("25:00-26:00");
        QVERIFY(!grid.setWindows(windows));
    }
};

QTEST_MAIN(ScheduleGridTest)
#include "test_ui_schedulegrid.moc"
