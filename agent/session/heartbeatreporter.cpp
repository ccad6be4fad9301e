// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/session/heartbeatreporter.h"

#include <unistd.h>

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCall>

#include "agent/session/mediawatcher.h"

namespace sundial::session
{

namespace
{

const QString kService = QStringLiteral("org.sundial.Agent1");
const QString kPath = QStringLiteral("/org/sundial/Agent1");

// While idle on a display without XSync's IDLETIME counter, how often to look for input again.
// With it (every X.Org server), the X server tells us; see X11FocusProbe::watchForInput.
constexpr std::chrono::seconds kIdlePoll {2};

} // namespace

HeartbeatReporter::HeartbeatReporter(
    FocusProbe &probe, const QDBusConnection &bus, std::chrono::seconds keepAlive, QObject *parent)
    : QObject(parent)
    , m_probe(probe)
    , m_bus(bus)
{
    m_keepAlive.setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(keepAlive));
    m_idleCheck.setSingleShot(true);
    connect(&m_keepAlive, &QTimer::timeout, this, &HeartbeatReporter::send);
    connect(&m_idleCheck, &QTimer::timeout, this, &HeartbeatReporter::checkIdle);
    connect(&m_probe, &FocusProbe::inputResumed, this, &HeartbeatReporter::checkIdle);
    connect(&m_probe, &FocusProbe::focusChanged, this, &HeartbeatReporter::send);
}

void HeartbeatReporter::start()
{
    m_bus.connect(kService, kPath, QStringLiteral("org.sundial.Agent1.Child"), QStringLiteral("StatusChanged"), this,
        SLOT(onStatusChanged(uint, QVariantMap)));
    const QDBusMessage reply = m_bus.call(QDBusMessage::createMethodCall(kService, kPath,
                                              QStringLiteral("org.sundial.Agent1.Child"), QStringLiteral("GetStatus")),
        QDBus::Block, 5000);
    if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
        applyStatus(qdbus_cast<QVariantMap>(reply.arguments().constFirst()));
    } else {
        qWarning("sundial-session: the service did not answer (%s); reporting without titles",
            qPrintable(reply.errorMessage()));
    }
    m_keepAlive.start();
    send();
}

void HeartbeatReporter::reportMedia(const MediaWatcher &media)
{
    m_media = &media;
    connect(&media, &MediaWatcher::changed, this, &HeartbeatReporter::send);
}

void HeartbeatReporter::onStatusChanged(uint uid, const QVariantMap &status)
{
    if (uid == ::getuid()) {
        applyStatus(status);
    }
}

void HeartbeatReporter::applyStatus(const QVariantMap &status)
{
    m_recordTitles = status.value(QStringLiteral("recordTitles")).toBool();
    m_recordUrls = status.value(QStringLiteral("recordFullUrls")).toBool();
    const qint64 idle = status.value(QStringLiteral("idleThresholdSeconds"), 180).toLongLong();
    m_idleThreshold = std::chrono::seconds {std::clamp<qint64>(idle, 30, 3600)};
}

QVariantMap HeartbeatReporter::currentReport()
{
    QVariantMap report;
    if (const auto window = m_probe.focused()) {
        if (!window->exe.empty()) {
            report[QStringLiteral("exe")] = QString::fromStdString(window->exe);
        }
        if (!window->wmClass.empty()) {
            report[QStringLiteral("desktopId")] = QString::fromStdString(window->wmClass);
        }
        if (m_recordTitles && !window->title.empty()) {
            report[QStringLiteral("title")]
                = QString::fromUtf8(window->title.data(), qsizetype(window->title.size())).left(4096);
        }
        report[QStringLiteral("fullscreen")] = window->fullscreen;
    }
    report[QStringLiteral("idle")] = m_idle;
    report[QStringLiteral("media")] = m_media && m_media->playing();
    return report;
}

void HeartbeatReporter::send()
{
    const auto idle = m_probe.inputIdle();
    m_idle = idle >= m_idleThreshold;
    QDBusMessage call = QDBusMessage::createMethodCall(
        kService, kPath, QStringLiteral("org.sundial.Agent1.Session"), QStringLiteral("Heartbeat"));
    m_lastSent = currentReport();
    call << m_lastSent;
    m_bus.asyncCall(call);
    armIdleCheck(idle);
}

void HeartbeatReporter::armIdleCheck(std::chrono::milliseconds idle)
{
    if (!m_idle) {
        // The moment the child will count as idle, if no input comes first.
        m_idleCheck.start(m_idleThreshold - idle + std::chrono::milliseconds {50});
    } else if (m_probe.watchForInput()) {
        m_idleCheck.stop(); // the X server tells us when input comes back: nothing to poll
    } else {
        m_idleCheck.start(std::chrono::duration_cast<std::chrono::milliseconds>(kIdlePoll));
    }
}

void HeartbeatReporter::checkIdle()
{
    const bool idle = m_probe.inputIdle() >= m_idleThreshold;
    if (idle != m_idle) {
        send(); // the child became idle, or came back
        return;
    }
    armIdleCheck(m_probe.inputIdle());
}

} // namespace sundial::session
