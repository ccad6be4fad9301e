// SPDX-License-Identifier: GPL-3.0-or-later
// AdminClient: the console's side of org.sundial.Agent1.Admin. Every call is asynchronous (the
// console never freezes while the service answers); failures become one message a parent can
// act on.
#pragma once

#include <functional>

#include <QDBusConnection>
#include <QJsonDocument>
#include <QObject>
#include <QVariantMap>

namespace sundial::ui
{

class AdminClient : public QObject
{
    Q_OBJECT
public:
    explicit AdminClient(const QDBusConnection &bus, QObject *parent = nullptr);

    using JsonReply = std::function<void(const QJsonDocument &)>;
    using MapReply = std::function<void(const QVariantMap &)>;
    using DoneReply = std::function<void()>;

    void listChildren(JsonReply reply);
    void childStatus(uint uid, MapReply reply);
    // Without `failed`, a failure is announced by failed() (the window's banner).
    void usage(uint uid, const QDate &from, const QDate &to, JsonReply reply,
        std::function<void(const QString &)> failed = {});
    // One app's (site's) time per day over from..to; `app` (`site`) is the id in Usage's apps
    // (sites). The two have the same signature, so a caller may pick one by pointer.
    void appUsage(uint uid, qint64 app, const QDate &from, const QDate &to, JsonReply reply);
    void siteUsage(uint uid, qint64 site, const QDate &from, const QDate &to, JsonReply reply);
    void timeline(uint uid, const QDate &day, JsonReply reply);
    // Newest first, ids below `beforeId` (0: from the newest), at most `limit` (the service cuts it
    // to 200): one page.
    void listRequests(bool pendingOnly, qint64 beforeId, uint limit, JsonReply reply);
    void answerRequest(qint64 id, uint minutes, DoneReply reply);
    void audit(JsonReply reply);
    void acceptClockChange(DoneReply reply);
    // Limits the account `uid`; `failed` gets the service's message (no such account, …).
    void addChild(uint uid, DoneReply reply, std::function<void(const QString &)> failed);
    // Without `failed`, a failure goes to the `failed` signal.
    void getRules(
        uint uid, std::function<void(const QString &)> reply, std::function<void(const QString &)> failed = {});
    // `failed` gets the service's message, which names the field that is wrong.
    void setRules(uint uid, const QString &json, DoneReply reply, std::function<void(const QString &)> failed);

    // A parent-facing sentence for a D-Bus error.
    static QString explain(const QString &errorName, const QString &message);

signals:
    void failed(const QString &message);

private:
    // AppUsage and SiteUsage: `method` for one key of Usage's apps or sites.
    void dayTotals(const QString &method, uint uid, qint64 key, const QDate &from, const QDate &to, JsonReply reply);
    void call(const QString &method, const QVariantList &arguments, std::function<void(const QVariantList &)> done,
        std::function<void(const QString &)> failed = {});

    QDBusConnection m_bus;
};

} // namespace sundial::ui
