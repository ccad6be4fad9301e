// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/session/crashrestarter.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace sundial::session
{

namespace
{

constexpr int kNoProbe = 3;
constexpr std::chrono::seconds kLongestDelay {60};
constexpr std::chrono::seconds kGoodRun {60};

volatile std::sig_atomic_t g_stopRequested = 0;
volatile pid_t g_worker = 0;

void forwardStop(int signal)
{
    g_stopRequested = 1;
    if (g_worker > 0) {
        ::kill(g_worker, signal);
    }
}

} // namespace

CrashRestarter::CrashRestarter(std::chrono::seconds firstDelay)
    : m_firstDelay(firstDelay)
{
}

int CrashRestarter::run(const std::function<int()> &work)
{
    struct sigaction stop {
    };
    stop.sa_handler = forwardStop;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTERM, &stop, nullptr);
    sigaction(SIGINT, &stop, nullptr);
    std::chrono::seconds delay = m_firstDelay;
    while (true) {
        const auto started = std::chrono::steady_clock::now();
        const pid_t pid = ::fork();
        if (pid < 0) {
            std::perror("sundial-session: fork");
            return work(); // cannot supervise: run the work directly
        }
        if (pid == 0) {
            signal(SIGTERM, SIG_DFL);
            signal(SIGINT, SIG_DFL);
            ::_exit(work());
        }
        g_worker = pid;
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0) {
            // interrupted by a forwarded signal: keep waiting for the worker
        }
        g_worker = 0;
        if (g_stopRequested) {
            return 0;
        }
        if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == kNoProbe)) {
            return WEXITSTATUS(status);
        }
        if (std::chrono::steady_clock::now() - started >= kGoodRun) {
            delay = m_firstDelay;
        }
        std::fprintf(stderr, "sundial-session: the helper %s; starting it again in %lld s\n",
            WIFSIGNALED(status) ? "was killed or crashed" : "failed", static_cast<long long>(delay.count()));
        std::this_thread::sleep_for(delay);
        if (g_stopRequested) {
            return 0;
        }
        delay = std::min(delay * 2, kLongestDelay);
    }
}

} // namespace sundial::session
