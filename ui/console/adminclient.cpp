// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/adminclient.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDate>
#include <QTimer>

namespace sundial::ui
{

AdminClient::AdminClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

QString AdminClient::explain(const QString &errorName, const QString &message)
{
    if (errorName == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
        || errorName == QLatin1String("org.freedesktop.DBus.Error.NoServer")
        || errorName == QLatin1String("org.freedesktop.DBus.Error.Disconnected")) {
        return tr("The Sundial service is not running. Start it with \"sudo systemctl start sundiald\" "
                  "(or \"sundiald --user\" to try Sundial out).");
    }
    if (errorName == QLatin1String("org.sundial.Error.PermissionDenied")) {
        return tr("You are not allowed to manage Sundial: ask an administrator to add you to the sundial-admin "
                  "group.");
    }
    return message;
}

void AdminClient::call(const QString &method, const QVariantList &arguments,
    std::function<void(const QVariantList &)> done, std::function<void(const QString &)> failure)
{
    if (!m_bus.isConnected()) {
        // No bus at all (a machine without the system bus): say so as for a stopped service.
        QTimer::singleShot(0, this, [this, failure = std::move(failure)] {
            const QString text = explain(QStringLiteral("org.freedesktop.DBus.Error.NoServer"), {});
            failure ? failure(text) : emit failed(text);
        });
        return;
    }
    QDBusMessage message = QDBusMessage::createMethodCall(QStringLiteral("org.sundial.Agent1"),
        QStringLiteral("/org/sundial/Agent1"), QStringLiteral("org.sundial.Agent1.Admin"), method);
    message.setArguments(arguments);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, 30'000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, done = std::move(done), failure = std::move(failure)](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusMessage reply = finished->reply();
            if (reply.type() == QDBusMessage::ErrorMessage) {
                const QString text = explain(reply.errorName(), reply.errorMessage());
                if (failure) {
                    failure(text);
                } else {
                    emit failed(text);
                }
                return;
            }
            done(reply.arguments());
        });
}

namespace
{

std::function<void(const QVariantList &)> asJson(AdminClient::JsonReply reply)
{
    return [reply = std::move(reply)](const QVariantList &arguments) {
        reply(QJsonDocument::fromJson(arguments.value(0).toString().toUtf8()));
    };
}

} // namespace

void AdminClient::listChildren(JsonReply reply)
{
    call(QStringLiteral("ListChildren"), {}, asJson(std::move(reply)));
}

void AdminClient::childStatus(uint uid, MapReply reply)
{
    call(QStringLiteral("GetChildStatus"), {uid}, [reply = std::move(reply)](const QVariantList &arguments) {
        reply(qdbus_cast<QVariantMap>(arguments.value(0)));
    });
}

void AdminClient::usage(
    uint uid, const QDate &from, const QDate &to, JsonReply reply, std::function<void(const QString &)> failed)
{
    call(QStringLiteral("Usage"), {uid, from.toString(Qt::ISODate), to.toString(Qt::ISODate)}, asJson(std::move(reply)),
        std::move(failed));
}

void AdminClient::appUsage(uint uid, qint64 app, const QDate &from, const QDate &to, JsonReply reply)
{
    dayTotals(QStringLiteral("AppUsage"), uid, app, from, to, std::move(reply));
}

void AdminClient::siteUsage(uint uid, qint64 site, const QDate &from, const QDate &to, JsonReply reply)
{
    dayTotals(QStringLiteral("SiteUsage"), uid, site, from, to, std::move(reply));
}

void AdminClient::dayTotals(
    const QString &method, uint uid, qint64 key, const QDate &from, const QDate &to, JsonReply reply)
{
    call(method, {uid, key, from.toString(Qt::ISODate), to.toString(Qt::ISODate)}, asJson(std::move(reply)));
}

void AdminClient::timeline(uint uid, const QDate &day, JsonReply reply)
{
    call(QStringLiteral("Timeline"), {uid, day.toString(Qt::ISODate)}, asJson(std::move(reply)));
}

void AdminClient::listRequests(bool pendingOnly, qint64 beforeId, uint limit, JsonReply reply)
{
    call(QStringLiteral("ListRequests"), {pendingOnly, beforeId, limit}, asJson(std::move(reply)));
}

void AdminClient::answerRequest(qint64 id, uint minutes, DoneReply reply)
{
    call(QStringLiteral("AnswerRequest"), {id, minutes}, [reply = std::move(reply)](const QVariantList &) { reply(); });
}

void AdminClient::audit(JsonReply reply)
{
    call(QStringLiteral("Audit"), {qint64 {0}, uint {10'000}}, asJson(std::move(reply)));
}

void AdminClient::acceptClockChange(DoneReply reply)
{
    call(QStringLiteral("AcceptClockChange"), {}, [reply = std::move(reply)](const QVariantList &) { reply(); });
}

void AdminClient::addChild(uint uid, DoneReply reply, std::function<void(const QString &)> failed)
{
    call(
        QStringLiteral("AddChild"), {uid}, [reply = std::move(reply)](const QVariantList &) { reply(); },
        std::move(failed));
}

void AdminClient::getRules(
    uint uid, std::function<void(const QString &)> reply, std::function<void(const QString &)> failed)
{
    call(
        QStringLiteral("GetRules"), {uid},
        [reply = std::move(reply)](const QVariantList &arguments) { reply(arguments.value(0).toString()); },
        std::move(failed));
}

void AdminClient::setRules(uint uid, const QString &json, DoneReply reply, std::function<void(const QString &)> failed)
{
    call(
        QStringLiteral("SetRules"), {uid, json}, [reply = std::move(reply)](const QVariantList &) { reply(); },
        std::move(failed));
}

} // namespace sundial::ui
