// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/childsessions.h"

namespace sundial::daemon
{

ChildSessions::ChildSessions(uint uid, platform::LogindMonitor &logind)
    : m_uid(uid)
    , m_logind(logind)
{
}

bool ChildSessions::heldByServiceLock(const platform::LoginSession &session) const
{
    const auto request = m_lockRequests.constFind(session.id);
    return session.locked && request != m_lockRequests.constEnd() && session.lockedRises > *request;
}

QStringList ChildSessions::inUse() const
{
    QStringList ids;
    for (const platform::LoginSession &session : m_logind.sessionsOf(m_uid)) {
        if (session.open() && !heldByServiceLock(session)) {
            ids.append(session.id);
        }
    }
    return ids;
}

bool ChildSessions::any() const
{
    return !m_logind.sessionsOf(m_uid).isEmpty();
}

void ChildSessions::lockInUse()
{
    for (const QString &id : inUse()) {
        const std::optional<platform::LoginSession> session = m_logind.session(id);
        m_lockRequests.insert(id, session ? session->lockedRises : 0);
        m_logind.lockSession(id);
    }
}

void ChildSessions::trustCurrentLocks()
{
    for (const platform::LoginSession &session : m_logind.sessionsOf(m_uid)) {
        if (session.locked && session.lockedRises > 0) {
            m_lockRequests.insert(session.id, session.lockedRises - 1);
        }
    }
}

QStringList ChildSessions::endInUse()
{
    const QStringList ids = inUse();
    for (const QString &id : ids) {
        m_logind.terminateSession(id);
    }
    return ids;
}

} // namespace sundial::daemon
