// SPDX-License-Identifier: GPL-3.0-or-later
// CrashRestarter: keeps the session helper running. The helper's work runs in a child process;
// when that process is killed or crashes, it is started again after a delay that grows with
// repeated failures (and resets after a minute of good running). A clean exit, or exit code 3
// (no probe for this desktop), ends the supervision with that code. Meanwhile the service
// counts the time anyway, as "unknown app".
#pragma once

#include <chrono>
#include <functional>

namespace sundial::session
{

class CrashRestarter
{
public:
    explicit CrashRestarter(std::chrono::seconds firstDelay);

    // Runs `work` in a child process until it ends on its own; returns its exit code. Must be
    // called before any thread exists (before Qt starts).
    int run(const std::function<int()> &work);

private:
    std::chrono::seconds m_firstDelay;
};

} // namespace sundial::session
