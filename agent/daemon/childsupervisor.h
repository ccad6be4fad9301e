// SPDX-License-Identifier: GPL-3.0-or-later
// ChildSupervisor: counts, decides and enforces for one limited child.
//
// Time counts while one of the child's graphical sessions is active and unlocked, whether or
// not the child's helper reports: without a fresh helper report it is charged as "unknown app"
// and a "helper-missing" tamper event is recorded once per episode. Decisions are redone on
// every event (heartbeat, session change, rule or grant change, clock event) and at the
// decision's next-change moment; there is no fixed-rate poll. While time counts, a slow tick
// (the flush interval) extends the open interval and writes it, so a power cut loses at most
// that much.
#pragma once

#include <memory>
#include <optional>

#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/core/decision.h"
#include "agent/core/grantstore.h"
#include "agent/daemon/trustedclock.h"
#include "agent/platform/logindmonitor.h"

namespace sundial::daemon
{

struct SupervisorSettings {
    std::chrono::seconds flushInterval {10};
    std::chrono::seconds helperTimeout {90}; // a helper sends a keep-alive at least this often
    std::chrono::seconds pulse {15}; // longer than flushInterval
    std::chrono::seconds appCloseGrace {5}; // SIGTERM to SIGKILL for a blocked app
};

class ChildSupervisor : public QObject
{
    Q_OBJECT
public:
    ChildSupervisor(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store, core::GrantStore &grants,
        core::AuditLog &audit, TrustedClock &clock, platform::LogindMonitor &logind, SupervisorSettings settings,
        QObject *parent = nullptr);
    ~ChildSupervisor() override;

    std::int64_t uid() const { return m_uid; }
    const core::Rules &rules() const { return m_rules; }
    void setRules(const core::Rules &rules);

    // A report from the child's helper (already validated). Returns the use verdict key for
    // the reported app ("allowed", "blocked", ...).
    QString report(core::Heartbeat heartbeat);
    // Something outside changed (sessions, grants, clock): recount and decide again.
    void update();
    QVariantMap status();
    // Writes what was counted; called on the tick and at shutdown.
    void flush();
    // Before a report is read: writes what was counted and is not yet written, and nothing
    // (no synced commit) when everything is already on disk.
    void flushUnwritten();

signals:
    void statusChanged(uint uid, const QVariantMap &status);
    void warning(uint uid, qint64 secondsLeft, const QString &reason);
    void timesUp(uint uid, qint64 graceSeconds, const QString &reason);

private:
    enum class Lockout { None, Grace, Locking, Locked };

    bool sessionCounts() const;
    bool childActive() const;
    core::Heartbeat currentActivity(core::Instant now);
    void count(core::Instant now);
    void decide(core::Instant now);
    void enforce(const core::Decision &decision);
    void lockOut();
    void checkLocked();
    void terminate(const QString &why);
    // Ends the child's processes running `exe`: SIGTERM, then SIGKILL after the grace.
    void closeApp(const std::string &exe, const std::string &reason);
    QStringList countingSessions() const;
    void schedule(const core::Decision &decision);
    QVariantMap statusFrom(const core::Decision &decision, std::chrono::seconds used) const;

    std::int64_t m_uid;
    core::Rules m_rules;
    core::ActivityStore &m_store;
    core::GrantStore &m_grants;
    core::AuditLog &m_audit;
    TrustedClock &m_clock;
    platform::LogindMonitor &m_logind;
    SupervisorSettings m_settings;
    std::unique_ptr<core::ActivityRecorder> m_recorder;

    std::optional<core::Heartbeat> m_lastReport; // the helper's latest report
    bool m_helperMissingRecorded = false;
    bool m_counting = false;
    std::optional<core::Decision> m_decision;
    std::optional<std::chrono::minutes> m_warnedThreshold;
    core::UsageSnapshot m_usage; // as of the last decision
    struct StatusEssentials {
        core::Verdict verdict = core::Verdict::Allowed;
        std::string reason;
        std::optional<core::Instant> stopsAt;
        long long remainingMinutes = -2;
        bool operator==(const StatusEssentials &) const = default;
    };
    StatusEssentials m_lastEssentials;

    Lockout m_lockout = Lockout::None;
    int m_unlocks = 0;
    QTimer m_decisionTimer;
    QTimer m_tickTimer;
    QTimer m_graceTimer;
    QTimer m_lockCheckTimer;
};

} // namespace sundial::daemon
