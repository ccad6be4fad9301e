// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/screenshots.h"

#include <iostream>

#include <QAbstractButton>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>

#include "ui/tray/childwindow.h"
#include "ui/tray/remainingicon.h"
#include "ui/tray/staysafebox.h"
#include "ui/tray/timeupscreen.h"

namespace sundial::ui
{

namespace
{

using namespace std::chrono;

ChildStatus sampleStatus(minutes left)
{
    ChildStatus status;
    status.limited = true;
    status.verdict = left <= minutes {0} ? QStringLiteral("out-of-time")
        : left <= minutes {15}           ? QStringLiteral("warning")
                                         : QStringLiteral("allowed");
    status.reason = left <= minutes {0} ? QStringLiteral("Saturday's 2 h are used up")
                                        : QStringLiteral("%1 min of Saturday's 2 h left").arg(left.count());
    status.used = minutes {120} - left;
    status.reasonKind = left <= minutes {0} ? QStringLiteral("day-budget-used-up") : QStringLiteral("day-budget-left");
    status.reasonBudget = hours {2};
    status.reasonRemaining = std::max(left, minutes {0});
    status.reasonWeekday = 6; // Saturday
    status.remaining = std::max(left, minutes {0});
    status.allowedUntil = QDateTime::currentSecsSinceEpoch() + left.count() * 60;
    status.budgets = {{QStringLiteral("Game"), QStringLiteral("category"), hours {1}, minutes {20}}};
    status.recorded = QStringLiteral("Sundial records which apps you use and when, which web sites you visit (only "
                                     "the site's name). Details are kept 30 days, daily totals 365 days. Sundial "
                                     "never records what you type and never takes screenshots.");
    status.helpLineName = QStringLiteral("Tổng đài điện thoại quốc gia bảo vệ trẻ em");
    status.helpLineNote = QStringLiteral("Miễn phí, cả ngày lẫn đêm");
    status.helpLinePhone = QStringLiteral("111");
    status.helpLineUrl = QStringLiteral("https://tongdai111.vn");
    return status;
}

// Every text a widget shows, by object name, for tests to check what is on screen.
QJsonObject textsOf(QWidget *root)
{
    QJsonObject texts;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->objectName().isEmpty()) {
            texts[label->objectName()] = label->text();
        }
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->objectName().isEmpty()) {
            texts[button->objectName()] = button->text();
        }
    }
    return texts;
}

} // namespace

int writeScreenshots(const QString &dir, const ChildStatus &live, bool haveLive)
{
    QDir {}.mkpath(dir);
    QJsonObject report;
    const ChildStatus status = haveLive ? live : sampleStatus(minutes {45});
    ChildWindow window;
    window.setStatus(status);
    window.setRequestState(QStringLiteral("pending"));
    window.resize(window.sizeHint());
    window.grab().save(dir + QStringLiteral("/child-window.png"));
    report[QStringLiteral("childWindow")] = textsOf(&window);
    // The safety tips start closed: shown open too, to see how they wrap in each language.
    window.findChild<StaySafeBox *>()->setExpanded(true);
    window.resize(window.sizeHint());
    window.grab().save(dir + QStringLiteral("/child-window-stay-safe.png"));
    for (const int left : {90, 14, 1, 0}) {
        renderRemainingIcon(sampleStatus(minutes {left}), 64, hours {2})
            .save(dir + QStringLiteral("/tray-%1min.png").arg(left));
    }
    TimeUpScreen screen;
    screen.start(sampleStatus(minutes {0}), sampleStatus(minutes {0}).localizedReason(), seconds {60});
    screen.setRequestState(QStringLiteral("pending")); // asked from the screen: said on the screen
    screen.resize(1024, 768);
    screen.grab().save(dir + QStringLiteral("/time-up.png"));
    report[QStringLiteral("timeUpScreen")] = textsOf(&screen);

    // Downtime: two always-allowed apps offered, after the countdown.
    ChildStatus downtime = sampleStatus(minutes {0});
    downtime.lockoutAction = QStringLiteral("downtime");
    downtime.downtime = true;
    downtime.offeredApps = {{QStringLiteral("org.kde.kalzium"), QStringLiteral("Kalzium"), QStringLiteral("kalzium"),
                                {QStringLiteral("kalzium")}},
        {QStringLiteral("org.gnome.Dictionary"), QStringLiteral("Dictionary"), QStringLiteral("accessories-dictionary"),
            {QStringLiteral("gnome-dictionary")}}};
    TimeUpScreen downtimeScreen;
    downtimeScreen.setStatus(downtime, downtime.localizedReason());
    downtimeScreen.resize(1024, 768);
    downtimeScreen.grab().save(dir + QStringLiteral("/time-up-downtime.png"));
    report[QStringLiteral("downtimeScreen")] = textsOf(&downtimeScreen);
    std::cout << QJsonDocument(report).toJson(QJsonDocument::Compact).toStdString() << "\n";
    return 0;
}

} // namespace sundial::ui
