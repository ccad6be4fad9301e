// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/agentobject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "agent/core/rulesjson.h"
#include "agent/core/text.h"
#include "agent/core/usagereport.h"
#include "agent/core/usagereportjson.h"
#include "agent/daemon/heartbeatparser.h"

namespace sundial::daemon
{

namespace
{

constexpr const char *kPermissionDenied = "org.sundial.Error.PermissionDenied";
constexpr const char *kInvalidArgument = "org.sundial.Error.InvalidArgument";
constexpr const char *kInvalidRule = "org.sundial.Error.InvalidRule";
constexpr const char *kNotLimited = "org.sundial.Error.NotLimited";
constexpr const char *kRateLimited = "org.sundial.Error.RateLimited";
constexpr const char *kFailed = "org.sundial.Error.Failed";

QString toJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

} // namespace

AgentObject::AgentObject(Service &service, CallerAuthority &authority, ReporterVerifier &reporters,
    ReporterVerifier &browserHosts, ClaimChecker &claims, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_authority(authority)
    , m_reporters(reporters)
    , m_browserHosts(browserHosts)
    , m_claims(claims)
{
    connect(&service, &Service::statusChanged, this, &AgentObject::StatusChanged);
    connect(&service, &Service::warning, this, &AgentObject::Warning);
    connect(&service, &Service::timesUp, this, &AgentObject::TimesUp);
    connect(&service, &Service::requestAnswered, this, &AgentObject::RequestAnswered);
}

void AgentObject::fail(const char *errorName, const std::string &message)
{
    sendErrorReply(QString::fromLatin1(errorName), fromStd(message));
}

void AgentObject::fail(const core::Error &error, const char *errorName)
{
    fail(errorName, error.describe());
}

std::optional<uint> AgentObject::caller()
{
    const std::optional<uint> uid = m_authority.callerUid(message());
    if (!uid) {
        fail(kPermissionDenied, "the bus cannot tell who is calling");
        return std::nullopt;
    }
    const bool allowed
        = *uid == 0 ? m_rootCalls.allow(static_cast<unsigned>(qHash(message().service()))) : m_calls.allow(*uid);
    if (!allowed) {
        fail(kRateLimited, "too many calls; slow down");
        return std::nullopt;
    }
    return uid;
}

std::optional<uint> AgentObject::admin()
{
    const std::optional<uint> uid = caller();
    if (!uid) {
        return std::nullopt;
    }
    if (!m_authority.mayAdminister(message(), *uid)) {
        fail(kPermissionDenied,
            "only a parent may do this: ask an administrator to add you to the "
            "sundial-admin group");
        return std::nullopt;
    }
    return uid;
}

bool AgentObject::requireChild(uint uid)
{
    if (m_service.isChild(uid)) {
        return true;
    }
    fail(kNotLimited, "uid " + std::to_string(uid) + " is not a limited account");
    return false;
}

QVariantMap AgentObject::GetStatus()
{
    const std::optional<uint> uid = caller();
    if (!uid) {
        return {};
    }
    ChildSupervisor *child = m_service.supervisor(*uid);
    if (!child) {
        return {{QStringLiteral("limited"), false}};
    }
    return child->status();
}

qint64 AgentObject::RequestMoreTime(uint minutes, const QString &reason)
{
    const std::optional<uint> uid = caller();
    if (!uid || !requireChild(*uid)) {
        return 0;
    }
    auto id = m_service.requestMoreTime(*uid, std::chrono::minutes {minutes}, reason.toStdString());
    if (!id) {
        fail(id.error());
        return 0;
    }
    return *id;
}

void AgentObject::OpenHelpLine()
{
    const std::optional<uint> uid = caller();
    if (!uid || !requireChild(*uid)) {
        return;
    }
    if (ChildSupervisor *child = m_service.supervisor(*uid)) {
        child->openHelpLine();
    }
}

std::optional<AgentObject::BelievedReport> AgentObject::believedReport(
    RateLimiter &limiter, ReporterVerifier &verifier, const ReportKind &kind)
{
    const std::optional<uint> uid = m_authority.callerUid(message());
    if (!uid) {
        fail(kPermissionDenied, "the bus cannot tell who is calling");
        return std::nullopt;
    }
    if (!limiter.allow(*uid)) {
        fail(kRateLimited,
            std::string {"too many "} + kind.plural
                + ": send one on each change and a keep-alive, at most 20 a second");
        return std::nullopt;
    }
    ChildSupervisor *child = m_service.supervisor(*uid);
    if (!child) {
        fail(kNotLimited, "uid " + std::to_string(*uid) + " is not a limited account; nothing is recorded");
        return std::nullopt;
    }
    // Nothing a sender says is read before the sender is known to be ours. Refused reports leave
    // the count alone: the child's session counts as use (as "unknown app" once no believed
    // report is fresh), so a forger gains nothing and is told no more than that.
    Reporter sender = verifier.check(message(), *uid);
    if (!sender.trusted) {
        auditTamper(*uid, kind.untrustedAudit,
            std::string {"a "} + kind.singular + " from "
                + (sender.exe.empty() ? std::string {"an unknown process"} : sender.exe)
                + " was not believed: " + sender.why + "; " + kind.whatCounts);
        fail(kPermissionDenied, kind.refusal);
        return std::nullopt;
    }
    return BelievedReport {*uid, child, std::move(sender)};
}

QString AgentObject::Heartbeat(const QVariantMap &report)
{
    static const ReportKind kHeartbeat {"heartbeats", "report", "report-untrusted", "the time counts as use",
        "only Sundial's session helper may report; this report is not recorded and the time counts as use"};
    const std::optional<BelievedReport> believed = believedReport(m_heartbeats, m_reporters, kHeartbeat);
    if (!believed) {
        return {};
    }
    auto heartbeat = parseHeartbeatReport(report);
    if (!heartbeat) {
        fail(heartbeat.error());
        return {};
    }
    if (const std::optional<std::string> doubt = m_claims.doubt(believed->uid, believed->sender, *heartbeat)) {
        auditTamper(believed->uid, "report-unconfirmed", *doubt + "; counted as use of an unknown app");
        *heartbeat = core::Heartbeat {};
    }
    if (const std::optional<std::string> relabelled = m_claims.identify(*heartbeat)) {
        auditTamper(believed->uid, "app-label-contradicted", *relabelled + "; rules about it do not apply");
    }
    return believed->child->onHeartbeat(*heartbeat);
}

QString AgentObject::SiteReport(const QVariantMap &report)
{
    static const ReportKind kSiteReport {"site reports", "site report", "site-report-untrusted",
        "the browser's time counts as the browser's",
        "only Sundial's browser host, started by a browser, may report sites; this report is not recorded"};
    const std::optional<BelievedReport> believed = believedReport(m_siteReports, m_browserHosts, kSiteReport);
    if (!believed) {
        return {};
    }
    auto site = parseSiteReport(report);
    if (!site) {
        fail(site.error());
        return {};
    }
    return believed->child->onSiteReport(*site, believed->sender.parentExe);
}

void AgentObject::auditTamper(uint uid, const std::string &kind, const std::string &detail)
{
    const core::Instant now = m_service.clock().now();
    const auto key = std::pair {uid, kind};
    if (const auto last = m_tamperAudited.find(key);
        last != m_tamperAudited.end() && now - last->second < kTamperEpisode) {
        return;
    }
    m_tamperAudited[key] = now;
    if (auto written = m_service.audit().append({0, now, kind, uid, -1, detail}); !written) {
        qWarning("sundiald: cannot audit %s for uid %u: %s", kind.c_str(), uid, written.error().describe().c_str());
    }
}

QString AgentObject::ListChildren()
{
    if (!admin()) {
        return {};
    }
    QJsonArray children;
    for (const core::Child &child : m_service.children().list()) {
        children.append(
            QJsonObject {{QStringLiteral("uid"), qint64 {child.uid}}, {QStringLiteral("name"), fromStd(child.name)}});
    }
    return toJson(children);
}

void AgentObject::AddChild(uint uid)
{
    if (const auto actor = admin()) {
        if (core::Status added = m_service.addChild(uid, *actor); !added) {
            fail(added.error());
        }
    }
}

void AgentObject::RemoveChild(uint uid)
{
    if (const auto actor = admin()) {
        if (core::Status removed = m_service.removeChild(uid, *actor); !removed) {
            fail(removed.error());
        }
    }
}

QString AgentObject::GetRules(uint uid)
{
    if (!admin() || !requireChild(uid)) {
        return {};
    }
    return fromStd(core::rulesToJson(m_service.supervisor(uid)->rules()));
}

qint64 AgentObject::SetRules(uint uid, const QString &rules)
{
    const auto actor = admin();
    if (!actor) {
        return 0;
    }
    if (rules.size() > 1024 * 1024) {
        fail(kInvalidRule, "the rules are larger than 1 MiB");
        return 0;
    }
    auto version = m_service.setRules(uid, rules.toStdString(), *actor);
    if (!version) {
        fail(version.error(), kInvalidRule);
        return 0;
    }
    return *version;
}

void AgentObject::GrantExtraTime(uint uid, uint minutes)
{
    const std::optional<uint> actor = caller();
    if (!actor) {
        return;
    }
    // A parent standing at the child's computer may approve with their own password: polkit
    // asks in the child's session, and the answer comes later, so the reply is delayed. The
    // prompt names the child and the minutes, and the amount has a cap on this path: the
    // child chooses it, and a parent typing a password must not hand over a day unawares.
    const bool forSelf = *actor == uid;
    if (forSelf && minutes > kMaxMinutesApprovedHere) {
        fail(kInvalidArgument,
            "at most " + std::to_string(kMaxMinutesApprovedHere)
                + " minutes can be given at the child's computer; a parent can give more from the console");
        return;
    }
    const QMap<QString, QString> details {{QStringLiteral("child"), QString::fromStdString(Service::accountName(uid))},
        {QStringLiteral("minutes"), QString::number(minutes)}};
    setDelayedReply(true);
    const QDBusMessage request = message();
    QDBusConnection bus = connection();
    m_authority.authorizeInteractively(
        request, *actor, details, [this, request, bus, uid, minutes, actor, forSelf](bool allowed) mutable {
            if (!allowed) {
                bus.send(request.createErrorReply(QString::fromLatin1(kPermissionDenied),
                    QStringLiteral("only a parent may give time: a parent can approve here "
                                   "with their password, or ask an administrator to add "
                                   "them to the sundial-admin group")));
                return;
            }
            // Approved at the child's computer: kept as an answered request, so the parents see it
            // beside the others.
            const core::Status granted = forSelf
                ? m_service.approveHere(uid, std::chrono::minutes {minutes})
                : m_service.grant(uid, core::Grant::extraTime({}, std::chrono::minutes {minutes}), *actor);
            bus.send(granted ? request.createReply()
                             : request.createErrorReply(QString::fromLatin1(kInvalidArgument),
                                 QString::fromStdString(granted.error().describe())));
        });
}

void AgentObject::GrantFreeUntil(uint uid, const QString &until)
{
    const auto actor = admin();
    if (!actor) {
        return;
    }
    const auto time = core::parseTimeOfDay(until.toStdString());
    if (!time) {
        fail(kInvalidArgument,
            "until: \"" + core::truncateUtf8(until.toStdString(), 40) + "\" is not a time of day such as 19:30");
        return;
    }
    if (core::Status granted = m_service.grant(uid, core::Grant::freeUntil({}, *time), *actor); !granted) {
        fail(granted.error());
    }
}

QString AgentObject::ListRequests(bool pendingOnly, qint64 beforeId, uint limit)
{
    if (!admin()) {
        return {};
    }
    static const char *const kStates[] = {"pending", "approved", "denied"};
    QJsonArray requests;
    for (const core::TimeRequest &request : m_service.requests().list(
             -1, pendingOnly, beforeId, static_cast<int>(std::min<uint>(limit, core::RequestStore::kMaxPage)))) {
        QJsonObject item {{QStringLiteral("id"), qint64 {request.id}}, {QStringLiteral("uid"), qint64 {request.child}},
            {QStringLiteral("askedAt"), qint64 {request.askedAt.time_since_epoch().count()}},
            {QStringLiteral("minutes"), qint64 {request.minutes.count()}},
            {QStringLiteral("reason"), fromStd(request.reason)},
            {QStringLiteral("state"), QLatin1String(kStates[static_cast<int>(request.state)])}};
        if (request.answeredAt) {
            item[QStringLiteral("answeredAt")] = qint64 {request.answeredAt->time_since_epoch().count()};
            item[QStringLiteral("answeredBy")] = qint64 {request.answeredBy.value_or(-1)};
            item[QStringLiteral("granted")] = qint64 {request.granted.count()};
        }
        requests.append(item);
    }
    return toJson(requests);
}

void AgentObject::AnswerRequest(qint64 id, uint minutes)
{
    if (const auto actor = admin()) {
        if (core::Status answered = m_service.answerRequest(id, std::chrono::minutes {minutes}, *actor); !answered) {
            fail(answered.error());
        }
    }
}

QVariantMap AgentObject::GetChildStatus(uint uid)
{
    if (!admin() || !requireChild(uid)) {
        return {};
    }
    return m_service.supervisor(uid)->status();
}

std::optional<std::pair<core::LocalDate, core::LocalDate>> AgentObject::dateRange(
    const QString &from, const QString &to)
{
    const auto first = core::parseDate(from.toStdString());
    const auto last = core::parseDate(to.toStdString());
    if (!first || !last || *last < *first || *last - *first > std::chrono::days {3660}) {
        fail(kInvalidArgument, "from/to must be dates such as 2025-06-14, from before to, at most 10 years apart");
        return std::nullopt;
    }
    return std::pair {*first, *last};
}

QString AgentObject::Usage(uint uid, const QString &from, const QString &to)
{
    if (!admin() || !requireChild(uid)) {
        return {};
    }
    const auto range = dateRange(from, to);
    if (!range) {
        return {};
    }
    const auto [first, last] = *range;
    m_service.supervisor(uid)->flushUnwritten(); // include what was counted a moment ago
    return fromStd(core::usageReportJson(core::UsageReport {m_service.activity()}, uid, first, last));
}

QString AgentObject::AppUsage(uint uid, qint64 app, const QString &from, const QString &to)
{
    return dayTotalsJson(uid, core::UsageDimension::App, app, from, to);
}

QString AgentObject::SiteUsage(uint uid, qint64 site, const QString &from, const QString &to)
{
    return dayTotalsJson(uid, core::UsageDimension::Domain, site, from, to);
}

QString AgentObject::dayTotalsJson(
    uint uid, core::UsageDimension dimension, qint64 key, const QString &from, const QString &to)
{
    if (!admin() || !requireChild(uid)) {
        return {};
    }
    const auto range = dateRange(from, to);
    if (!range) {
        return {};
    }
    m_service.supervisor(uid)->flushUnwritten();
    core::UsageReport report {m_service.activity()};
    QJsonArray days;
    for (const core::DayTotal &total : report.keyDayTotals(uid, dimension, key, range->first, range->second)) {
        days.append(QJsonObject {{QStringLiteral("day"), fromStd(core::formatDate(total.day))},
            {QStringLiteral("activeSeconds"), qint64 {total.active.count()}},
            {QStringLiteral("chargedSeconds"), qint64 {total.charged.count()}}});
    }
    return toJson(QJsonObject {{QStringLiteral("days"), days}});
}

QString AgentObject::Timeline(uint uid, const QString &day)
{
    if (!admin() || !requireChild(uid)) {
        return {};
    }
    const auto date = core::parseDate(day.toStdString());
    if (!date) {
        fail(kInvalidArgument, "day must be a date such as 2025-06-14");
        return {};
    }
    m_service.supervisor(uid)->flushUnwritten();
    core::UsageReport report {m_service.activity()};
    QJsonArray entries;
    for (const core::TimelineEntry &entry : report.timeline(uid, *date)) {
        entries.append(QJsonObject {{QStringLiteral("start"), qint64 {entry.span.start.time_since_epoch().count()}},
            {QStringLiteral("end"), qint64 {entry.span.end.time_since_epoch().count()}},
            {QStringLiteral("appId"), qint64 {entry.appId}}, {QStringLiteral("exe"), fromStd(entry.app.exe)},
            {QStringLiteral("desktopId"), fromStd(entry.app.desktopId)},
            {QStringLiteral("domain"), fromStd(entry.domain)}, {QStringLiteral("title"), fromStd(entry.title)},
            {QStringLiteral("idle"), (entry.flags & core::ActivityFlag::Idle) != 0},
            {QStringLiteral("charged"), (entry.flags & core::ActivityFlag::Charged) != 0},
            {QStringLiteral("unknownApp"), (entry.flags & core::ActivityFlag::UnknownApp) != 0}});
    }
    return toJson(entries);
}

QString AgentObject::Audit(qint64 afterId, uint limit)
{
    if (!admin()) {
        return {};
    }
    // Incremental between full verifications, so that a long log does not make each call slower.
    const core::ChainState chain = m_service.audit().verifyAt(std::chrono::steady_clock::now());
    QJsonArray entries;
    for (const core::AuditEntry &entry :
        m_service.audit().list(-1, afterId, static_cast<int>(std::min<uint>(limit, 10'000)))) {
        entries.append(QJsonObject {{QStringLiteral("id"), qint64 {entry.id}},
            {QStringLiteral("at"), qint64 {entry.at.time_since_epoch().count()}},
            {QStringLiteral("kind"), fromStd(entry.kind)}, {QStringLiteral("uid"), qint64 {entry.child}},
            {QStringLiteral("actor"), qint64 {entry.actor}}, {QStringLiteral("detail"), fromStd(entry.detail)}});
    }
    QJsonObject out {{QStringLiteral("intact"), chain.intact}, {QStringLiteral("rows"), qint64 {chain.rows}},
        {QStringLiteral("entries"), entries}};
    if (chain.brokenAt) {
        out[QStringLiteral("brokenAt")] = qint64 {*chain.brokenAt};
    }
    if (const auto jump = m_service.clock().pendingJump()) {
        out[QStringLiteral("pendingClockJumpSeconds")] = qint64 {jump->count()};
    }
    return toJson(out);
}

void AgentObject::AcceptClockChange()
{
    if (const auto actor = admin()) {
        m_service.acceptClockChange(*actor);
    }
}

} // namespace sundial::daemon
