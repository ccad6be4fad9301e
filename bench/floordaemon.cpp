// SPDX-License-Identifier: GPL-3.0-or-later
// The floor under sundiald's footprint: the least a daemon on the stack the service is built
// on (QtCore + QtDBus + SQLite, Debian 12's shared libraries) can be. It owns the service's bus
// name, answers Session.Heartbeat with a constant, and keeps an SQLite file open in WAL mode;
// it counts nothing. bench/service_bench.py measures it in the same run as sundiald, so the
// memory and CPU the libraries cost are told apart from what sundiald's own code costs.
//
// Usage: sundial-bench-floor DATABASE   (on the system bus, like sundiald)
#include <cstdio>

#include <sqlite3.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QObject>
#include <QVariantMap>

namespace
{

class FloorSession : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.sundial.Agent1.Session")
public slots:
    QString Heartbeat(const QVariantMap &report) { return report.isEmpty() ? QString() : QStringLiteral("allowed"); }
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_NO_GLIB", "1"); // as sundiald does
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: sundial-bench-floor DATABASE\n");
        return 2;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK
        || sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t(x)", nullptr, nullptr, nullptr)
            != SQLITE_OK) {
        std::fprintf(stderr, "sundial-bench-floor: cannot open %s\n", argv[1]);
        return 1;
    }
    FloorSession session;
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.registerObject(QStringLiteral("/org/sundial/Agent1"), &session, QDBusConnection::ExportAllSlots)
        || !bus.registerService(QStringLiteral("org.sundial.Agent1"))) {
        std::fprintf(stderr, "sundial-bench-floor: cannot own org.sundial.Agent1 on the system bus\n");
        return 1;
    }
    const int status = app.exec();
    sqlite3_close(db);
    return status;
}

#include "floordaemon.moc"
