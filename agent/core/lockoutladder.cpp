// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/lockoutladder.h"

#include <array>
#include <charconv>
#include <utility>

namespace sundial::core
{

LockoutLadder::LockoutLadder(LockoutPolicy policy)
    : m_policy(policy)
{
}

LockoutStep LockoutLadder::advance(Instant now, bool out, bool inUse, bool downtimePossible)
{
    if (!out) {
        m_stage = Stage::Clear;
        m_unlocks = 0;
        m_deadline.reset();
        return {};
    }
    switch (m_stage) {
    case Stage::Clear: {
        if (!inUse) {
            return {}; // nothing to lock; the ladder starts when a session is in use
        }
        m_stage = Stage::Grace;
        m_deadline = now + m_policy.grace;
        LockoutStep step;
        step.announceTimesUp = true;
        return step;
    }
    case Stage::Grace:
        if (now < *m_deadline) {
            return {};
        }
        return lockOut(now, inUse, downtimePossible);
    case Stage::Downtime:
        if (downtimePossible) {
            return {}; // the service keeps closing what is not allowed
        }
        return lockOut(now, inUse, false);
    case Stage::Locking:
        if (!inUse) {
            m_stage = Stage::Locked; // the locker answered
            m_deadline.reset();
            return {};
        }
        if (now < *m_deadline) {
            return {};
        }
        return end(now, "no screen locker responded");
    case Stage::Locked:
        if (!inUse) {
            return {};
        }
        ++m_unlocks;
        if (m_unlocks >= m_policy.unlocksBeforeTerminate) {
            LockoutStep step = end(now, "unlocked " + std::to_string(m_unlocks) + " times while out of time");
            step.unlockedCount = m_unlocks;
            return step;
        }
        {
            LockoutStep step = lockOut(now, inUse, downtimePossible);
            step.unlockedCount = m_unlocks;
            return step;
        }
    case Stage::Ending:
        if (!inUse) {
            m_stage = Stage::Locked;
            m_deadline.reset();
            return {};
        }
        if (now < *m_deadline) {
            return {};
        }
        return end(now, "still in use after it was ended");
    }
    return {};
}

LockoutStep LockoutLadder::lockOut(Instant now, bool inUse, bool downtimePossible)
{
    if (downtimePossible) {
        m_stage = Stage::Downtime;
        m_deadline.reset();
        LockoutStep step;
        step.downtime = true;
        return step;
    }
    if (!inUse) {
        m_stage = Stage::Locked;
        m_deadline.reset();
        return {};
    }
    switch (m_policy.action) {
    case LockoutAction::Lock: {
        m_stage = Stage::Locking;
        m_deadline = now + m_policy.lockConfirmDelay;
        LockoutStep step;
        step.lock = true;
        return step;
    }
    case LockoutAction::Logout:
        return end(now, "the rules log the child out when time is up");
    case LockoutAction::Suspend: {
        m_stage = Stage::Locked;
        m_deadline.reset();
        LockoutStep step;
        step.suspend = true;
        return step;
    }
    }
    return {};
}

LockoutStep LockoutLadder::end(Instant now, std::string why)
{
    m_stage = Stage::Ending;
    m_deadline = now + m_policy.lockConfirmDelay;
    LockoutStep step;
    step.end = std::move(why);
    return step;
}

void LockoutLadder::restore(const Saved &saved)
{
    m_stage = saved.stage;
    m_unlocks = saved.unlocks;
    m_deadline = saved.deadline;
    // A stage that waits must have a moment to wait for; without one, decide again at once.
    if ((m_stage == Stage::Grace || m_stage == Stage::Locking || m_stage == Stage::Ending) && !m_deadline) {
        m_deadline = Instant {};
    }
}

namespace
{

constexpr std::array<std::pair<LockoutLadder::Stage, std::string_view>, 6> kStageKeys {{
    {LockoutLadder::Stage::Clear, "clear"},
    {LockoutLadder::Stage::Grace, "grace"},
    {LockoutLadder::Stage::Downtime, "downtime"},
    {LockoutLadder::Stage::Locking, "locking"},
    {LockoutLadder::Stage::Locked, "locked"},
    {LockoutLadder::Stage::Ending, "ending"},
}};

} // namespace

std::string_view lockoutStageKey(LockoutLadder::Stage stage)
{
    for (const auto &[value, key] : kStageKeys) {
        if (value == stage) {
            return key;
        }
    }
    return "clear";
}

std::optional<LockoutLadder::Stage> parseLockoutStage(std::string_view key)
{
    for (const auto &[value, name] : kStageKeys) {
        if (name == key) {
            return value;
        }
    }
    return std::nullopt;
}

std::string encodeLockout(const LockoutLadder::Saved &saved)
{
    return std::string {lockoutStageKey(saved.stage)} + " " + std::to_string(saved.unlocks) + " "
        + std::to_string(saved.deadline ? saved.deadline->time_since_epoch().count() : -1);
}

std::optional<LockoutLadder::Saved> decodeLockout(std::string_view text)
{
    const std::size_t firstSpace = text.find(' ');
    const std::size_t secondSpace = firstSpace == std::string_view::npos ? firstSpace : text.find(' ', firstSpace + 1);
    if (secondSpace == std::string_view::npos) {
        return std::nullopt;
    }
    const std::optional<LockoutLadder::Stage> stage = parseLockoutStage(text.substr(0, firstSpace));
    const auto number = [](std::string_view field) -> std::optional<long long> {
        long long value = 0;
        const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
        return error == std::errc {} && end == field.data() + field.size() && !field.empty() ? std::optional {value}
                                                                                             : std::nullopt;
    };
    const std::optional<long long> unlocks = number(text.substr(firstSpace + 1, secondSpace - firstSpace - 1));
    const std::optional<long long> deadline = number(text.substr(secondSpace + 1));
    if (!stage || !unlocks || *unlocks < 0 || *unlocks > 1'000'000 || !deadline || *deadline < -1) {
        return std::nullopt;
    }
    LockoutLadder::Saved saved {*stage, static_cast<int>(*unlocks), std::nullopt};
    if (*deadline >= 0) {
        saved.deadline = Instant {std::chrono::seconds {*deadline}};
    }
    return saved;
}

} // namespace sundial::core
