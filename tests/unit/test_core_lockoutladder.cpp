// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/lockoutladder.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

// A child's session as the ladder sees it: in use unless a locker holds it or it was ended.
// `hasLocker`: the desktop answers a lock request; `childUnlocks`: how many times the child
// unlocks again right after a lock.
struct FakeSession {
    bool hasLocker = true;
    bool locked = false;
    bool ended = false;
    int locks = 0;
    int ends = 0;
    bool inUse() const { return !locked && !ended; }
};

// Drives the ladder the way the service does: advance at an event, carry out the step, and
// advance again when wakeAt() comes.
struct Driver {
    core::LockoutPolicy policy {core::LockoutAction::Lock, seconds {60}, seconds {5}, 3};
    core::LockoutLadder ladder {policy};
    testing::FakeClock clock {testing::berlin("2025-06-02", 16, 0)};
    FakeSession session;
    int announcements = 0;
    int downtimes = 0;
    bool downtimePossible = false; // always-allowed apps exist and the helper reports
    std::vector<std::string> endReasons;
    std::vector<int> unlockCounts;

    void step(bool out)
    {
        const core::LockoutStep step = ladder.advance(clock.now(), out, session.inUse(), downtimePossible);
        announcements += step.announceTimesUp ? 1 : 0;
        downtimes += step.downtime ? 1 : 0;
        if (step.lock) {
            ++session.locks;
            session.locked = session.hasLocker;
        }
        if (step.end) {
            ++session.ends;
            endReasons.push_back(*step.end);
        }
        if (step.unlockedCount) {
            unlockCounts.push_back(*step.unlockedCount);
        }
    }
    // Moves the clock to the ladder's next wake-up and advances there.
    void wake(bool out = true)
    {
        REQUIRE(ladder.wakeAt());
        clock.set(*ladder.wakeAt());
        step(out);
    }
};

} // namespace

TEST_CASE("Out of time with a session in use, the grace starts and the child is told once", "[core][lockout]")
{
    Driver d;
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Grace);
    CHECK(d.announcements == 1);
    REQUIRE(d.ladder.wakeAt());
    CHECK(*d.ladder.wakeAt() == d.clock.now() + seconds {60});
    d.clock.advance(seconds {30});
    d.step(true); // another event inside the grace changes nothing
    CHECK(d.announcements == 1);
    CHECK(d.session.locks == 0);
}

TEST_CASE(
    "When the grace is over the session is locked, and a locker's answer ends the ladder's waiting", "[core][lockout]")
{
    Driver d;
    d.step(true);
    d.clock.advance(seconds {59});
    d.step(true);
    CHECK(d.session.locks == 0);
    d.wake();
    CHECK(d.session.locks == 1);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Locking);
    d.step(true); // the locker's hint arrives as an event
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Locked);
    CHECK_FALSE(d.ladder.wakeAt());
    CHECK(d.session.ends == 0);
}

TEST_CASE("No locker answers within the confirmation delay: the session is ended", "[core][lockout]")
{
    Driver d;
    d.session.hasLocker = false;
    d.step(true);
    d.wake();
    CHECK(d.session.locks == 1);
    d.clock.advance(seconds {4});
    d.step(true);
    CHECK(d.session.ends == 0);
    d.wake();
    REQUIRE(d.endReasons.size() == 1);
    CHECK(d.endReasons[0] == "no screen locker responded");
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Ending);
}

TEST_CASE("Each unlock while out of time locks again, and the Nth ends the session", "[core][lockout]")
{
    Driver d;
    d.step(true);
    d.wake();
    d.step(true); // locked
    for (int unlock = 1; unlock <= 2; ++unlock) {
        d.session.locked = false; // the child unlocks
        d.step(true);
        CHECK(d.session.locks == unlock + 1);
        CHECK(d.session.ends == 0);
        d.step(true); // the locker locks again
    }
    d.session.locked = false;
    d.step(true);
    CHECK(d.unlockCounts == std::vector<int> {1, 2, 3});
    REQUIRE(d.endReasons.size() == 1);
    CHECK(d.endReasons[0] == "unlocked 3 times while out of time");
}

TEST_CASE("Extra time clears the ladder and the unlock count starts again", "[core][lockout]")
{
    Driver d;
    d.step(true);
    d.wake();
    d.step(true);
    d.session.locked = false;
    d.step(true);
    CHECK(d.ladder.unlocks() == 1);
    d.step(false); // a parent granted time
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Clear);
    CHECK(d.ladder.unlocks() == 0);
    CHECK_FALSE(d.ladder.wakeAt());
    d.session.locked = false;
    d.step(true); // out again later: a new grace, announced again
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Grace);
    CHECK(d.announcements == 2);
}

TEST_CASE("Out of time with no session in use, nothing happens until one is used", "[core][lockout]")
{
    Driver d;
    d.session.locked = true; // held by a lock the service asked for earlier
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Clear);
    CHECK(d.announcements == 0);
    d.session.locked = false;
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Grace);
}

TEST_CASE("A session still in use after it was ended is ended again once per confirmation delay", "[core][lockout]")
{
    Driver d;
    d.session.hasLocker = false;
    d.step(true);
    d.wake();
    d.wake(); // ended
    d.step(true);
    d.step(true);
    CHECK(d.session.ends == 1);
    d.wake();
    CHECK(d.session.ends == 2);
    CHECK(d.endReasons[1] == "still in use after it was ended");
    d.session.ended = true;
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Locked);
}

