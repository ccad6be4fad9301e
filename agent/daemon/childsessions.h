// SPDX-License-Identifier: GPL-3.0-or-later
// ChildSessions: one child's logind sessions as the service judges them, not as the child's
// hints paint them (docs/ARCHITECTURE.md "Processes and trust"; test_trust.py `LockedAndIdleHintTest`).
//
// A session is in use while it is open (LoginSession::open: any type, local ones in the
// foreground, remote ones while they last) unless it is held by a lock the service asked for:
// the service called LockSession and LockedHint rose afterwards (a locker answering). A hint
// the child raised alone, before or without the service's request, changes nothing, and
// logind's IdleHint is never read here: idle comes from the verified session helper only.
#pragma once

#include <QHash>
#include <QStringList>

#include "agent/platform/logindmonitor.h"

namespace sundial::daemon
{

class ChildSessions
{
public:
    ChildSessions(uint uid, platform::LogindMonitor &logind);

    // The sessions in use, by id.
    QStringList inUse() const;
    bool anyInUse() const { return !inUse().isEmpty(); }
    // Whether the child has any session at all (open or not): the service wakes only then.
    bool any() const;

    // Asks logind to lock every session in use and remembers the request, so that a locker's
    // answer (the hint rising afterwards) is told from a hint the child set beforehand.
    void lockInUse();
    // Asks logind to end every session in use; returns their ids.
    QStringList endInUse();
    // After a restart in the middle of a lockout: the sessions locked now were locked at the
    // service's request before it stopped (it cannot have asked again yet).
    void trustCurrentLocks();
    // The lockout is over: a raised hint counts for nothing again.
    void forgetLockRequests() { m_lockRequests.clear(); }

private:
    bool heldByServiceLock(const platform::LoginSession &session) const;

    uint m_uid;
    platform::LogindMonitor &m_logind;
    // Session id → LockedHint rises seen when the service asked for the lock.
    QHash<QString, unsigned> m_lockRequests;
};

} // namespace sundial::daemon
