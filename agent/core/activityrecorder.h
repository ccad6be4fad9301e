// SPDX-License-Identifier: GPL-3.0-or-later
// ActivityRecorder: one child's heartbeats in, merged activity rows and per-day rollups out.
//
// Heartbeats are merged in memory (HeartbeatMerger); flush() writes what accumulated in one
// transaction. Time is attributed to the child's day and local hour in which it elapsed, fixed
// when it is written. Idle seconds are recorded but count as no use; always-allowed seconds
// count as use but are charged to nothing (docs/RULES.md "What is counted").
//
// While writes fail, what is recorded stays in memory: the totals in full (what decisions need),
// the rows up to kMaxPendingRows (past that the oldest rows' timeline detail is dropped, their
// totals kept). moveTo() carries all of it to another database (the service's runtime failover).
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>

#include "agent/core/activitystore.h"
#include "agent/core/heartbeatmerger.h"
#include "agent/core/usagesnapshot.h"

namespace sundial::core
{

class ActivityRecorder
{
public:
    // Closed rows kept in memory while writes fail; past it the oldest are dropped (not their totals).
    static constexpr std::size_t kMaxPendingRows = 5000;

    // `store` and `zone` must outlive the recorder. `pulse` is how long after a heartbeat the
    // same activity may be extended by the next one.
    ActivityRecorder(
        ActivityStore &store, std::int64_t child, const TimeZone &zone, const Rules &rules, std::chrono::seconds pulse);

    // New rules apply from now: the open interval is closed, so past seconds keep the
    // classification they were recorded with.
    void setRules(const Rules &rules);
    void record(const Heartbeat &heartbeat);
    // The session ended (or was locked): nothing extends the open interval any more.
    void endActivity();
    // Writes everything recorded so far, and `alsoWrite` in the same transaction (see
    // ActivityStore::write). On failure nothing is lost from memory; the next flush tries again.
    Status flush(const std::function<Status()> &alsoWrite = {});
    // From now on writes go to `to` (which must outlive the recorder; the old store may be destroyed
    // once this returns). What is not yet written is kept, its dictionary ids translated to `to`'s
    // (the open interval is closed: the next record() starts a new one). The stored totals of the
    // day last asked about (read from the old database just before, or as last read) are a floor:
    // what `to` holds for that day below them (total, per app, site, category) is added to the
    // pending totals, so a file that lost them does not give the child its time back. Earlier
    // days of the week come from what `to` salvaged.
    // `storedAreExtra`: the old database's totals are not in `to` at all (it was in memory), so
    // the day's stored totals are added to the pending ones instead of being a floor.
    void moveTo(ActivityStore &to, bool storedAreExtra = false);

    // The stored usage for `day` and its week plus what is not written yet.
    UsageSnapshot snapshot(LocalDate day);
    // Rows recorded and not yet written, the open row included (even once it was written, as it
    // may still grow); for tests and the flush policy.
    std::size_t pendingRows() const { return m_finished.size() + (m_row ? 1 : 0); }
    // Rows dropped from memory (their totals kept) because writes failed for long.
    std::size_t droppedRows() const { return m_droppedRows; }
    const DayCalendar &calendar() const { return m_calendar; }
    const Rules &rules() const { return m_rules; }

private:
    ActivityKey keyFor(const Heartbeat &heartbeat);
    void attribute(const ActivityKey &key, TimeSpan span);
    void attributeOpenTail();
    // The written part of snapshot(day): read once, then kept until the database is written.
    const UsageSnapshot &storedUsage(LocalDate day);
    // Adds one rollup row (dimension, day, key id, charged) to `usage` if it is of its day or week.
    void addUsage(UsageSnapshot &usage, UsageDimension dimension, LocalDate weekStart, std::int64_t rowDay,
        std::int64_t key, std::chrono::seconds charged) const;

    void finishRow();

    ActivityStore *m_store; // never null
    std::int64_t m_child;
    const TimeZone &m_zone;
    Rules m_rules;
    DayCalendar m_calendar;
    HeartbeatMerger m_merger;
    Instant m_accountedUntil {};
    AppIdentity m_lastApp;
    std::optional<std::int64_t> m_lastAppId;
    std::string m_lastDomain;
    std::optional<std::int64_t> m_lastDomainId;
    std::unordered_map<std::int64_t, int> m_chargeCache; // (app << 24 ^ domain) -> charged flag
    std::unique_ptr<ActivityRow> m_row; // the row being extended
    std::vector<std::unique_ptr<ActivityRow>> m_finished; // closed rows not yet written
    ActivityBatch m_pending;
    std::unique_ptr<Statement> m_snapshotQuery; // prepared once: the service asks on every event
    UsageSnapshot m_stored; // storedUsage()'s answer for m_stored.day ...
    std::int64_t m_storedWriteCount = -1; // ... as of this database write count (-1: not read)
    bool m_storedRead = false; // m_stored holds what was read once (kept when a later read fails)
    std::size_t m_droppedRows = 0;
    std::chrono::weekday m_storedFirstWeekday = std::chrono::Monday;
};

} // namespace sundial::core
