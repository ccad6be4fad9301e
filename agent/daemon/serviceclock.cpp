// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/serviceclock.h"

#include <charconv>
#include <cstdio>

#include "agent/platform/ntpstatus.h"
#include "agent/platform/systemclock.h"

namespace sundial::daemon
{

namespace
{

constexpr const char *kLastTrustedKey = "last_trusted_instant";
// "<until, Unix seconds> <offset seconds>": a zone change held back until the day ends.
constexpr const char *kZoneHoldKey = "zone_hold";

std::string offsetText(std::chrono::seconds offset)
{
    const long long minutes = offset.count() / 60;
    const long long magnitude = minutes < 0 ? -minutes : minutes;
    char text[48];
    std::snprintf(text, sizeof text, "UTC%c%02lld:%02lld", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
    return text;
}

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
    , m_db(&db)
    , m_audit(&audit)
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
    if (const std::optional<std::string> stored = m_db->metaValue(kLastTrustedKey)) {
        const std::string &text = *stored;
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
        core::Statement latest = m_db->prepare("SELECT MAX(at) FROM audit");
        if (latest.step() && latest.integer(0) > 0) {
            last = core::Instant {std::chrono::seconds {latest.integer(0)}};
        }
    }
    record(m_trusted.start(platform::SystemClock::sample(), last), -1);
    const std::optional<std::string> hold = m_db->metaValue(kZoneHoldKey);
    long long until = 0;
    long long offset = 0;
    if (hold && std::sscanf(hold->c_str(), "%lld %lld", &until, &offset) == 2
        && core::Instant {std::chrono::seconds {until}} > m_trusted.now()) {
        m_stableZone.restore(
            core::StableDayZone::Hold {core::Instant {std::chrono::seconds {until}}, std::chrono::seconds {offset}});
    }
    connect(&m_zoneWatcher, &QFileSystemWatcher::fileChanged, this, &ServiceClock::zoneFileChanged);
    connect(&m_zoneWatcher, &QFileSystemWatcher::directoryChanged, this, &ServiceClock::zoneFileChanged);
    watchZoneFile();
    if (m_trusted.pendingJump()) {
        m_syncPoll.start();
    }
    if (!unreadable.empty()) {
        m_audit->append({0, m_trusted.now(), "clock-anchor-unreadable", -1, -1,
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

void ServiceClock::useDatabase(core::Database &db, core::AuditLog &audit)
{
    m_db = &db;
    m_audit = &audit;
    for (const core::Status &written : {persist(), persistZoneHold()}) {
        if (!written) {
            qWarning("sundiald: %s", written.error().describe().c_str());
        }
    }
}

core::Status ServiceClock::persist() const
{
    if (core::Status written
        = m_db->setMeta(kLastTrustedKey, std::to_string(m_trusted.now().time_since_epoch().count()));
        !written) {
        return core::Error {"meta", "cannot record the trusted time: " + written.error().message, written.error().code};
    }
    return core::success();
}

void ServiceClock::watchZoneFile()
{
    // The file is usually replaced, not written (a new symlink, a rename), which ends a watch on
    // it: watch its folder too, and the file again each time.
    const QString file = QString::fromStdString(platform::SystemTimeZone::zoneFile());
    const QString folder = file.left(file.lastIndexOf(QLatin1Char('/')));
    for (const QString &path : {file, folder}) {
        if (!m_zoneWatcher.files().contains(path) && !m_zoneWatcher.directories().contains(path)) {
            m_zoneWatcher.addPath(path);
        }
    }
}

void ServiceClock::zoneFileChanged()
{
    const core::Instant at = now();
    const std::chrono::seconds before = m_zone.utcOffsetAt(at);
    m_zone.reload();
    watchZoneFile();
    const std::chrono::seconds after = m_zone.utcOffsetAt(at);
    if (after == before) {
        return; // another file in the folder, or the same zone again
    }
    const std::optional<core::Instant> takesEffect = m_stableZone.liveZoneChanged(at, before);
    std::string detail = "the time zone changed from " + offsetText(before) + " to " + offsetText(after);
    if (takesEffect) {
        const core::FixedOffsetZone old {m_stableZone.utcOffsetAt(at)};
        detail += "; today keeps its day, and the new zone applies from the day's end ("
            + core::formatDate(old.toLocal(*takesEffect).date) + " 00:00 by the zone before)";
    }
    m_audit->append({0, at, "timezone-changed", -1, -1, detail});
    qInfo("sundiald: %s", detail.c_str());
    if (core::Status kept = persistZoneHold(); !kept) {
        qWarning("sundiald: %s", kept.error().describe().c_str());
    }
    emit changed();
}

core::Status ServiceClock::persistZoneHold() const
{
    const std::optional<core::StableDayZone::Hold> hold = m_stableZone.hold();
    const core::Status written = hold
        ? m_db->setMeta(kZoneHoldKey,
            std::to_string(hold->until.time_since_epoch().count()) + " " + std::to_string(hold->offset.count()))
        : m_db->removeMeta(kZoneHoldKey);
    if (!written) {
        return core::Error {"meta", "cannot record the held-back time zone change: " + written.error().message};
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
        m_audit->append({0, event.trustedAt, eventKind(event.kind), -1, actor, detail});
        qInfo("sundiald: %s", detail.c_str());
    }
}

} // namespace sundial::daemon
