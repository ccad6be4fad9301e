// SPDX-License-Identifier: GPL-3.0-or-later
// ChildSupervisor: decides for one limited child and carries the decision out, through the
// classes that each do one job (docs/ARCHITECTURE.md "Flows"):
//   ChildSessions    the child's logind sessions, judged by the service (not by the child's hints)
//   UsageCounter     what is counted, and "helper-missing"
//   LockoutLadder    grace, lock, re-lock, end (core, a pure state machine)
//   AppCloser        ends a blocked app's processes
//   DowntimeSweeper  in downtime, closes every app that is not always allowed
//   childStatus()    the decision as the D-Bus status map
// Decisions are redone on every event (heartbeat, session change, rule or grant change, clock
// event), at the decision's next-change moment and when the ladder's wait ends; while time
// counts, a tick every flush interval also counts, decides and writes (a power cut loses at
// most that much).
#pragma once

#include <map>
#include <optional>

#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include "agent/core/auditlog.h"
#include "agent/core/decision.h"
#include "agent/core/grantstore.h"
#include "agent/core/helplinetable.h"
#include "agent/core/lockoutladder.h"
#include "agent/core/newnamelimiter.h"
#include "agent/core/statedatabase.h"
#include "agent/daemon/appcloser.h"
#include "agent/daemon/childsessions.h"
#include "agent/daemon/downtimesweeper.h"
#include "agent/daemon/heartbeatparser.h"
#include "agent/daemon/serviceclock.h"
#include "agent/daemon/usagecounter.h"
#include "agent/platform/logindmonitor.h"
#include "agent/platform/samecontent.h"

namespace sundial::daemon
{

struct SupervisorSettings {
    std::chrono::seconds flushInterval {10};
    // Past this long without a report the helper counts as missing; the helper's keep-alive
    // (--keep-alive, 30 s by default) must be shorter.
    std::chrono::seconds helperTimeout {90};
    std::chrono::seconds pulse {15}; // longer than flushInterval
    std::chrono::seconds appCloseGrace {5}; // SIGTERM to SIGKILL for a blocked app
    std::size_t maxNewNamesPerHour = core::NewNameLimiter::kDefaultPerHour; // apps, sites, titles
    // The help line a child sees (and may always use) when the rules name none: the country's
    // line from the shipped table (Service::start).
    core::HelpLine defaultHelpLine = core::HelpLineTable::builtInInternational();
    // The system's desktop entries (platform::DesktopEntries::systemApplicationDirs): which
    // processes are apps, in downtime, and what the time's-up screen offers.
    std::vector<std::string> applicationDirs;
    std::chrono::milliseconds downtimeSweepInterval {2000}; // new apps are closed this soon in downtime
    // The browsers' executables (real paths): with a window label a browser gives itself, what
    // counts as a browser that should report sites (platform::installedBrowserPrograms).
    std::vector<std::string> browserPrograms;
};

class ChildSupervisor : public QObject
{
    Q_OBJECT
public:
    ChildSupervisor(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store, core::GrantStore &grants,
        core::AuditLog &audit, ServiceClock &clock, platform::LogindMonitor &logind, SupervisorSettings settings,
        QObject *parent = nullptr);
    ~ChildSupervisor() override;

    std::int64_t uid() const { return m_uid; }
    // The rules as the parent set them (what Admin.GetRules returns).
    const core::Rules &rules() const { return m_rules; }
    void setRules(const core::Rules &rules);

