// SPDX-License-Identifier: GPL-3.0-or-later
// MediaWatcher: whether a media player on the child's session bus is playing, through MPRIS.
// Event-driven: players are found by their names (org.mpris.MediaPlayer2.*, those already on the
// bus and those that appear later) and followed through the PropertiesChanged signals of
// org.mpris.MediaPlayer2.Player on /org/mpris/MediaPlayer2; nothing is polled.
#pragma once

#include <memory>

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

class QDBusMessage;
class QDBusServiceWatcher;

namespace sundial::session
{

class MediaWatcher : public QObject
{
    Q_OBJECT
public:
    // Watches players on `bus` (the child's session bus) once start() is called.
    explicit MediaWatcher(const QDBusConnection &bus, QObject *parent = nullptr);
    ~MediaWatcher() override;

    // Subscribes to the players' signals, then asks the bus for the players already there.
    // Never blocks: what they say arrives later, through changed().
    void start();
    // True while at least one player's PlaybackStatus is "Playing".
    bool playing() const { return m_playing; }

signals:
    // playing() changed.
    void changed();

private slots:
    void onPropertiesChanged(const QDBusMessage &message);

private:
    struct Player {
        QString owner; // the unique name that sends its signals; empty until it answers
        bool playing = false;
    };

    void onOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);
    void addPlayer(const QString &name, const QString &owner);
    void readStatus(const QString &name, const QString &owner);
    void update();

    QDBusConnection m_bus;
    std::unique_ptr<QDBusServiceWatcher> m_names;
    QHash<QString, Player> m_players; // by the player's well-known name
    bool m_playing = false;
};

} // namespace sundial::session
