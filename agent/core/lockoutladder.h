// SPDX-License-Identifier: GPL-3.0-or-later
// LockoutLadder: what the service does, step by step, while a child is out of time or outside
// allowed hours (docs/RULES.md "Lockout"). A pure state machine: the caller tells it the facts
// (is the child out? is a session in use?) at every event and when wakeAt() comes, and carries
// out the step it returns (announce, lock, suspend, end sessions). It never reads a clock.
//
//   clear ──out & in use──▶ grace ──grace over──▶ locking ──no session in use──▶ locked
//                            │                      │ lockConfirmDelay passes, still in use
//                            │ (action logout)      ▼
//                            └────────────────▶ ending ◀──Nth unlock── locked ──unlock──▶ locking
//   any stage ──not out──▶ clear (the unlock count starts again)
//
// Downtime: where the lock would come (the grace ends, an unlock while out) and downtime is
// possible (core::downtimeApplies, and the service can see the apps: its helper reports), the
// ladder goes to `downtime` instead: the session stays open and the service closes every app
// that is not always allowed. From downtime, when it stops being possible (the helper goes
// missing, the parent chooses lock), the lockout action runs at once, without a new grace.
//
// "In use" is the caller's judgement: a session that is open and not held by a lock the
// service itself asked for (a LockedHint the child raised alone does not count as locked).
// A session that is still in use after it was ended is ended again once per lockConfirmDelay.
#pragma once

#include <optional>
#include <string>

#include "agent/core/rules.h"
#include "agent/core/timetypes.h"

namespace sundial::core
{

struct LockoutStep {
    bool announceTimesUp = false; // the grace starts: tell the child (TimesUp)
    bool downtime = false; // downtime starts: close every app that is not always allowed
    bool lock = false; // ask for every session in use to be locked
    bool suspend = false; // suspend the machine
    std::optional<std::string> end; // end every session in use, for this reason
    std::optional<int> unlockedCount; // an unlock while out: the how-many-th

    bool acts() const { return announceTimesUp || downtime || lock || suspend || end || unlockedCount; }
};

class LockoutLadder
{
public:
    enum class Stage { Clear, Grace, Downtime, Locking, Locked, Ending };

    explicit LockoutLadder(LockoutPolicy policy = {});

    void setPolicy(const LockoutPolicy &policy) { m_policy = policy; }
    // The step to take now. `out`: the verdict forbids use (out of time, outside hours);
    // `inUse`: some session of the child is in use; `downtimePossible`: a downtime may replace
    // the lockout action (see above).
    LockoutStep advance(Instant now, bool out, bool inUse, bool downtimePossible = false);
    // When advance() must be called again even if nothing else happens (the grace or a
    // confirmation delay ends); none while nothing is pending.
    std::optional<Instant> wakeAt() const { return m_deadline; }

    Stage stage() const { return m_stage; }
    int unlocks() const { return m_unlocks; }

    // The ladder's position, for keeping it across a restart of the service.
    struct Saved {
        Stage stage = Stage::Clear;
        int unlocks = 0;
        std::optional<Instant> deadline;
        bool operator==(const Saved &) const = default;
    };
    Saved save() const { return {m_stage, m_unlocks, m_deadline}; }
    void restore(const Saved &saved);

private:
    LockoutStep lockOut(Instant now, bool inUse, bool downtimePossible);
    LockoutStep end(Instant now, std::string why);

    LockoutPolicy m_policy;
    Stage m_stage = Stage::Clear;
    int m_unlocks = 0;
    std::optional<Instant> m_deadline;
};

std::string_view lockoutStageKey(LockoutLadder::Stage stage);
std::optional<LockoutLadder::Stage> parseLockoutStage(std::string_view key);
// The saved position as the service keeps it ("<stage> <unlocks> <deadline, Unix seconds, or
// -1>", as in "locked 1 -1"); decoding anything else gives none (the service then starts clear).
std::string encodeLockout(const LockoutLadder::Saved &saved);
std::optional<LockoutLadder::Saved> decodeLockout(std::string_view text);

} // namespace sundial::core
