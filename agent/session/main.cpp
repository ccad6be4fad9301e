// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-session: runs in the child's graphical session and reports the focused app, its
// title (only when the rules record titles) and idle state to sundiald. The service counts
// time whether or not this runs; this only says what the time was spent on.
#include <iostream>
#include <memory>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "agent/session/heartbeatreporter.h"
#include "agent/session/x11focusprobe.h"

namespace
{

using namespace sundial;

// The probe for this desktop, or nullptr with `why` set.
std::unique_ptr<session::FocusProbe> probeForDesktop(std::string &why)
{
    const QByteArray type = qgetenv("XDG_SESSION_TYPE");
    const QByteArray desktop = qgetenv("XDG_CURRENT_DESKTOP");
    if (type == "x11" || (type.isEmpty() && !qgetenv("DISPLAY").isEmpty())) {
        auto probe = std::make_unique<session::X11FocusProbe>();
        if (!probe->isConnected()) {
            why = "cannot connect to the X display " + qgetenv("DISPLAY").toStdString();
            return nullptr;
        }
        return probe;
    }
    why = "no probe for this desktop yet (session type \"" + type.toStdString() + "\", desktop \""
        + desktop.toStdString() + "\"): the service still counts the time, as \"unknown app\"";
    return nullptr;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        qputenv("QT_NO_GLIB", "1");
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("sundial-session"));
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral("Reports the child's focused app and idle time to Sundial."));
        parser.addHelpOption();
        const QCommandLineOption user(QStringLiteral("user"),
            QStringLiteral("Report to the try-out service on the "
                           "session bus."));
        const QCommandLineOption keepAlive(QStringLiteral("keep-alive"),
            QStringLiteral("Seconds between reports when nothing changes (default 30)."), QStringLiteral("seconds"),
            QStringLiteral("30"));
        parser.addOptions({user, keepAlive});
        parser.process(app);
        const int keepAliveSeconds = parser.value(keepAlive).toInt();
        if (keepAliveSeconds < 1 || keepAliveSeconds > 300) {
            std::cerr << "sundial-session: --keep-alive takes 1..300 seconds\n";
            return 2;
        }
        std::string why;
        std::unique_ptr<session::FocusProbe> probe = probeForDesktop(why);
        if (!probe) {
            std::cerr << "sundial-session: " << why << "\n";
            return 3;
        }
        const QDBusConnection bus = parser.isSet(user) ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
        session::HeartbeatReporter reporter(*probe, bus, std::chrono::seconds {keepAliveSeconds});
        reporter.start();
        return QCoreApplication::exec();
    } catch (const std::exception &error) {
        std::cerr << "sundial-session: unexpected error: " << error.what() << "\n";
        return 1;
    }
}