    // A report from the child's helper (already validated). Returns the use verdict key for
    // the reported app ("allowed", "blocked", ...).
    QString onHeartbeat(core::Heartbeat heartbeat);
    // A report from the browser's host (already validated and believed): `browserExe` started
    // it. The site is what the child's time is charged to while the helper reports that browser
    // in focus; answers the site's verdict (core::siteVerdictJson) as JSON text.
    QString onSiteReport(const SiteReportFields &site, const std::string &browserExe);
    // Something outside changed (sessions, grants, clock): recount and decide again.
    void update();
    // The status as of now, from what was counted up to the last event or tick. Reading it
    // counts nothing, decides nothing and starts no lockout; it writes nothing (the recorder only
    // moves seconds it already holds into its pending totals, and the clock audits a jump the
    // reading reveals, as any reading of the time would).
    QVariantMap status();
    // The help line's page is opening in the child's browser (the time's-up screen asked): in
    // downtime, web browsers are not closed for a few minutes. Audited.
    void openHelpLine();
    // Writes what was counted; called on the tick and at shutdown. Every attempt is announced
    // (flushed), so that the service can judge a failing database.
    core::Status flush();
    // Before a report is read: writes what was counted and is not yet written, and nothing
    // (no synced commit) when everything is already on disk.
    void flushUnwritten();
    // From now on reads and writes go to `state`'s stores (the service's runtime failover; the old
    // ones may be destroyed once this returns). What is counted and not yet written, the ladder's
    // position and the sessions' state are kept; the ladder is saved into the new file.
    // `fromMemory`: the old database was in memory (see UsageCounter::moveTo).
    void moveTo(core::StateDatabase &state, bool fromMemory);

signals:
    void statusChanged(uint uid, const QVariantMap &status);
    void warning(uint uid, qint64 secondsLeft, const QString &reason);
    void timesUp(uint uid, qint64 graceSeconds, const QString &reason);
    // After each write attempt: `written` or what failed (Error::code: SQLite's result code).
    void flushed(const sundial::core::Status &written);

private:
    // The decision at `now` from what is counted so far; `usage` receives the snapshot it used.
    core::Decision evaluateAt(core::Instant now, core::UsageSnapshot &usage);
    void decide(core::Instant now);
    // A report that repeats the last one while the decision it got still holds is counted and
    // answered as before, without deciding again: the decision's own timers, the tick and every
    // other event (rules, grants, sessions, clock) decide again, and each clears the settled
    // answer. Most reports are keep-alives; this is the service's CPU at one report a second.
    // Charges and judges one report (the helper's, named by the browser's site when it applies).
    QString takeReport(core::Heartbeat heartbeat);
    // A browser in use with no site reports for longer than the helper's timeout: site tracking
    // is off (audited once per browser and episode); closed when the rules say so.
    void checkSiteTracking(core::Instant now, const core::Heartbeat &heartbeat);
    bool isBrowser(const core::AppIdentity &app) const;
    // The last site report is from `exe`'s host, fresh, and about a window of it that has the focus.
    bool browserReportsSite(const std::string &exe, core::Instant now) const;
    // `heartbeat` with the browser's fresh, focused site in it when it reports that browser.
    core::Heartbeat withBrowserSite(core::Heartbeat heartbeat, core::Instant now) const;
    bool repeatsSettledReport(const core::Heartbeat &heartbeat, core::Instant now) const;
    void settle(core::Instant now, const core::Heartbeat &heartbeat, const core::UseDecision &use,
        const core::UseDecision &appOnly, const QString &verdictKey);
    void enforce(core::Instant now, const core::Decision &decision);
    // The status map: the decision's, with the downtime's state and what the screen offers.
    QVariantMap statusMap(const core::Decision &decision, std::chrono::seconds used);
    bool inDowntime() const { return m_ladder.stage() == core::LockoutLadder::Stage::Downtime; }
    void schedule(const core::Decision &decision);
    // The ladder's position survives a restart (meta "lockout:<uid>"): a restart must not give
    // back the unlocks a child used up, nor a new grace.
    std::string ladderKey() const;
    void restoreLadder();
    void saveLadder();

    // The executables the rules name, for recognising a copy of one by its bytes.
    void setRulesExecutables();
    // The executable the rules name that `exe` is (itself, or a copy of it by content), read by
    // path, or through a process running it where the service cannot open the path.
    std::optional<std::string> namedProgram(const std::string &exe);

    std::int64_t m_uid;
    core::Rules m_rules;
    core::HelpLine m_defaultHelpLine;
    core::Rules m_effectiveRules; // m_rules with the default help line when they name none: what is enforced
    platform::SameContentFinder m_sameContent;
    struct HiddenScan {
        std::chrono::steady_clock::time_point when;
        std::optional<std::string> named;
    };
    static constexpr std::size_t kMaxHiddenRemembered = 256;
    std::map<std::string, HiddenScan> m_hiddenScanned; // namedProgram's answers for hidden files
    core::ActivityStore *m_store; // the stores: never null, moved by moveTo()
    core::NewNameLimiter m_newNames;
    core::GrantStore *m_grants;
    core::AuditLog *m_audit;
    ServiceClock &m_clock;
    platform::LogindMonitor &m_logind;
    ChildSessions m_sessions;
    UsageCounter m_counter;
    AppCloser m_closer;
    DowntimeSweeper m_downtime;
    core::LockoutLadder m_ladder;
    core::Database *m_db;
    std::vector<std::string> m_browserPrograms; // SupervisorSettings::browserPrograms
    std::chrono::seconds m_helperTimeout;
    core::LockoutLadder::Saved m_savedLadder; // as last written
    bool m_locksToTrust = false; // restored mid-lockout: see ChildSessions::trustCurrentLocks

    std::optional<core::Decision> m_decision;
    struct Settled {
        core::Heartbeat report;
        core::Instant until;
        QString verdictKey;
    };
    std::optional<Settled> m_settled; // see repeatsSettledReport
    // The helper's last report as it came (before the browser's site was put in it).
    std::optional<core::Heartbeat> m_helperReport;
    struct BrowserSite {
        std::string browserExe;
        SiteReportFields site;
        core::Instant at;
    };
    std::optional<BrowserSite> m_browserSite; // the last site report
    struct UntrackedBrowser {
        std::string exe;
        core::Instant since; // in use, reporting no sites, since
    };
    std::optional<UntrackedBrowser> m_untrackedBrowser;
    std::string m_siteTrackingOff; // the browser found without site reports (status), or empty
    // A site report older than this no longer names the browser's time (the extension reports
    // every 60 s; its host may have been ended).
    static constexpr std::chrono::seconds kSiteReportFresh {150};
    std::optional<std::chrono::minutes> m_warnedThreshold;
    core::UsageSnapshot m_usage; // as of the last decision
    struct StatusEssentials {
        core::Verdict verdict = core::Verdict::Allowed;
        std::string reason;
        std::optional<core::Instant> stopsAt;
        long long remainingMinutes = -2;
        bool downtime = false;
        bool operator==(const StatusEssentials &) const = default;
    };
    StatusEssentials m_lastEssentials;

    QTimer m_decisionTimer;
    QTimer m_ladderTimer;
    QTimer m_tickTimer;
    QTimer m_downtimeTimer; // runs only in downtime: closes apps as they start
};

} // namespace sundial::daemon
