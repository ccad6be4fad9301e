// SPDX-License-Identifier: GPL-3.0-or-later
// AppCloser: ends one child's processes of a blocked app: SIGTERM, then SIGKILL after a grace,
// and an "app-closed" audit row. Only the child's own processes, by executable path.
#pragma once

#include <chrono>
#include <string>

#include <QObject>

#include "agent/core/auditlog.h"
#include "agent/daemon/trustedclock.h"

namespace sundial::daemon
{

class AppCloser : public QObject
{
    Q_OBJECT
public:
    AppCloser(std::int64_t uid, core::AuditLog &audit, TrustedClock &clock, std::chrono::seconds grace,
        QObject *parent = nullptr);

    // Ends the child's processes running `exe` (an empty path closes nothing); `reason` goes to
    // the audit row.
    void close(const std::string &exe, const std::string &reason);

private:
    std::int64_t m_uid;
    core::AuditLog &m_audit;
    TrustedClock &m_clock;
    std::chrono::seconds m_grace;
};

} // namespace sundial::daemon
