// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/session/mediawatcher.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QStringList>
#include <QVariantMap>

namespace sundial::session
{

namespace
{

const QString kNamePrefix = QStringLiteral("org.mpris.MediaPlayer2.");
const QString kPath = QStringLiteral("/org/mpris/MediaPlayer2");
const QString kPlayerInterface = QStringLiteral("org.mpris.MediaPlayer2.Player");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");
const QString kPlaybackStatus = QStringLiteral("PlaybackStatus");

bool isPlaying(const QVariant &status)
{
    // Properties.Get answers a variant inside the variant; a PropertiesChanged map holds it bare.
    const QVariant value = status.canConvert<QDBusVariant>() ? status.value<QDBusVariant>().variant() : status;
    return value.toString() == QLatin1String("Playing");
}

} // namespace

MediaWatcher::MediaWatcher(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

MediaWatcher::~MediaWatcher() = default;

void MediaWatcher::start()
{
    // Subscriptions first, then the list: a player that appears in between is seen twice, which
    // is harmless, rather than not at all.
    // A trailing '*' makes Qt match on arg0namespace, so only MPRIS names wake us, not every
    // client that connects to the session bus. (Qt keeps what precedes the '*' as the namespace,
    // which must be a bus name: "org.mpris.MediaPlayer2", without the dot.)
    m_names = std::make_unique<QDBusServiceWatcher>(
        QStringLiteral("org.mpris.MediaPlayer2*"), m_bus, QDBusServiceWatcher::WatchForOwnerChange);
    connect(m_names.get(), &QDBusServiceWatcher::serviceOwnerChanged, this, &MediaWatcher::onOwnerChanged);
    // Any sender: a player's signals come from its unique name, which is learnt from its answers.
    if (!m_bus.connect(QString(), kPath, kProperties, QStringLiteral("PropertiesChanged"), {kPlayerInterface},
            QString(), this, SLOT(onPropertiesChanged(QDBusMessage)))) {
        qWarning("sundial-session: cannot follow media players: %s", qPrintable(m_bus.lastError().message()));
        return;
    }
    const QDBusPendingCall call = m_bus.asyncCall(QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
        QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListNames")));
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusMessage reply = finished->reply();
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
            qWarning("sundial-session: cannot list media players: %s", qPrintable(reply.errorMessage()));
            return;
        }
        for (const QString &name : reply.arguments().constFirst().toStringList()) {
            if (name.startsWith(kNamePrefix)) {
                addPlayer(name, QString());
            }
        }
    });
}

void MediaWatcher::onOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner)
{
    Q_UNUSED(oldOwner)
    if (!name.startsWith(kNamePrefix)) {
        return; // arg0namespace also matches "org.mpris.MediaPlayer2" itself
    }
    if (newOwner.isEmpty()) {
        m_players.remove(name);
        update();
        return;
    }
    addPlayer(name, newOwner);
}

void MediaWatcher::addPlayer(const QString &name, const QString &owner)
{
    Player &player = m_players[name];
    if (!owner.isEmpty() && player.owner != owner) {
        player = Player {owner, false}; // another program took the name: nothing is known of it yet
        update();
    }
    readStatus(name, player.owner);
}

void MediaWatcher::readStatus(const QString &name, const QString &owner)
{
    // Asked of the unique owner when known, so an answer cannot come from a later owner of the name.
    QDBusMessage get
        = QDBusMessage::createMethodCall(owner.isEmpty() ? name : owner, kPath, kProperties, QStringLiteral("Get"));
    get << kPlayerInterface << kPlaybackStatus;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(get), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, name](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        const QDBusMessage reply = finished->reply();
        const auto player = m_players.find(name);
        if (player == m_players.end() || reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
            return; // gone, or not a player we can read: it counts as not playing
        }
        if (!player->owner.isEmpty() && player->owner != reply.service()) {
            return; // an answer from an earlier owner of the name
        }
        player->owner = reply.service();
        player->playing = isPlaying(reply.arguments().constFirst());
        update();
    });
}

void MediaWatcher::onPropertiesChanged(const QDBusMessage &message)
{
    const QList<QVariant> arguments = message.arguments();
    if (arguments.size() < 2 || arguments.at(0).toString() != kPlayerInterface) {
        return;
    }
    const auto changed = qdbus_cast<QVariantMap>(arguments.at(1));
    const auto invalidated = arguments.size() > 2 ? qdbus_cast<QStringList>(arguments.at(2)) : QStringList {};
    const auto status = changed.constFind(kPlaybackStatus);
    for (auto player = m_players.begin(); player != m_players.end(); ++player) {
        if (player->owner != message.service()) {
            continue;
        }
        if (status != changed.constEnd()) {
            player->playing = isPlaying(*status);
        } else if (invalidated.contains(kPlaybackStatus)) {
            readStatus(player.key(), player->owner);
        }
    }
    update();
}

void MediaWatcher::update()
{
    bool playing = false;
    for (const Player &player : std::as_const(m_players)) {
        playing = playing || player.playing;
    }
    if (playing != m_playing) {
        m_playing = playing;
        emit changed();
    }
}

} // namespace sundial::session
