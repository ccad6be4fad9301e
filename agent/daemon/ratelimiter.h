// SPDX-License-Identifier: GPL-3.0-or-later
// RateLimiter: a token bucket per caller, so one caller flooding the bus cannot make the
// service do unbounded work. Memory is bounded: past 4096 callers every bucket is dropped at
// once (which also refills them all).
#pragma once

#include <chrono>
#include <unordered_map>

namespace sundial::daemon
{

class RateLimiter
{
public:
    RateLimiter(double perSecond, double burst);

    // True when `caller` may make one more call now.
    bool allow(unsigned caller, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point refilled;
    };
    double m_perSecond;
    double m_burst;
    std::unordered_map<unsigned, Bucket> m_buckets;
};

} // namespace sundial::daemon
