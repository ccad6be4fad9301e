// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/serviceclock.h"

#include <charconv>

#include "agent/platform/ntpstatus.h"
#include "agent/platform/systemclock.h"

namespace sundial::daemon
{

namespace
{

constexpr const char *kLastTrustedKey = "last_trusted_instant";

const char *eventKind(core::TimeEventKind kind)
{
    switch (kind) {
    case core::TimeEventKind::WallClockJump:
        return "clock-jump";
    case core::TimeEventKind::WallClockRestored:
        return "clock-restored";
    case core::TimeEventKind::JumpAdopted:
        return "clock-adopted";
    case core::TimeEventKind::ClockSetBackAcrossReboot:
        return "clock-set-back-across-reboot";
    case core::TimeEventKind::SuspendGap:
        return "suspend-gap";
    case core::TimeEventKind::ClockForwardAcrossRestart:
        return "clock-forward-across-restart";
    }
    return "clock";
}

} // namespace

ServiceClock::ServiceClock(core::Database &db, core::AuditLog &audit, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_audit(audit)
{
    m_syncPoll.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(kSyncPoll));
    connect(&m_syncPoll, &QTimer::timeout, this, &ServiceClock::checkSynchronized);
    connect(&m_watcher, &platform::WallClockWatcher::wallClockSet, this, [this] {
        now(); // samples, records the jump if it is one
        emit changed();
    });
}

void ServiceClock::start(const QDBusConnection &systemBus)
{
    std::optional<core::Instant> last;
    std::string unreadable;
    core::Statement read = m_db.prepare("SELECT value FROM meta WHERE key = ?1");
    read.bind(1, kLastTrustedKey);
    if (read.step()) {
        const std::string text = read.text(0);
        long long seconds = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error == std::errc {} && end == text.data() + text.size() && seconds > 0) {
            last = core::Instant {std::chrono::seconds {seconds}};
        } else {
            unreadable = text.substr(0, 64);
        }
    }
    if (!unreadable.empty()) {
        // Edited or damaged: fall back on the latest instant the audit log holds, so a clock set
        // back across this restart is still noticed.
        core::Statement latest = m_db.prepare("SELECT MAX(at) FROM audit");
        if (latest.step() && latest.integer(0) > 0) {
            last = core::Instant {std::chrono::seconds {latest.integer(0)}};
        }
    }
    record(m_trusted.start(platform::SystemClock::sample(), last), -1);
    if (m_trusted.pendingJump()) {
        m_syncPoll.start();
    }
    if (!unreadable.empty()) {
        m_audit.append({0, m_trusted.now(), "clock-anchor-unreadable", -1, -1,
            "the last trusted instant was unreadable (\"" + unreadable
                + "\"); the audit log's latest time stands in for it"});
    }
    QDBusConnection bus = systemBus;
    bus.connect(QStringLiteral("org.freedesktop.timedate1"), QStringLiteral("/org/freedesktop/timedate1"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("PropertiesChanged"), this,
        SLOT(onTimedatePropertiesChanged(QString, QVariantMap, QStringList)));
}

core::Instant ServiceClock::now() const
{
    record(m_trusted.observe(platform::SystemClock::sample()), -1);
    return m_trusted.now();
}

qint64 ServiceClock::msecsUntil(core::Instant target) const
{
    const auto left = m_trusted.until(platform::SystemClock::sample(), target);
    return std::max<qint64>(0, std::chrono::duration_cast<std::chrono::milliseconds>(left).count());
}

void ServiceClock::acceptWallClock(std::int64_t byUid)
{
    record(m_trusted.adopt(platform::SystemClock::sample()), byUid);
    emit changed();
}

core::Status ServiceClock::persist() const
{
    core::Statement write = m_db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    write.bind(1, kLastTrustedKey).bind(2, std::to_string(m_trusted.now().time_since_epoch().count()));
    if (!write.run()) {
        return core::Error {"meta", "cannot record the trusted time: " + write.error()};
    }
    return core::success();
}

void ServiceClock::checkSynchronized()
{
    if (!m_trusted.pendingJump()) {
        m_syncPoll.stop();
        return;
    }
    if (platform::kernelClockSynchronized()) {
        m_syncPoll.stop();
        record(m_trusted.adopt(platform::SystemClock::sample()), -1);
        emit changed();
    }
}

void ServiceClock::onTimedatePropertiesChanged(
    const QString &interface, const QVariantMap &changed, const QStringList &)
{
    if (interface == QLatin1String("org.freedesktop.timedate1")
        && changed.value(QStringLiteral("NTPSynchronized")).toBool() && m_trusted.pendingJump()) {
        record(m_trusted.adopt(platform::SystemClock::sample()), -1);
        emit this->changed();
    }
}

void ServiceClock::record(const std::vector<core::TimeEvent> &events, std::int64_t actor) const
{
    for (const core::TimeEvent &event : events) {
        if (event.kind == core::TimeEventKind::ClockForwardAcrossRestart && platform::kernelClockSynchronized()) {
            continue; // a time server vouches for the clock: the machine was simply off
        }
        if (event.kind == core::TimeEventKind::WallClockJump) {
            m_syncPoll.start(); // an honest correction is adopted once the kernel says it is synced
        }
        const std::string detail = std::string {eventKind(event.kind)} + ": "
            + (event.kind == core::TimeEventKind::SuspendGap ? "suspended for " : "by ")
            + std::to_string(event.amount.count()) + " s";
        m_audit.append({0, event.trustedAt, eventKind(event.kind), -1, actor, detail});
        qInfo("sundiald: %s", detail.c_str());
    }
}

} // namespace sundial::daemon
