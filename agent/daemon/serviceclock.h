// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceClock: the service's clock. Wraps core::TrustedTime around the real clocks, records
// every jump and suspend gap in the audit log, persists the last trusted instant so a clock set
// back across a reboot is noticed (and one far ahead is said, unless NTP vouches for it), and
// adopts a jump once the kernel reports the clock NTP-synchronised (adjtimex, polled while a
// jump waits: timedated sends no signal for it) or a parent accepts it.
#pragma once

#include <QDBusConnection>
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include "agent/core/auditlog.h"
#include "agent/core/clock.h"
#include "agent/core/database.h"
#include "agent/core/stabledayzone.h"
#include "agent/core/trustedtime.h"
#include "agent/platform/systemtimezone.h"
#include "agent/platform/wallclockwatcher.h"

namespace sundial::daemon
{

class ServiceClock : public QObject, public core::Clock
{
    Q_OBJECT
public:
    ServiceClock(core::Database &db, core::AuditLog &audit, QObject *parent = nullptr);

    // Starts from the last trusted instant recorded in the database.
    void start(const QDBusConnection &systemBus);
    // Trusted now; takes a fresh sample (and records any event it reveals).
    core::Instant now() const override;
    // The machine's zone, a change of which takes effect when the day it happened in ends
    // (core::StableDayZone): seen at once (audited "timezone-changed"), never a new day.
    const core::TimeZone &zone() const override { return m_stableZone; }
    // Milliseconds until trusted time reaches `target` (0 if passed).
    qint64 msecsUntil(core::Instant target) const;
    // A parent accepted the current wall clock.
    void acceptWallClock(std::int64_t byUid);
    std::optional<std::chrono::seconds> pendingJump() const { return m_trusted.pendingJump(); }
    // Records the last trusted instant (at every flush, inside the usage's transaction).
    core::Status persist() const;
    // From now on records go to this database and audit log (the service's runtime failover);
    // the last trusted instant and the zone hold are written there at once.
    void useDatabase(core::Database &db, core::AuditLog &audit);

signals:
    // The wall clock moved, a suspend ended or a jump was adopted: decisions must be redone.
    void changed();

private slots:
    void checkSynchronized();
    // /etc/localtime (or TZ's file) or its folder changed: reads the zone again.
    void zoneFileChanged();
    void onTimedatePropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &);

private:
    void record(const std::vector<core::TimeEvent> &events, std::int64_t actor) const;

    core::Database *m_db; // never null
    core::AuditLog *m_audit; // never null
    void watchZoneFile();
    core::Status persistZoneHold() const;

    platform::SystemTimeZone m_zone;
    core::StableDayZone m_stableZone {m_zone};
    QFileSystemWatcher m_zoneWatcher;
    mutable core::TrustedTime m_trusted;
    platform::WallClockWatcher m_watcher;
    static constexpr std::chrono::seconds kSyncPoll {5};
    mutable QTimer m_syncPoll; // runs only while a jump waits to be adopted
};

} // namespace sundial::daemon
