// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/servicebackend.h"

#include <algorithm>

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDate>

#include "agent/core/heartbeat.h"

namespace sundial::ctl
{

namespace
{

using nlohmann::json;

const QString kAdmin = QStringLiteral("Admin");
const QString kChild = QStringLiteral("Child");

core::Instant instant(const json &unixTime)
{
    return core::Instant {std::chrono::seconds {unixTime.get<std::int64_t>()}};
}

core::TimeRequest::State requestState(const std::string &name)
{
    if (name == "approved") {
        return core::TimeRequest::State::Approved;
    }
    return name == "denied" ? core::TimeRequest::State::Denied : core::TimeRequest::State::Pending;
}

QString date(core::LocalDate day)
{
    return QString::fromStdString(core::formatDate(day));
}

} // namespace

ServiceBackend::ServiceBackend(bool sessionBus)
    : m_client(sessionBus)
{
}

core::Result<std::string> ServiceBackend::text(
    const QString &interface, const QString &method, const QVariantList &arguments)
{
    auto reply = m_client.call(interface, method, arguments);
    if (!reply) {
        return reply.error();
    }
    return reply->toString().toStdString();
}

core::Status ServiceBackend::done(const QString &interface, const QString &method, const QVariantList &arguments)
{
    auto reply = m_client.call(interface, method, arguments);
    if (!reply) {
        return reply.error();
    }
    return core::success();
}

core::Result<std::vector<core::Child>> ServiceBackend::children()
{
    auto list = text(kAdmin, QStringLiteral("ListChildren"));
    if (!list) {
        return list.error();
    }
    std::vector<core::Child> children;
    for (const json &item : json::parse(*list)) {
        children.push_back({item.at("uid").get<std::int64_t>(), item.at("name").get<std::string>(), {}});
    }
    return children;
}

core::Status ServiceBackend::addChild(std::int64_t uid)
{
    return done(kAdmin, QStringLiteral("AddChild"), {uint(uid)});
}

core::Status ServiceBackend::removeChild(std::int64_t uid)
{
    return done(kAdmin, QStringLiteral("RemoveChild"), {uint(uid)});
}

core::Result<json> ServiceBackend::status(std::optional<std::int64_t> child)
{
    auto reply = child ? m_client.call(kAdmin, QStringLiteral("GetChildStatus"), {uint(*child)})
                       : m_client.call(kChild, QStringLiteral("GetStatus"));
    if (!reply) {
        return reply.error();
    }
    const QVariantMap status = qdbus_cast<QVariantMap>(*reply);
    json out = json::object();
    for (auto it = status.begin(); it != status.end(); ++it) {
        const QVariant &value = it.value();
        if (value.typeId() == QMetaType::Bool) {
            out[it.key().toStdString()] = value.toBool();
        } else if (value.typeId() == QMetaType::LongLong) {
            out[it.key().toStdString()] = value.toLongLong();
        } else {
            out[it.key().toStdString()] = value.toString().toStdString();
        }
    }
    return out;
}

core::Result<core::LocalDate> ServiceBackend::today(std::int64_t)
{
    // The service counts the period's days itself; this machine's calendar day names them.
    return core::parseDate(QDate::currentDate().toString(Qt::ISODate).toStdString()).value_or(core::LocalDate {});
}

core::Result<std::string> ServiceBackend::rules(std::int64_t child)
{
    return text(kAdmin, QStringLiteral("GetRules"), {uint(child)});
}

core::Result<std::int64_t> ServiceBackend::setRules(std::int64_t child, const std::string &rulesJson)
{
    auto version = m_client.call(kAdmin, QStringLiteral("SetRules"), {uint(child), QString::fromStdString(rulesJson)});
    if (!version) {
        return version.error();
    }
    return std::int64_t {version->toLongLong()};
}

core::Result<std::vector<core::RuleVersion>> ServiceBackend::rulesHistory(std::int64_t)
{
    return core::Error {
        kErrorFailed, "the service does not list earlier rules; use --state DIR on a copy of its state"};
}

core::Status ServiceBackend::grantExtraTime(std::int64_t child, std::chrono::minutes extra)
{
    return done(kAdmin, QStringLiteral("GrantExtraTime"), {uint(child), uint(extra.count())});
}

core::Status ServiceBackend::grantFreeUntil(std::int64_t child, core::TimeOfDay until)
{
    return done(
        kAdmin, QStringLiteral("GrantFreeUntil"), {uint(child), QString::fromStdString(core::formatTimeOfDay(until))});
}

core::Result<std::int64_t> ServiceBackend::requestMoreTime(std::chrono::minutes minutes, const std::string &reason)
{
    auto id = m_client.call(
        kChild, QStringLiteral("RequestMoreTime"), {uint(minutes.count()), QString::fromStdString(reason)});
    if (!id) {
        return id.error();
    }
    return std::int64_t {id->toLongLong()};
}

core::Result<std::vector<core::TimeRequest>> ServiceBackend::requests(
    bool pendingOnly, std::int64_t beforeId, int limit)
{
    auto list = text(kAdmin, QStringLiteral("ListRequests"),
        {pendingOnly, qlonglong {beforeId}, uint(std::clamp(limit, 0, core::RequestStore::kMaxPage))});
    if (!list) {
        return list.error();
    }
    std::vector<core::TimeRequest> requests;
    for (const json &item : json::parse(*list)) {
        core::TimeRequest request;
        request.id = item.at("id").get<std::int64_t>();
        request.child = item.at("uid").get<std::int64_t>();
        request.askedAt = instant(item.at("askedAt"));
        request.minutes = std::chrono::minutes {item.at("minutes").get<std::int64_t>()};
        request.reason = item.at("reason").get<std::string>();
        request.state = requestState(item.at("state").get<std::string>());
        requests.push_back(std::move(request));
    }
    return requests;
}

core::Status ServiceBackend::answerRequest(std::int64_t id, std::chrono::minutes granted)
{
    return done(kAdmin, QStringLiteral("AnswerRequest"), {qlonglong(id), uint(granted.count())});
}

core::Result<std::string> ServiceBackend::usage(std::int64_t child, core::LocalDate from, core::LocalDate to)
{
    return text(kAdmin, QStringLiteral("Usage"), {uint(child), date(from), date(to)});
}

core::Result<std::vector<core::TimelineEntry>> ServiceBackend::timeline(std::int64_t child, core::LocalDate day)
{
    auto list = text(kAdmin, QStringLiteral("Timeline"), {uint(child), date(day)});
    if (!list) {
        return list.error();
    }
    std::vector<core::TimelineEntry> entries;
    for (const json &item : json::parse(*list)) {
        core::TimelineEntry entry;
        entry.span = {instant(item.at("start")), instant(item.at("end"))};
        entry.appId = item.at("appId").get<std::int64_t>();
        entry.app.exe = item.at("exe").get<std::string>();
        entry.app.desktopId = item.at("desktopId").get<std::string>();
        entry.domain = item.at("domain").get<std::string>();
        entry.title = item.at("title").get<std::string>();
        entry.flags = (item.at("idle").get<bool>() ? core::ActivityFlag::Idle : 0)
            | (item.at("charged").get<bool>() ? core::ActivityFlag::Charged : 0)
            | (item.at("unknownApp").get<bool>() ? core::ActivityFlag::UnknownApp : 0);
        entries.push_back(std::move(entry));
    }
    return entries;
}

core::Result<AuditTrail> ServiceBackend::audit()
{
    auto log = text(kAdmin, QStringLiteral("Audit"), {qlonglong(0), uint(10'000)});
    if (!log) {
        return log.error();
    }
    const json answer = json::parse(*log);
    AuditTrail trail;
    trail.intact = answer.at("intact").get<bool>();
    if (answer.contains("brokenAt")) {
        trail.brokenAt = answer.at("brokenAt").get<std::int64_t>();
    }
    for (const json &item : answer.at("entries")) {
        trail.entries.push_back({item.at("id").get<std::int64_t>(), instant(item.at("at")),
            item.at("kind").get<std::string>(), item.value("uid", std::int64_t {-1}),
            item.value("actor", std::int64_t {-1}), item.at("detail").get<std::string>()});
    }
    // The rows the service's chain check covers (it answers with at most 10 000 entries); a
    // service without `rows` in its answer checked at least the entries it sent.
    trail.checkedEntries = answer.value("rows", static_cast<std::int64_t>(trail.entries.size()));
    if (answer.contains("pendingClockJumpSeconds")) {
        trail.pendingClockJump = std::chrono::seconds {answer.at("pendingClockJumpSeconds").get<std::int64_t>()};
    }
    return trail;
}

core::Status ServiceBackend::acceptClockChange()
{
    return done(kAdmin, QStringLiteral("AcceptClockChange"));
}

core::Result<DemoState> ServiceBackend::createDemo()
{
    return core::Error {kErrorFailed, "a demo state is made on a state directory (--state DIR), not in the service"};
}

} // namespace sundial::ctl
