// SPDX-License-Identifier: GPL-3.0-or-later
// sundiald: counts, decides and enforces. As a system service it runs as root on the system
// bus with its state in /var/lib/sundial; with --user it runs unprivileged on the session bus,
// limiting the user who runs it (the try-out mode).
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/signalfd.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>

#include "adminadaptor.h"
#include "agent/core/helplinetable.h"
#include "agent/daemon/agentobject.h"
#include "agent/daemon/callerauthority.h"
#include "agent/daemon/claimchecker.h"
#include "agent/daemon/reporterverifier.h"
#include "agent/daemon/service.h"
#include "agent/platform/knownbrowsers.h"
#include "agent/platform/machinecountry.h"
#include "agent/platform/smallfile.h"
#include "agent/platform/systemtimezone.h"
#include "childadaptor.h"
#include "sessionadaptor.h"

namespace
{

using namespace sundial;

QString defaultUserStateDir()
{
    const QByteArray state = qgetenv("XDG_STATE_HOME");
    return (state.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/state") : QString::fromLocal8Bit(state))
        + QStringLiteral("/sundial");
}

// One line on standard error (the journal), with the program's name. Plain stdio: the service
// links no iostreams (see agent/platform/smallfile.h).
void say(const std::string &text)
{
    std::fputs(("sundiald: " + text + "\n").c_str(), stderr);
}

// The help line a child sees when the parent named none: the shipped table's line for this
// computer's country (platform::machineCountry), else the international one. `chosen` (from
// --help-lines) replaces the default places: the installed table, then the source tree's (a
// build run from the tree).
core::HelpLine defaultHelpLine(const QString &chosen)
{
    const std::vector<std::string> places = chosen.isEmpty()
        ? std::vector<std::string> {SUNDIAL_HELPLINES_PATH, SUNDIAL_SOURCE_HELPLINES_PATH}
        : std::vector<std::string> {chosen.toStdString()};
    for (const std::string &path : places) {
        const std::optional<std::string> text = platform::readFilePrefix(path, 1024 * 1024);
        if (!text) {
            continue;
        }
        if (const core::Result<core::HelpLineTable> table = core::HelpLineTable::fromJson(*text)) {
            const std::string country = platform::machineCountry();
            const core::HelpLine line = table->lineFor(country);
            say("help line for children whose rules name none: " + line.name + " (country "
                + (country.empty() ? std::string {"unknown"} : country) + ", from " + path + ")");
            return line;
        } else {
            say("warning: " + path + ": " + table.error().describe());
        }
    }
    say("warning: no table of help lines; children whose rules name none see the international one");
    return core::HelpLineTable::builtInInternational();
}

// `path` with symbolic links resolved, as /proc/PID/exe names a running file; as given when it
// does not exist (then no process can run it, and a warning says so).
std::string canonicalPath(const QString &path)
{
    char resolved[PATH_MAX];
    if (::realpath(path.toLocal8Bit().constData(), resolved)) {
        return resolved;
    }
    say("warning: trusted reporter " + path.toStdString() + " does not exist");
    return path.toStdString();
}

// The programs whose reports are believed: each given path, or else the installed one
// (`installed`), and in try-out mode also the one built beside this sundiald (`built`, relative
// to build/agent/daemon/: "../session/sundial-session").
std::vector<std::string> trustedPrograms(
    const QStringList &given, const QString &installed, const QString &built, bool userMode)
{
    QStringList paths = given;
    if (paths.isEmpty()) {
        paths << installed;
        const QString beside = QCoreApplication::applicationDirPath() + QLatin1Char('/') + built;
        if (userMode && QFileInfo::exists(beside)) {
            paths << beside;
        }
    }
    std::vector<std::string> canonical;
    for (const QString &path : std::as_const(paths)) {
        canonical.push_back(canonicalPath(path));
    }
    return canonical;
}

// The browsers that may start the browser host: each --trusted-browser, or else the known
// browsers installed here (platform::installedBrowserPrograms).
std::vector<std::string> trustedBrowsers(const QStringList &given)
{
    if (given.isEmpty()) {
        return platform::installedBrowserPrograms();
    }
    std::vector<std::string> canonical;
    for (const QString &path : given) {
        canonical.push_back(canonicalPath(path));
    }
    return canonical;
}

// Quits the event loop on SIGTERM or SIGINT, so everything counted is written first.
void quitOnSignals(QCoreApplication &app)
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    sigprocmask(SIG_BLOCK, &stopSignals, nullptr);
    const int fd = signalfd(-1, &stopSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [fd, &app] {
        signalfd_siginfo info {};
        if (::read(fd, &info, sizeof info) > 0) {
            app.quit();
        }
    });
}

int run(int argc, char **argv)
{
    // Qt's own event dispatcher: the GLib one brings more code into memory and nothing we use.
    qputenv("QT_NO_GLIB", "1");
    platform::SystemTimeZone::fixZoneVariable(); // before any thread: see SystemTimeZone::reload
    QCoreApplication app(argc, argv);
    // Before any thread exists (QtDBus starts one), so every thread has them blocked.
    quitOnSignals(app);
    QCoreApplication::setApplicationName(QStringLiteral("sundiald"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUNDIAL_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sundial's service: counts screen time, decides and enforces."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption user(QStringLiteral("user"),
        QStringLiteral("Try-out mode: run unprivileged on the session bus and limit "
                       "the user running it."));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("State directory."), QStringLiteral("dir"));
    const QCommandLineOption flush(QStringLiteral("flush-interval"),
        QStringLiteral("Seconds between writes while time counts (default 10)."), QStringLiteral("seconds"),
        QStringLiteral("10"));
    const QCommandLineOption helperTimeout(QStringLiteral("helper-timeout"),
        QStringLiteral("Seconds without a helper report before time counts as "
                       "unknown app (default 90)."),
        QStringLiteral("seconds"), QStringLiteral("90"));
    const QCommandLineOption uncheckedLogins(QStringLiteral("unchecked-logins"),
        QStringLiteral("File where sundial-login-check records logins it allowed while the service was "
                       "away (default /run/sundial/unchecked-logins)."),
        QStringLiteral("path"));
    const QCommandLineOption trustedReporter(QStringLiteral("trusted-reporter"),
        QStringLiteral("An executable whose Session.Heartbeat reports are believed (repeatable; replaces the "
                       "default, " SUNDIAL_SESSION_PATH ")."),
        QStringLiteral("path"));
    const QCommandLineOption trustedBrowserHost(QStringLiteral("trusted-browser-host"),
        QStringLiteral("An executable whose Session.SiteReport reports are believed when a browser started it "
                       "(repeatable; replaces the default, " SUNDIAL_BROWSER_HOST_PATH ")."),
        QStringLiteral("path"));
    const QCommandLineOption trustedBrowser(QStringLiteral("trusted-browser"),
        QStringLiteral("A browser's executable that may start the browser host (repeatable; replaces the "
                       "default: Chromium, Firefox, Chrome, Brave, Edge and Vivaldi where installed)."),
        QStringLiteral("path"));
    const QCommandLineOption browserPolicies(QStringLiteral("browser-policies"),
        QStringLiteral("The root under which the browsers' machine-wide policies are kept: "
                       "etc/chromium/policies/managed and etc/firefox/policies (default /; none in try-out "
                       "mode; \"off\": not kept)."),
        QStringLiteral("dir"));
    const QCommandLineOption noClaimChecks(QStringLiteral("no-claim-checks"),
        QStringLiteral("Believe a trusted reporter without cross-checking its claims (for tests that post "
                       "made-up reports; never in a real installation)."));
    const QCommandLineOption maxNewNames(QStringLiteral("max-new-names-per-hour"),
        QStringLiteral("New app, site and title names a child's reports may add per hour; past it they count "
                       "as unknown app (default 300)."),
        QStringLiteral("count"), QStringLiteral("300"));
    const QCommandLineOption helpLines(QStringLiteral("help-lines"),
        QStringLiteral("The table of national help lines: a child whose rules name no help line sees the line "
                       "for this computer's country (default " SUNDIAL_HELPLINES_PATH ")."),
        QStringLiteral("path"));
    parser.addOptions({user, state, flush, helperTimeout, uncheckedLogins, trustedReporter, trustedBrowserHost,
        trustedBrowser, browserPolicies, noClaimChecks, maxNewNames, helpLines});
    parser.process(app);

    const bool userMode = parser.isSet(user);
    daemon::ServiceOptions options;
    options.stateDir = parser.isSet(state) ? parser.value(state)
                                           : (userMode ? defaultUserStateDir() : QStringLiteral("/var/lib/sundial"));
    if (parser.isSet(uncheckedLogins)) {
        options.uncheckedLoginsPath = parser.value(uncheckedLogins);
    }
    if (userMode) {
        options.selfLimited = static_cast<uint>(getuid());
    }
    const int flushSeconds = parser.value(flush).toInt();
    const int helperSeconds = parser.value(helperTimeout).toInt();
    if (flushSeconds < 1 || flushSeconds > 60 || helperSeconds < 5 || helperSeconds > 3600) {
        say("--flush-interval takes 1..60 seconds, --helper-timeout 5..3600");
        return 2;
    }
    options.supervisor.flushInterval = std::chrono::seconds {flushSeconds};
    options.supervisor.pulse = std::chrono::seconds {flushSeconds + 5};
    options.supervisor.helperTimeout = std::chrono::seconds {helperSeconds};
    const int newNames = parser.value(maxNewNames).toInt();
    if (newNames < 1 || newNames > 100'000) {
        say("--max-new-names-per-hour takes 1..100000");
        return 2;
    }
    options.supervisor.maxNewNamesPerHour = static_cast<std::size_t>(newNames);
    options.supervisor.defaultHelpLine = defaultHelpLine(parser.value(helpLines));
    options.supervisor.applicationDirs = platform::DesktopEntries::systemApplicationDirs(std::getenv("XDG_DATA_DIRS"));
    options.supervisor.browserPrograms = trustedBrowsers(parser.values(trustedBrowser));
    const QString policyRoot = parser.isSet(browserPolicies) ? parser.value(browserPolicies)
        : userMode                                           ? QStringLiteral("off")
                                                             : QStringLiteral("/");
    if (policyRoot != QLatin1String("off")) {
        const std::string root = QDir(policyRoot).absolutePath().toStdString();
        const std::string prefix = root == "/" ? std::string {} : root;
        options.browserPolicies = platform::BrowserPolicyPaths {
            prefix + "/etc/chromium/policies/managed", prefix + "/etc/firefox/policies/policies.json"};
    }

    QDBusConnection bus = userMode ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        say(std::string {"cannot connect to the "} + (userMode ? "session" : "system")
            + " bus: " + bus.lastError().message().toStdString());
        return 1;
    }
    daemon::Service service(options, QDBusConnection::systemBus());
    if (core::Status started = service.start(); !started) {
        say(started.error().describe());
        return 1;
    }
    daemon::CallerAuthority authority(bus, options.selfLimited);
    daemon::ReporterSettings reporterSettings;
    reporterSettings.trustedPaths = trustedPrograms(parser.values(trustedReporter),
        QStringLiteral(SUNDIAL_SESSION_PATH), QStringLiteral("../session/sundial-session"), userMode);
    reporterSettings.checkClaims = !parser.isSet(noClaimChecks);
    if (userMode) {
        reporterSettings.ownerUid = getuid();
    }
    daemon::ReporterVerifier reporters(bus, QDBusConnection::systemBus(), reporterSettings);
    daemon::ReporterSettings browserHostSettings = reporterSettings;
    browserHostSettings.trustedPaths = trustedPrograms(parser.values(trustedBrowserHost),
        QStringLiteral(SUNDIAL_BROWSER_HOST_PATH), QStringLiteral("../browser/sundial-browser-host"), userMode);
    browserHostSettings.trustedParents = options.supervisor.browserPrograms;
    // A browser host has no display to vouch for: it reports sites, never idle.
    browserHostSettings.checkClaims = false;
    daemon::ReporterVerifier browserHosts(bus, QDBusConnection::systemBus(), browserHostSettings);
    daemon::ClaimChecker claims(
        reporterSettings.checkClaims, platform::DesktopEntries::systemApplicationDirs(std::getenv("XDG_DATA_DIRS")));
    daemon::AgentObject agent(service, authority, reporters, browserHosts, claims);
    new ChildAdaptor(&agent);
    new SessionAdaptor(&agent);
    new AdminAdaptor(&agent);
    if (!bus.registerObject(QString::fromLatin1(daemon::AgentObject::kPath), &agent)) {
        say(std::string {"cannot register "} + daemon::AgentObject::kPath);
        return 1;
    }
    if (!bus.registerService(QString::fromLatin1(daemon::AgentObject::kServiceName))) {
        say(std::string {"cannot own "} + daemon::AgentObject::kServiceName + ": "
            + bus.lastError().message().toStdString() + " (is another sundiald running?)");
        return 1;
    }
    say(std::string {"ready ("} + (userMode ? "try-out mode, session bus" : "system bus") + ", state in "
        + options.stateDir.toStdString() + ")");
    const int code = QCoreApplication::exec();
    say(service.flushAll() ? "stopped; everything counted is written"
                           : "stopped; what was counted since the database failed is lost");
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception &error) {
        say(std::string {"unexpected error: "} + error.what());
        return 1;
    }
}
