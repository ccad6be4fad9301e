// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/usagecounter.h"

#include <algorithm>

#include <QtGlobal>

namespace sundial::daemon
{

UsageCounter::UsageCounter(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store,
    core::AuditLog &audit, ServiceClock &clock, const ChildSessions &sessions, std::chrono::seconds helperTimeout,
    std::chrono::seconds pulse)
    : m_uid(uid)
    , m_audit(&audit)
    , m_clock(clock)
    , m_sessions(sessions)
    , m_helperTimeout(helperTimeout)
    , m_recorder(std::make_unique<core::ActivityRecorder>(store, uid, clock.zone(), rules, pulse))
{
}

void UsageCounter::setRules(core::Instant now, const core::Rules &rules)
{
    count(now);
    m_recorder->setRules(rules);
}

void UsageCounter::takeReport(core::Instant now, const core::Heartbeat &heartbeat)
{
    if (m_helperMissingRecorded) {
        m_audit->append({0, now, "helper-back", m_uid, -1, "the session helper reports again"});
        m_helperMissingRecorded = false;
    }
    m_lastReport = heartbeat;
    m_lastReport->at = now;
    m_lastReportAt = Steady::now();
}

bool UsageCounter::reportIsFresh() const
{
    return m_lastReportAt && Steady::now() - *m_lastReportAt <= m_helperTimeout;
}

bool UsageCounter::childActive() const
{
    if (!m_sessions.anyInUse()) {
        return false;
    }
    if (reportIsFresh()) {
        return !m_lastReport->idle || m_lastReport->mediaPlaying;
    }
    return true; // no verified report: nothing the child could not forge says idle
}

core::Heartbeat UsageCounter::currentActivity(core::Instant now)
{
    if (reportIsFresh()) {
        core::Heartbeat heartbeat = *m_lastReport;
        heartbeat.at = now;
        return heartbeat;
    }
    // The helper's timeout runs from the later of the episode's start and its last report.
    const Steady::time_point steadyNow = Steady::now();
    Steady::time_point silentSince = m_inUseSince.value_or(steadyNow);
    if (m_lastReportAt) {
        silentSince = std::max(silentSince, *m_lastReportAt);
    }
    if (!m_helperMissingRecorded && steadyNow - silentSince > m_helperTimeout) {
        m_helperMissingRecorded = true;
        m_audit->append(
            {0, now, "helper-missing", m_uid, -1, "no report from the session helper; time counts as \"unknown app\""});
        qInfo("sundiald: uid %lld: helper missing, counting unknown app", static_cast<long long>(m_uid));
    }
    core::Heartbeat unknown;
    unknown.at = now;
    return unknown;
}

bool UsageCounter::count(core::Instant now)
{
    const bool counting = m_sessions.anyInUse();
    if (counting) {
        if (!m_counting) {
            m_inUseSince = Steady::now();
        }
        m_recorder->record(currentActivity(now));
    } else if (m_counting) {
        m_recorder->record(currentActivity(now)); // up to the moment it stopped
        m_recorder->endActivity();
        m_inUseSince.reset();
    }
    m_counting = counting;
    return counting;
}

core::Status UsageCounter::flush()
{
    core::Status written = m_recorder->flush([this] { return m_clock.persist(); });
    if (!written) {
        qWarning("sundiald: uid %lld: cannot write usage (kept in memory): %s", static_cast<long long>(m_uid),
            written.error().describe().c_str());
    }
    return written;
}

void UsageCounter::moveTo(core::Instant now, core::ActivityStore &store, core::AuditLog &audit, bool fromMemory)
{
    m_audit = &audit;
    count(now);
    m_recorder->moveTo(store, fromMemory);
    if (m_counting) {
        m_recorder->record(currentActivity(now)); // the moved recorder starts its interval here
    }
}

} // namespace sundial::daemon
