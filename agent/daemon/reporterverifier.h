// SPDX-License-Identifier: GPL-3.0-or-later
// ReporterVerifier: whether the sender of a Session.Heartbeat is one of Sundial's own reporters
// (the session helper; later the browser's native-messaging host), decided once per bus
// connection and cached until the connection's unique name leaves the bus (NameOwnerChanged), as
// CallerAuthority caches uids. A heartbeat costs a hash lookup and one poll() of a pidfd; /proc
// is read and the bus asked only for a connection's first report.
//
// A sender is trusted when all of these hold for the process the bus daemon names for its
// connection (GetConnectionUnixProcessID; a pidfd is opened at once, the facts read, and the bus
// asked again, so a process that exits and has its pid recycled meanwhile is not trusted):
//   - /proc/PID/exe is one of the trusted paths and is the very file there now (same device and
//     inode), or that file replaced by an upgrade (" (deleted)", no links left);
//   - that file is owned by root (try-out mode: or by the service's own user) and writable by
//     neither group nor others;
//   - every file mapped executable (/proc/PID/maps: the libraries) is such a file at its path:
//     nothing loaded from where the child can write, even if it scrubbed its environment;
//   - its initial environment has no LD_PRELOAD, LD_LIBRARY_PATH or LD_AUDIT;
//   - it is not traced (TracerPid 0), and all its uids are the caller's;
//   - later reports: the process is still alive (its pidfd), or the connection is now someone
//     else's (a forked child keeping the socket) and is refused from then on.
// With claim checks on it also compares, once per connection, the reporter's DISPLAY with the
// Display logind gives the child's sessions: a helper watching another X server (one the child
// started, where nobody types) cannot vouch for idle. When logind names no display for any of the
// child's sessions there is nothing to compare and the display is taken as confirmed.
//
// What this does not catch: the bus daemon names the process that opened the connection. A
// process that opens a connection, forks, and then execs a trusted reporter while its fork keeps
// writing on the inherited socket passes (dbus 1.14 has no ProcessFD; even with one, exec keeps
// the process). Closing that needs the reporter to prove it holds its connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QObject>
#include <QString>

#include "agent/platform/processfacts.h"

namespace sundial::daemon
{

struct ReporterSettings {
    std::vector<std::string> trustedPaths; // absolute, canonical
    // Try-out mode: files owned by this uid (the service's own user, who builds Sundial) are
    // trusted as root's are.
    std::optional<uid_t> ownerUid;
    // Off only for tests that post made-up reports (sundiald --no-claim-checks).
    bool checkClaims = true;
    // When not empty (the browser's native-messaging host), the reporter's parent must be one of
    // these executables (absolute, canonical: the browsers), itself a root-owned file that is the
    // file at its path (or replaced by an upgrade), running as the caller, untraced and without
    // the loader's variables: the host speaks only for a browser that started it.
    std::vector<std::string> trustedParents;
};

// What the service concluded about one sender.
struct Reporter {
    bool trusted = false;
    std::string exe; // the sender's executable as /proc shows it; empty when unknown
    std::string parentExe; // with trustedParents: the browser that started it (" (deleted)" cut)
    std::string why; // when not trusted: why, in words for the parent's audit
    // Its DISPLAY is one logind gives the child's sessions (or there is nothing to compare).
    bool displayConfirmed = true;
    std::string displayWhy; // when not confirmed
};

class ReporterVerifier : public QObject
{
    Q_OBJECT
public:
    // `bus`: where reports arrive; `logindBus`: the system bus, where logind is.
    ReporterVerifier(const QDBusConnection &bus, const QDBusConnection &logindBus, ReporterSettings settings,
        QObject *parent = nullptr);
    ~ReporterVerifier() override;

    const ReporterSettings &settings() const { return m_settings; }
    // The sender of `message`, whose uid the bus gave as `uid`. Never throws; any doubt is "not
    // trusted" with the reason.
    Reporter check(const QDBusMessage &message, uint uid);

    // Connections remembered at most: one per running reporter is the honest case. Beyond
    // this, senders are still checked, on every report, and not remembered.
    static constexpr int kMaxConnections = 256;

private slots:
    void onNameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    struct Connection {
        Reporter reporter;
        int pidfd = -1; // trusted ones: the process the verdict is about
    };
    std::optional<pid_t> senderPid(const QString &sender) const;
    // Empty when the process is one of ours; otherwise why not.
    std::string judge(const platform::ProcessFacts &facts, uint uid) const;
    // Empty when the process's parent is a trusted parent (its path in `parentExe`).
    std::string judgeParent(const platform::ProcessFacts &facts, uint uid, std::string &parentExe) const;
    // Empty when `facts` are those of a trusted file among `paths`, run as `uid` untampered.
    std::string judgeProgram(const platform::ProcessFacts &facts, uint uid, const std::vector<std::string> &paths,
        const std::string &role) const;
    bool trustedFile(uid_t owner, mode_t mode) const;
    // Checks the reporter's DISPLAY against logind's Display of the child's sessions.
    void confirmDisplay(Reporter &reporter, const std::optional<std::string> &display, uint uid) const;
    void forget(const QString &sender);

    QDBusConnection m_bus;
    QDBusConnection m_logindBus;
    ReporterSettings m_settings;
    QHash<QString, Connection> m_connections; // by unique name
};

} // namespace sundial::daemon
