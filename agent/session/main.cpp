// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-session: runs in the child's graphical session and reports the focused app, its
// title (only when the rules record titles), idle state and media playback to sundiald. The
// service counts time whether or not this runs; this only says what the time was spent on.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include <sys/prctl.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusError>
#include <QDir>
#include <QFileInfo>

#include "agent/session/crashrestarter.h"
#include "agent/session/heartbeatreporter.h"
#include "agent/session/mediawatcher.h"
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

// The child's session bus, where media players are, or nullopt with `why` set. Without
// DBUS_SESSION_BUS_ADDRESS or a user bus socket libdbus would autolaunch a bus of its own,
// which no player would be on; so that case counts as no session bus.
std::optional<QDBusConnection> sessionBus(std::string &why)
{
    const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
    if (qgetenv("DBUS_SESSION_BUS_ADDRESS").isEmpty()
        && (runtimeDir.isEmpty()
            || !QFileInfo(QDir(QString::fromLocal8Bit(runtimeDir)).filePath(QStringLiteral("bus"))).exists())) {
        why = "DBUS_SESSION_BUS_ADDRESS is not set";
        return std::nullopt;
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        why = bus.lastError().message().toStdString();
        return std::nullopt;
    }
    return bus;
}

} // namespace

int runHelper(int argc, char **argv)
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
        // Read before Qt starts (see main); listed here so --help shows them.
        const QCommandLineOption noRestart(QStringLiteral("no-restart"),
            QStringLiteral("Do not start the helper again when it is killed or crashes."));
        const QCommandLineOption restartDelay(QStringLiteral("restart-delay"),
            QStringLiteral("Seconds before the first restart (default 1)."), QStringLiteral("seconds"),
            QStringLiteral("1"));
        parser.addOptions({user, keepAlive, noRestart, restartDelay});
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
        std::unique_ptr<session::MediaWatcher> media; // outlives the reporter, which reads it
        if (const std::optional<QDBusConnection> playersBus = sessionBus(why)) {
            media = std::make_unique<session::MediaWatcher>(*playersBus);
        } else {
            std::cerr << "sundial-session: no session bus (" << why << "): media playback is not reported\n";
        }
        session::HeartbeatReporter reporter(*probe, bus, std::chrono::seconds {keepAliveSeconds});
        if (media) {
            reporter.reportMedia(*media);
            media->start();
        }
        reporter.start();
        return QCoreApplication::exec();
    } catch (const std::exception &error) {
        std::cerr << "sundial-session: unexpected error: " << error.what() << "\n";
        return 1;
    }
}

int main(int argc, char **argv)
{
    // First, before any thread: the child (whose uid this runs as) may then neither ptrace this
    // process nor read its memory or /proc files, so once the service has checked the helper
    // nobody can change what it reports from inside. Inherited across fork (the restarter's
    // worker); an exec of another program resets it.
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        std::perror("sundial-session: prctl(PR_SET_DUMPABLE)");
    }
    // The restarter forks before Qt (or any thread) exists.
    bool restart = true;
    long delay = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-restart" || arg == "--help" || arg == "-h") {
            restart = false;
        } else if (arg == "--restart-delay" && i + 1 < argc) {
            delay = std::strtol(argv[i + 1], nullptr, 10);
        }
    }
    if (delay < 0 || delay > 600) {
        std::cerr << "sundial-session: --restart-delay takes 0..600 seconds\n";
        return 2;
    }
    if (!restart) {
        return runHelper(argc, argv);
    }
    session::CrashRestarter restarter {std::chrono::seconds {delay}};
    return restarter.run([argc, argv] { return runHelper(argc, argv); });
}
