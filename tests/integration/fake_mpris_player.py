#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A media player for tests that plays nothing: it owns org.mpris.MediaPlayer2.NAME on the
session bus ($DBUS_SESSION_BUS_ADDRESS) and serves the MPRIS object /org/mpris/MediaPlayer2.
Its PlaybackStatus starts as --status; Play, Pause, PlayPause and Stop change it and emit
PropertiesChanged, as real players do. Ends on SIGTERM or SIGINT.

    fake_mpris_player.py [--name fakeplayer] [--status Playing|Paused|Stopped]
"""

import argparse
import signal

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
STATUSES = ("Playing", "Paused", "Stopped")


class Player(dbus.service.Object):
    def __init__(self, bus, status):
        super().__init__(bus, PATH)
        self.status = status

    def _properties(self, interface):
        if interface == ROOT:
            return {"Identity": "Fake player", "CanQuit": False, "CanRaise": False, "HasTrackList": False,
                    "SupportedUriSchemes": dbus.Array([], signature="s"),
                    "SupportedMimeTypes": dbus.Array([], signature="s")}
        if interface == PLAYER:
            return {"PlaybackStatus": self.status, "Rate": 1.0, "Volume": 1.0,
                    "Position": dbus.Int64(0), "MinimumRate": 1.0, "MaximumRate": 1.0,
                    "CanGoNext": False, "CanGoPrevious": False, "CanPlay": True, "CanPause": True,
                    "CanSeek": False, "CanControl": True,
                    "Metadata": dbus.Dictionary({"mpris:trackid": dbus.ObjectPath(PATH + "/Track/1")},
                                                signature="sv")}
        raise dbus.exceptions.DBusException("no interface " + interface,
                                            name="org.freedesktop.DBus.Error.UnknownInterface")

    def set_status(self, status):
        if status != self.status:
            self.status = status
            self.PropertiesChanged(PLAYER, {"PlaybackStatus": status}, dbus.Array([], signature="s"))

    # org.freedesktop.DBus.Properties
    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        properties = self._properties(interface)
        if name not in properties:
            raise dbus.exceptions.DBusException("no property " + name,
                                                name="org.freedesktop.DBus.Error.UnknownProperty")
        return properties[name]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return self._properties(interface)

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ssv")
    def Set(self, interface, name, value):
        raise dbus.exceptions.DBusException("read-only", name="org.freedesktop.DBus.Error.PropertyReadOnly")

    @dbus.service.signal(dbus.PROPERTIES_IFACE, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    # org.mpris.MediaPlayer2
    @dbus.service.method(ROOT)
    def Raise(self):
        pass

    @dbus.service.method(ROOT)
    def Quit(self):
        pass

    # org.mpris.MediaPlayer2.Player
    @dbus.service.method(PLAYER)
    def Play(self):
        self.set_status("Playing")

    @dbus.service.method(PLAYER)
    def Pause(self):
        self.set_status("Paused")

    @dbus.service.method(PLAYER)
    def PlayPause(self):
        self.set_status("Paused" if self.status == "Playing" else "Playing")

    @dbus.service.method(PLAYER)
    def Stop(self):
        self.set_status("Stopped")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="fakeplayer", help="the part after org.mpris.MediaPlayer2.")
    parser.add_argument("--status", default="Playing", choices=STATUSES)
    options = parser.parse_args()
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    player = Player(bus, options.status)  # the object first: a watcher that sees the name can ask at once
    name = dbus.service.BusName(ROOT + "." + options.name, bus, do_not_queue=True)
    loop = GLib.MainLoop()
    for number in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, number, loop.quit)
    loop.run()
    del name, player


if __name__ == "__main__":
    main()