TEST_CASE("The logout and suspend actions skip the lock", "[core][lockout]")
{
    Driver logout;
    logout.policy.action = core::LockoutAction::Logout;
    logout.ladder.setPolicy(logout.policy);
    logout.step(true);
    logout.wake();
    CHECK(logout.session.locks == 0);
    REQUIRE(logout.endReasons.size() == 1);

    Driver suspend;
    suspend.policy.action = core::LockoutAction::Suspend;
    suspend.ladder.setPolicy(suspend.policy);
    suspend.step(true);
    REQUIRE(suspend.ladder.wakeAt());
    const core::LockoutStep step = suspend.ladder.advance(*suspend.ladder.wakeAt(), true, true);
    CHECK(step.suspend);
    CHECK_FALSE(step.lock);
    CHECK(suspend.ladder.stage() == core::LockoutLadder::Stage::Locked);
}

TEST_CASE("The ladder's position survives a save and restore, the grace's end included", "[core][lockout]")
{
    Driver d;
    d.step(true);
    d.wake();
    d.step(true);
    d.session.locked = false;
    d.step(true); // one unlock, locking again
    const core::LockoutLadder::Saved saved = d.ladder.save();
    core::LockoutLadder restored {d.policy};
    restored.restore(saved);
    CHECK(restored.save() == saved);
    CHECK(restored.unlocks() == 1);
    CHECK(core::parseLockoutStage(core::lockoutStageKey(saved.stage)) == saved.stage);
    CHECK_FALSE(core::parseLockoutStage("nonsense"));
}

TEST_CASE("The ladder's saved position reads back as written, and anything else starts clear", "[core][lockout]")
{
    using Stage = core::LockoutLadder::Stage;
    const core::LockoutLadder::Saved locked {Stage::Locked, 2, std::nullopt};
    CHECK(core::encodeLockout(locked) == "locked 2 -1");
    CHECK(core::decodeLockout("locked 2 -1") == locked);
    const core::LockoutLadder::Saved grace {Stage::Grace, 0, core::Instant {std::chrono::seconds {1'780'000'060}}};
    CHECK(core::decodeLockout(core::encodeLockout(grace)) == grace);
    for (const char *damaged : {"", "locked", "locked 2", "locked two -1", "locked -1 -1", "locked 2 -5",
             "nonsense 2 -1", "locked 2 -1 extra", "locked  2 -1", "locked 2 99999999999999999999"}) {
        INFO(damaged);
        CHECK_FALSE(core::decodeLockout(damaged));
    }
}

TEST_CASE("With downtime possible the grace ends in downtime: nothing is locked and nothing waits", "[core][lockout]")
{
    Driver d;
    d.downtimePossible = true;
    d.step(true);
    CHECK(d.announcements == 1);
    d.wake();
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Downtime);
    CHECK(d.downtimes == 1);
    CHECK(d.session.locks == 0);
    CHECK_FALSE(d.ladder.wakeAt());
    d.clock.advance(minutes {30});
    d.step(true); // events in downtime start nothing new
    CHECK(d.downtimes == 1);
    CHECK(d.session.locks == 0);
    CHECK(d.session.ends == 0);
    d.step(false); // extra time ends the downtime
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Clear);
}

TEST_CASE(
    "Downtime that stops being possible (the helper is gone) locks at once, without a new grace", "[core][lockout]")
{
    Driver d;
    d.downtimePossible = true;
    d.step(true);
    d.wake();
    REQUIRE(d.ladder.stage() == core::LockoutLadder::Stage::Downtime);
    d.downtimePossible = false;
    d.clock.advance(seconds {10});
    d.step(true);
    CHECK(d.session.locks == 1);
    CHECK(d.announcements == 1);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Locking);
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Locked);
    // Unlocked once the helper is back: downtime again, and the unlock is counted.
    d.downtimePossible = true;
    d.session.locked = false;
    d.step(true);
    CHECK(d.ladder.stage() == core::LockoutLadder::Stage::Downtime);
    CHECK(d.unlockCounts == std::vector<int> {1});
}

TEST_CASE("Without always-allowed apps, or with downtime turned off, the lockout action runs", "[core][lockout]")
{
    core::Rules rules;
    CHECK_FALSE(core::downtimeApplies(rules)); // nothing always allowed
    rules.sites.push_back({"wikipedia.org", core::RuleAction::AlwaysAllowed, std::nullopt});
    CHECK_FALSE(core::downtimeApplies(rules)); // a site needs a browser, which is not allowed
    rules.apps.push_back(
        {core::AppMatchKind::DesktopId, "org.kde.kalzium", core::RuleAction::AlwaysAllowed, std::nullopt, ""});
    CHECK(core::downtimeApplies(rules));
    rules.lockout.downtime = false; // the parent chose the lock
    CHECK_FALSE(core::downtimeApplies(rules));
    core::Rules helpLineApp;
    helpLineApp.helpLine.apps = {"vn.gov.tongdai111"};
    CHECK(core::downtimeApplies(helpLineApp));

    Driver d;
    d.step(true);
    d.wake();
    CHECK(d.session.locks == 1);
    CHECK(d.downtimes == 0);
    CHECK(core::decodeLockout("downtime 0 -1")->stage == core::LockoutLadder::Stage::Downtime);
}
