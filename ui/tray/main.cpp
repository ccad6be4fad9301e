// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-tray: the child's view. A tray icon showing the time left (drawn), a window that also
// works without a tray, desktop notifications for warnings, and the time's-up screen.
// --screenshot DIR renders every view to PNG files (ui/tray/screenshots.h).
#include <iostream>

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QDesktopServices>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QTranslator>

#include "ui/tray/childwindow.h"
#include "ui/tray/desktopnotifier.h"
#include "ui/tray/remainingicon.h"
#include "ui/tray/screenshots.h"
#include "ui/tray/serviceconnection.h"
#include "ui/tray/timeupscreen.h"

using namespace sundial::ui;
using namespace std::chrono;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sundial-tray"));
    QApplication::setQuitOnLastWindowClosed(false);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows the child's screen time and the help line."));
    parser.addHelpOption();
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("Use the try-out service on the session bus."));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("Language (default: the system's)."), QStringLiteral("code"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render every view into DIR as PNG and exit."), QStringLiteral("dir"));
    const QCommandLineOption sample(
        QStringLiteral("sample"), QStringLiteral("With --screenshot: use sample data, not the service."));
    const QCommandLineOption login(
        QStringLiteral("login"), QStringLiteral("Started at login: show the window for a few seconds."));
    parser.addOptions({user, language, screenshot, sample, login});
    parser.process(app);

    QTranslator translator;
    const QString code = parser.isSet(language) ? parser.value(language) : QLocale::system().name();
    QLocale::setDefault(QLocale(code)); // weekday names and the like follow the language too
    if (translator.load(QLocale(code), QStringLiteral("sundial"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    const QDBusConnection bus = parser.isSet(user) ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    ServiceConnection service(bus);
    if (parser.isSet(screenshot)) {
        if (parser.isSet(sample)) {
            return writeScreenshots(parser.value(screenshot), {}, false);
        }
        QObject::connect(&service, &ServiceConnection::statusChanged, &app, [&](const ChildStatus &status) {
            QApplication::exit(writeScreenshots(parser.value(screenshot), status, true));
        });
        QObject::connect(&service, &ServiceConnection::unreachable, &app, [](const QString &message) {
            std::cerr << "sundial-tray: " << message.toStdString() << "\n";
            QApplication::exit(1);
        });
        service.refresh();
        return QApplication::exec();
    }

    ChildWindow window;
    TimeUpScreen timeUp;
    DesktopNotifier notifier(QDBusConnection::sessionBus());
    ChildStatus current;
    QSystemTrayIcon tray;
    QMenu menu;
    menu.addAction(QApplication::translate("Tray", "Show my screen time"), &window, &QWidget::show);
    tray.setContextMenu(&menu);
    QObject::connect(
        &tray, &QSystemTrayIcon::activated, &window, [&window] { window.setVisible(!window.isVisible()); });
    QObject::connect(&service, &ServiceConnection::statusChanged, &app, [&](const ChildStatus &status) {
        if (!status.limited && parser.isSet(login)) {
            // Started at login for every account: a parent's session needs no child's view.
            std::cerr << "sundial-tray: this account is not limited; nothing to show" << std::endl;
            QApplication::quit();
            return;
        }
        current = status;
        window.setStatus(status);
        const seconds budget = status.remaining ? status.used + *status.remaining : seconds {0};
        tray.setIcon(remainingIcon(status, budget));
        tray.setToolTip(status.localizedReason());
        if (!status.outOfTime()) {
            timeUp.hide();
        } else if (timeUp.isVisible() || status.downtime) {
            timeUp.setStatus(status, status.localizedReason());
        }
    });
    // Each event is also logged (the session's journal), which is how tests see what was shown.
    QObject::connect(&service, &ServiceConnection::warning, &app, [&](qint64 left, const QString &reason) {
        // In the child's language, from the parts, and what will happen at zero.
        const QString said = current.localizedReason() + QLatin1Char(' ') + current.localizedTimeUpAction();
        notifier.warn(left, said);
        tray.showMessage(QStringLiteral("Sundial"), said);
        std::cerr << "sundial-tray: warning shown, " << left << " s left: " << reason.toStdString() << std::endl;
    });
    QObject::connect(&service, &ServiceConnection::timesUp, &app, [&](qint64 grace, const QString &reason) {
        // The service's status (sent just before) has the reason in parts, for the child's language.
        timeUp.start(current, current.localizedReason(), seconds {grace});
        std::cerr << "sundial-tray: time's-up screen shown, " << current.lockoutAction.toStdString() << " in " << grace
                  << " s, " << current.offeredApps.size() << " apps offered: " << reason.toStdString() << std::endl;
    });
    // The window and the time's-up screen say where a request is: a lock keeps the screen above the window.
    const auto showRequestState = [&](const QString &state, int minutes) {
        window.setRequestState(state, minutes);
        timeUp.setRequestState(state, minutes);
    };
    QObject::connect(&service, &ServiceConnection::requestAnswered, &app, [&](qint64 id, uint minutes) {
        showRequestState(minutes > 0 ? QStringLiteral("approved") : QStringLiteral("denied"), int(minutes));
        window.show();
        std::cerr << "sundial-tray: request " << id << (minutes > 0 ? " approved: " : " denied") << minutes
                  << " min, shown in the window" << std::endl;
    });
    QObject::connect(&service, &ServiceConnection::requestFailed, &window,
        [&](const QString &message) { showRequestState(message, 0); });
    QObject::connect(&window, &ChildWindow::askForMoreTime, &service, &ServiceConnection::requestMoreTime);
    QObject::connect(&window, &ChildWindow::approveOnTheSpot, &service, &ServiceConnection::approveOnTheSpot);
    QObject::connect(&service, &ServiceConnection::approved, &window,
        [&](int minutes) { showRequestState(QStringLiteral("approved"), minutes); });
    QObject::connect(&timeUp, &TimeUpScreen::askForMoreTime, &app, [&](int minutes, const QString &reason) {
        service.requestMoreTime(minutes, reason);
        showRequestState(QStringLiteral("pending"), 0);
    });
    const auto openHelpLinePage = [&](const QUrl &url) {
        // The service first, so that downtime leaves the browser open.
        service.openHelpLine([url, &timeUp] {
            const bool opened = QDesktopServices::openUrl(url);
            timeUp.lower(); // the page opens in front
            std::cerr << "sundial-tray: help line page " << (opened ? "opened: " : "could not be opened: ")
                      << url.toString().toStdString() << std::endl;
        });
    };
    QObject::connect(&timeUp, &TimeUpScreen::helpLinePageRequested, &app, openHelpLinePage);
    QObject::connect(&window, &ChildWindow::helpLinePageRequested, &app, openHelpLinePage);
    QObject::connect(&timeUp, &TimeUpScreen::appStarted, &app, [](const QString &id, bool started) {
        std::cerr << "sundial-tray: " << (started ? "started " : "could not start ") << id.toStdString() << std::endl;
    });
    service.refresh();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray.show();
        std::cerr << "sundial-tray: in the system tray" << std::endl;
        if (parser.isSet(login)) {
            // At login the window shows itself for a few seconds, then stays a click away.
            window.show();
            QTimer::singleShot(std::chrono::seconds {8}, &window, &QWidget::hide);
        }
    } else {
        window.show(); // no tray on this desktop: the window is the way in
        std::cerr << "sundial-tray: no system tray here: showing the window" << std::endl;
    }
    return QApplication::exec();
}
