// SPDX-License-Identifier: GPL-3.0-or-later
// UsageCounter: counts one child's time (docs/RULES.md "What is counted").
//
// Time counts while a session of the child is in use (ChildSessions), whether or not the
// helper reports. The helper's latest report, while fresh (younger than the helper timeout),
// says which app and site and whether the child is idle; without one the time is charged as
// "unknown app", never as idle (logind's IdleHint is the child's to set). "helper-missing" is
// audited once per episode, and only after the helper had its timeout to report: a login is
// not tamper. The helper's silence is measured on the monotonic clock, so a clock change a
// parent accepts (trusted time moves by the jump) is not silence either.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/daemon/childsessions.h"
#include "agent/daemon/serviceclock.h"

namespace sundial::daemon
{

class UsageCounter
{
public:
    UsageCounter(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store, core::AuditLog &audit,
        ServiceClock &clock, const ChildSessions &sessions, std::chrono::seconds helperTimeout,
        std::chrono::seconds pulse);

    // New rules apply from `now`; seconds so far keep the old rules' classification.
    void setRules(core::Instant now, const core::Rules &rules);
    // Takes a report from the verified helper (the caller has checked the sender and the
    // claims) as what the child is doing from `now`.
    void takeReport(core::Instant now, const core::Heartbeat &heartbeat);
    // Records up to `now`. Returns whether time counts now.
    bool count(core::Instant now);
    bool counting() const { return m_counting; }
    // The child is using the computer now: a session in use and, if the helper reports, not
    // idle (or media playing).
    bool childActive() const;
    // Whether the helper's last report is younger than the helper's timeout.
    bool reportIsFresh() const;
    // The app of the helper's last report while it is fresh; none otherwise.
    core::AppIdentity reportedApp() const { return reportIsFresh() ? m_lastReport->app : core::AppIdentity {}; }

    core::UsageSnapshot snapshot(core::LocalDate day) { return m_recorder->snapshot(day); }
    // Writes what was counted, the trusted clock's anchor in the same transaction. On failure
    // everything stays in memory for the next flush (the caller judges the failure).
    core::Status flush();
    // Whether something is counted and not yet written.
    bool unwritten() const { return m_recorder->pendingRows() > 0; }
    // Moves to a fresh database (the service's runtime failover): what is not yet written is kept
    // and goes to `store` at the next flush (core::ActivityRecorder::moveTo); counting goes on
    // from `now` without a gap.
    // `fromMemory`: the old database was in memory, its totals are added (not a floor).
    void moveTo(core::Instant now, core::ActivityStore &store, core::AuditLog &audit, bool fromMemory);

private:
    using Steady = std::chrono::steady_clock;
    core::Heartbeat currentActivity(core::Instant now);

    std::int64_t m_uid;
    core::AuditLog *m_audit; // never null
    ServiceClock &m_clock;
    const ChildSessions &m_sessions;
    std::chrono::seconds m_helperTimeout;
    std::unique_ptr<core::ActivityRecorder> m_recorder;
    std::optional<core::Heartbeat> m_lastReport;
    std::optional<Steady::time_point> m_lastReportAt;
    std::optional<Steady::time_point> m_inUseSince; // this episode of use began
    bool m_helperMissingRecorded = false;
    bool m_counting = false;
};

} // namespace sundial::daemon
