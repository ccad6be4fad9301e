// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/reporterverifier.h"

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDBusVariant>

namespace sundial::daemon
{

namespace
{

const QString kLogind = QStringLiteral("org.freedesktop.login1");
constexpr std::string_view kDeleted = " (deleted)";
// logind answers at once; a hung logind must not hold the service's only thread for long.
constexpr int kLogindTimeoutMs = 1'000;

bool endsWith(const std::string &text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

ReporterVerifier::ReporterVerifier(
    const QDBusConnection &bus, const QDBusConnection &logindBus, ReporterSettings settings, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_logindBus(logindBus)
    , m_settings(std::move(settings))
{
    m_bus.connect(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"), this,
        SLOT(onNameOwnerChanged(QString, QString, QString)));
}

ReporterVerifier::~ReporterVerifier()
{
    for (const Connection &connection : std::as_const(m_connections)) {
        if (connection.pidfd >= 0) {
            ::close(connection.pidfd);
        }
    }
}

void ReporterVerifier::onNameOwnerChanged(const QString &name, const QString &, const QString &newOwner)
{
    if (newOwner.isEmpty()) {
        forget(name);
    }
}

void ReporterVerifier::forget(const QString &sender)
{
    const auto it = m_connections.find(sender);
    if (it == m_connections.end()) {
        return;
    }
    if (it->pidfd >= 0) {
        ::close(it->pidfd);
    }
    m_connections.erase(it);
}

std::optional<pid_t> ReporterVerifier::senderPid(const QString &sender) const
{
    const QDBusReply<uint> reply = m_bus.interface()->servicePid(sender);
    if (!reply.isValid() || reply.value() <= 1) {
        return std::nullopt;
    }
    return static_cast<pid_t>(reply.value());
}

Reporter ReporterVerifier::check(const QDBusMessage &message, uint uid)
{
    const QString sender = message.service();
    if (const auto cached = m_connections.find(sender); cached != m_connections.end()) {
        if (cached->reporter.trusted && !platform::pidfdAlive(cached->pidfd)) {
            // The process the bus named has exited, yet its connection still speaks: another
            // process holds the socket now.
            cached->reporter.trusted = false;
            cached->reporter.why = "its process exited and another process uses its bus connection";
            ::close(cached->pidfd);
            cached->pidfd = -1;
        }
        return cached->reporter;
    }

    Reporter reporter;
    const std::optional<pid_t> pid = senderPid(sender);
    if (!pid) {
        reporter.why = "the bus cannot tell which process sent it";
        return reporter; // not remembered: the connection may be gone, and its name with it
    }
    const int pidfd = platform::openPidfd(*pid);
    const std::optional<platform::ProcessFacts> facts = platform::readProcessFacts(*pid);
    // Asked again after the pidfd is open and /proc read: the connection is still there and
    // names the same process, which has not exited. So the facts are about that process and not
    // about a newer one that was given its pid.
    if (pidfd < 0 || !facts || senderPid(sender) != pid || !platform::pidfdAlive(pidfd)) {
        if (pidfd >= 0) {
            ::close(pidfd);
        }
        reporter.exe = facts ? facts->exe : std::string {};
        reporter.why = "its process (pid " + std::to_string(*pid) + ") exited or cannot be read while it was checked";
        return reporter;
    }
    reporter.exe = facts->exe;
    reporter.why = judge(*facts, uid);
    if (reporter.why.empty() && !m_settings.trustedParents.empty()) {
        reporter.why = judgeParent(*facts, uid, reporter.parentExe);
    }
    reporter.trusted = reporter.why.empty();
    if (reporter.trusted && m_settings.checkClaims) {
        confirmDisplay(reporter, facts->display, uid);
    }

    const bool remember = sender.startsWith(QLatin1Char(':')) && m_connections.size() < kMaxConnections;
    if (remember) {
        m_connections.insert(sender, Connection {reporter, reporter.trusted ? pidfd : -1});
    }
    if (!remember || !reporter.trusted) {
        ::close(pidfd);
    }
    return reporter;
}

bool ReporterVerifier::trustedFile(uid_t owner, mode_t mode) const
{
    const bool ownerTrusted = owner == 0 || (m_settings.ownerUid && owner == *m_settings.ownerUid);
    return ownerTrusted && S_ISREG(mode) && (mode & (S_IWGRP | S_IWOTH)) == 0;
}

std::string ReporterVerifier::judge(const platform::ProcessFacts &facts, uint uid) const
{
    return judgeProgram(facts, uid, m_settings.trustedPaths, "a trusted reporter");
}

std::string ReporterVerifier::judgeParent(const platform::ProcessFacts &facts, uint uid, std::string &parentExe) const
{
    if (facts.parentPid <= 1) {
        return "its process has no parent that started it (the browser is gone)";
    }
    const int pidfd = platform::openPidfd(facts.parentPid);
    const std::optional<platform::ProcessFacts> parent = platform::readProcessFacts(facts.parentPid);
    const bool alive = pidfd >= 0 && platform::pidfdAlive(pidfd);
    if (pidfd >= 0) {
        ::close(pidfd);
    }
    if (!parent || !alive) {
        return "its parent process (pid " + std::to_string(facts.parentPid) + ") cannot be read";
    }
    const std::string why = judgeProgram(*parent, uid, m_settings.trustedParents, "a browser");
    if (!why.empty()) {
        return "its parent is not a browser: " + why;
    }
    parentExe
        = endsWith(parent->exe, kDeleted) ? parent->exe.substr(0, parent->exe.size() - kDeleted.size()) : parent->exe;
    return {};
}

std::string ReporterVerifier::judgeProgram(
    const platform::ProcessFacts &facts, uint uid, const std::vector<std::string> &paths, const std::string &role) const
{
    // The executable: a trusted path, and the very file there now (not another file that was
    // given that name in a mount namespace of the child's), or that file replaced by an upgrade.
    const bool deleted = endsWith(facts.exe, kDeleted);
    const std::string path = deleted ? facts.exe.substr(0, facts.exe.size() - kDeleted.size()) : facts.exe;
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) {
        return "its executable " + facts.exe + " is not " + role;
    }
    if (deleted) {
        if (facts.exeLinks != 0) {
            return "its executable " + facts.exe + " was replaced and is still linked elsewhere";
        }
    } else {
        struct stat installed {
        };
        if (::stat(path.c_str(), &installed) != 0 || installed.st_dev != facts.exeDevice
            || installed.st_ino != facts.exeInode) {
            return "its executable is not the file at " + path;
        }
    }
    if (!trustedFile(facts.exeOwner, facts.exeMode)) {
        return "its executable " + path + " may be changed by a user other than root";
    }
    if (facts.realUid != uid || facts.effectiveUid != uid || facts.savedUid != uid || facts.filesystemUid != uid) {
        return "its process runs with another user's ids than the caller's";
    }
    if (facts.tracerPid != 0) {
        return "its process is traced by pid " + std::to_string(facts.tracerPid);
    }
    if (!facts.loaderVariables.empty()) {
        std::string names;
        for (const std::string &name : facts.loaderVariables) {
            names += (names.empty() ? "" : ", ") + name;
        }
        return "it was started with " + names + " set";
    }
    for (const platform::MappedFile &mapped : facts.executableMappings) {
        struct stat file {
        };
        if (endsWith(mapped.path, kDeleted) || mapped.path.empty() || mapped.path.front() != '/'
            || ::stat(mapped.path.c_str(), &file) != 0 || file.st_dev != mapped.device || file.st_ino != mapped.inode) {
            return "it runs code from " + (mapped.path.empty() ? std::string {"an unnamed file"} : mapped.path)
                + ", which is not the file at that path now";
        }
        if (!trustedFile(file.st_uid, file.st_mode)) {
            return "it runs code from " + mapped.path + ", which a user other than root may change";
        }
    }
    return {};
}

void ReporterVerifier::confirmDisplay(Reporter &reporter, const std::optional<std::string> &display, uint uid) const
{
    QDBusMessage list = QDBusMessage::createMethodCall(kLogind, QStringLiteral("/org/freedesktop/login1"),
        kLogind + QStringLiteral(".Manager"), QStringLiteral("ListSessions"));
    const QDBusMessage sessions = m_logindBus.call(list, QDBus::Block, kLogindTimeoutMs);
    if (sessions.type() != QDBusMessage::ReplyMessage || sessions.arguments().isEmpty()) {
        return; // logind cannot tell: nothing to compare with
    }
    QStringList displays;
    const QDBusArgument array = sessions.arguments().constFirst().value<QDBusArgument>();
    array.beginArray();
    while (!array.atEnd()) {
        QString id;
        uint owner = 0;
        QString user;
        QString seat;
        QDBusObjectPath path;
        array.beginStructure();
        array >> id >> owner >> user >> seat >> path;
        array.endStructure();
        if (owner != uid) {
            continue;
        }
        QDBusMessage get = QDBusMessage::createMethodCall(
            kLogind, path.path(), QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << kLogind + QStringLiteral(".Session") << QStringLiteral("Display");
        const QDBusReply<QDBusVariant> value = m_logindBus.call(get, QDBus::Block, kLogindTimeoutMs);
        if (value.isValid() && !value.value().variant().toString().isEmpty()) {
            displays << value.value().variant().toString();
        }
    }
    array.endArray();
    if (displays.isEmpty() || (display && displays.contains(QString::fromStdString(*display)))) {
        return;
    }
    reporter.displayConfirmed = false;
    reporter.displayWhy = "its DISPLAY " + (display ? "\"" + *display + "\"" : std::string {"(unset)"})
        + " is not the display of the child's session (" + displays.join(QStringLiteral(", ")).toStdString() + ")";
}

} // namespace sundial::daemon
