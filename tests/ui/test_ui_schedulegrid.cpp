// SPDX-License-Identifier: GPL-3.0-or-later
// The console's schedule grid, driven with real mouse and key events (offscreen platform).
#include <QSignalSpy>
#include <QtTest>

#include "ui/console/schedulegrid.h"

using sundial::ui::ScheduleGrid;

class ScheduleGridTest : public QObject
{
    Q_OBJECT

private:
    // The centre of the cell for `day` (0 = Monday) at `hour`:`minute`.
    static QPoint cell(const ScheduleGrid &grid, int day, int hour, int minute)
    {
        const double left = 90;
        const double top = 24;
        const double width = (grid.width() - left - 1) / 96.0;
        const double height = (grid.height() - top - 1) / 7.0;
        const int slot = hour * 4 + minute / 15;
        return QPoint(int(left + (slot + 0.5) * width), int(top + (day + 0.5) * height));
    }

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
        QTest::mouseClick(&grid, Qt::LeftButton, {}, cell(grid, 0, 0, 0));
        QVERIFY(grid.dayBlocked(0));
        QSignalSpy edited(&grid, &ScheduleGrid::edited);
        QTest::mousePress(&grid, Qt::LeftButton, {}, cell(grid, 0, 15, 0));
        for (int minutes = 15 * 60; minutes < 20 * 60 + 30; minutes += 15) {
            QMouseEvent move(QEvent::MouseMove, cell(grid, 0, minutes / 60, minutes % 60),
                grid.mapToGlobal(cell(grid, 0, minutes / 60, minutes % 60)), Qt::NoButton, Qt::LeftButton,
                Qt::NoModifier);
            QApplication::sendEvent(&grid, &move);
        }
        QTest::mouseRelease(&grid, Qt::LeftButton, {}, cell(grid, 0, 20, 15));
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
