// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/wallclockwatcher.h"

#include <cerrno>
#include <cstdint>

#include <sys/timerfd.h>
#include <unistd.h>

namespace sundial::platform
{

WallClockWatcher::WallClockWatcher(QObject *parent)
    : QObject(parent)
{
    m_fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd < 0) {
        qWarning("sundiald: timerfd_create failed; wall-clock changes are noticed only at the next event");
        return;
    }
    arm();
    m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &WallClockWatcher::onReadable);
}

WallClockWatcher::~WallClockWatcher()
{
    m_notifier.reset();
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

void WallClockWatcher::arm()
{
    // An absolute expiry far in the future: it never fires, but a clock change cancels it.
    itimerspec spec {};
    spec.it_value.tv_sec = INT32_MAX;
    timerfd_settime(m_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr);
}

void WallClockWatcher::onReadable()
{
    std::uint64_t expirations = 0;
    const ssize_t got = ::read(m_fd, &expirations, sizeof expirations);
    if (got < 0 && errno == ECANCELED) {
        arm();
        emit wallClockSet();
    }
}

} // namespace sundial::platform
