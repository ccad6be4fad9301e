// SPDX-License-Identifier: GPL-3.0-or-later
// AgentObject: the service's D-Bus edge at /org/sundial/Agent1, implementing the Child,
// Session and Admin interfaces of resources/dbus/ (adaptors generated from that XML). Every
// method first learns the caller's uid from the bus, then checks what that caller may do.
#pragma once

#include <map>
#include <optional>
#include <utility>

#include <QDBusContext>
#include <QObject>
#include <QVariantMap>

#include "agent/daemon/callerauthority.h"
#include "agent/daemon/claimchecker.h"
#include "agent/daemon/ratelimiter.h"
#include "agent/daemon/reporterverifier.h"
#include "agent/daemon/service.h"

namespace sundial::daemon
{

class AgentObject : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    // `reporters` decides whose Session.Heartbeat reports are believed (ReporterVerifier); what
    // a believed reporter claims is cross-checked by `claims`. `browserHosts` decides whose
    // Session.SiteReport reports are: the browser's native-messaging host, started by a browser.
    AgentObject(Service &service, CallerAuthority &authority, ReporterVerifier &reporters,
        ReporterVerifier &browserHosts, ClaimChecker &claims, QObject *parent = nullptr);

    static constexpr const char *kPath = "/org/sundial/Agent1";
    static constexpr const char *kServiceName = "org.sundial.Agent1";

public slots:
    // org.sundial.Agent1.Child
    QVariantMap GetStatus();
    qint64 RequestMoreTime(uint minutes, const QString &reason);
    void OpenHelpLine();
    // org.sundial.Agent1.Session. A report from a sender that is not one of Sundial's reporters
    // is refused (PermissionDenied) and not recorded; one whose claims do not hold is recorded as
    // use of an unknown app. Either way the session's time counts as use, and a tamper row is
    // written once per episode (auditTamper).
    QString Heartbeat(const QVariantMap &report);
    // What the browser shows, from Sundial's browser host; refused like Heartbeat from anyone
    // else. Answers the site's verdict as JSON.
    QString SiteReport(const QVariantMap &report);
    // org.sundial.Agent1.Admin
    QString ListChildren();
    void AddChild(uint uid);
    void RemoveChild(uint uid);
    QString GetRules(uint uid);
    qint64 SetRules(uint uid, const QString &rules);
    void GrantExtraTime(uint uid, uint minutes);
    void GrantFreeUntil(uint uid, const QString &until);
    QString ListRequests(bool pendingOnly, qint64 beforeId, uint limit);
    void AnswerRequest(qint64 id, uint minutes);
    QVariantMap GetChildStatus(uint uid);
    QString Usage(uint uid, const QString &from, const QString &to);
    QString AppUsage(uint uid, qint64 app, const QString &from, const QString &to);
    QString SiteUsage(uint uid, qint64 site, const QString &from, const QString &to);
    QString Timeline(uint uid, const QString &day);
    QString Audit(qint64 afterId, uint limit);
    void AcceptClockChange();

signals:
    void StatusChanged(uint uid, const QVariantMap &status);
    void Warning(uint uid, qint64 secondsLeft, const QString &reason);
    void TimesUp(uint uid, qint64 graceSeconds, const QString &reason);
    void RequestAnswered(uint uid, qint64 id, uint minutes);

private:
    std::optional<uint> caller();
    // The caller's uid when it may administer; otherwise replies PermissionDenied.
    std::optional<uint> admin();
    void fail(const char *errorName, const std::string &message);
    // A Session report's words, for its refusals and audit.
    struct ReportKind {
        const char *plural; // "heartbeats"
        const char *singular; // "report"
        const char *untrustedAudit; // the audit kind of a sender not believed
        const char *whatCounts; // what the time counts as meanwhile
        const char *refusal; // the error's message to the sender
    };
    struct BelievedReport {
        uint uid;
        ChildSupervisor *child;
        Reporter sender;
    };
    // The calling child and its believed sender, or nullopt with the error sent (and a sender not
    // believed audited as a tamper).
    std::optional<BelievedReport> believedReport(
        RateLimiter &limiter, ReporterVerifier &verifier, const ReportKind &kind);
    // AppUsage and SiteUsage: one app's or site's time per day, as JSON.
    QString dayTotalsJson(uint uid, core::UsageDimension dimension, qint64 key, const QString &from, const QString &to);
    // Parsed Usage/AppUsage dates; otherwise replies InvalidArgument.
    std::optional<std::pair<core::LocalDate, core::LocalDate>> dateRange(const QString &from, const QString &to);
    void fail(const core::Error &error, const char *errorName = "org.sundial.Error.InvalidArgument");
    bool requireChild(uint uid);
    // Audits `kind` for `uid` unless this service wrote that kind for that child less than
    // kTamperEpisode ago: a forging loop (a new connection per report) or a reporter that keeps
    // failing writes one row an hour, not one a report.
    void auditTamper(uint uid, const std::string &kind, const std::string &detail);

    Service &m_service;
    CallerAuthority &m_authority;
    ReporterVerifier &m_reporters;
    ReporterVerifier &m_browserHosts;
    ClaimChecker &m_claims;
    static constexpr std::chrono::hours kTamperEpisode {1};
    std::map<std::pair<uint, std::string>, core::Instant> m_tamperAudited; // by child and kind: last row
    // Calls per second and burst, per caller. Every uid but root shares one bucket, so a user
    // gains nothing by opening connections; root's callers are unrelated processes (the login
    // check inside su, sudo and polkit's helper, sundialctl, scripts), so each root connection
    // has its own and a flooding root process slows only itself.
    // The most a parent can give with their password at the child's computer, in minutes.
    static constexpr uint kMaxMinutesApprovedHere = 180;
    static constexpr double kHeartbeatsPerSecond = 20.0;
    static constexpr double kHeartbeatBurst = 40.0;
    static constexpr double kCallsPerSecond = 50.0;
    static constexpr double kCallBurst = 100.0;
    RateLimiter m_heartbeats {kHeartbeatsPerSecond, kHeartbeatBurst};
    RateLimiter m_siteReports {kHeartbeatsPerSecond, kHeartbeatBurst};
    RateLimiter m_calls {kCallsPerSecond, kCallBurst}; // by uid
    RateLimiter m_rootCalls {kCallsPerSecond, kCallBurst}; // by root's connection
};

} // namespace sundial::daemon
