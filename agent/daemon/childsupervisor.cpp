// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/childsupervisor.h"

#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "agent/core/policy.h"
#include "agent/platform/processcontrol.h"

namespace sundial::daemon
{

using namespace std::chrono;

namespace
{

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

qint64 unixTime(core::Instant at)
{
    return at.time_since_epoch().count();
}

const char *scopeName(core::BudgetState::Scope scope)
{
    switch (scope) {
    case core::BudgetState::Scope::App:
        return "app";
    case core::BudgetState::Scope::Category:
        return "category";
    case core::BudgetState::Scope::Site:
        return "site";
    }
    return "app";
}

} // namespace

ChildSupervisor::ChildSupervisor(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store,
    core::GrantStore &grants, core::AuditLog &audit, TrustedClock &clock, platform::LogindMonitor &logind,
    SupervisorSettings settings, QObject *parent)
    : QObject(parent)
    , m_uid(uid)
    , m_rules(rules)
    , m_store(store)
    , m_grants(grants)
    , m_audit(audit)
    , m_clock(clock)
    , m_logind(logind)
    , m_settings(settings)
    , m_recorder(std::make_unique<core::ActivityRecorder>(store, uid, clock.zone(), rules, settings.pulse))
{
    for (QTimer *timer : {&m_decisionTimer, &m_graceTimer, &m_lockCheckTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
    }
    m_tickTimer.setInterval(duration_cast<milliseconds>(settings.flushInterval));
    connect(&m_decisionTimer, &QTimer::timeout, this, &ChildSupervisor::update);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] {
        update();
        flush();
    });
    connect(&m_graceTimer, &QTimer::timeout, this, &ChildSupervisor::lockOut);
    connect(&m_lockCheckTimer, &QTimer::timeout, this, &ChildSupervisor::checkLocked);
}

ChildSupervisor::~ChildSupervisor()
{
    flush();
}

void ChildSupervisor::setRules(const core::Rules &rules)
{
    const core::Instant now = m_clock.now();
    count(now); // seconds so far keep the old rules' classification
    m_rules = rules;
    m_recorder->setRules(rules);
    m_warnedThreshold.reset();
    update();
}

bool ChildSupervisor::sessionCounts() const
{
    for (const platform::LoginSession &session : m_logind.sessionsOf(static_cast<uint>(m_uid))) {
        if (session.counts()) {
            return true;
        }
    }
    return false;
}

QStringList ChildSupervisor::countingSessions() const
{
    QStringList ids;
    for (const platform::LoginSession &session : m_logind.sessionsOf(static_cast<uint>(m_uid))) {
        if (session.counts()) {
            ids.append(session.id);
        }
    }
    return ids;
}

bool ChildSupervisor::childActive() const
{
    if (!sessionCounts()) {
        return false;
    }
    if (m_lastReport && !m_helperMissingRecorded) {
        return !m_lastReport->idle || m_lastReport->mediaPlaying;
    }
    // No helper: logind's idle hint is all there is.
    for (const platform::LoginSession &session : m_logind.sessionsOf(static_cast<uint>(m_uid))) {
        if (session.counts() && !session.idleHint) {
            return true;
        }
    }
    return false;
}

core::Heartbeat ChildSupervisor::currentActivity(core::Instant now)
{
    const bool fresh = m_lastReport && now - m_lastReport->at <= m_settings.helperTimeout;
    if (fresh) {
        core::Heartbeat heartbeat = *m_lastReport;
        heartbeat.at = now;
        return heartbeat;
    }
    if (!m_helperMissingRecorded) {
        m_helperMissingRecorded = true;
        m_audit.append(
            {0, now, "helper-missing", m_uid, -1, "no report from the session helper; time counts as \"unknown app\""});
        qInfo("sundiald: uid %lld: helper missing, counting unknown app", static_cast<long long>(m_uid));
    }
    core::Heartbeat unknown;
    unknown.at = now;
    for (const platform::LoginSession &session : m_logind.sessionsOf(static_cast<uint>(m_uid))) {
        if (session.counts()) {
            unknown.idle = session.idleHint;
        }
    }
    return unknown;
}

void ChildSupervisor::count(core::Instant now)
{
    const bool counting = sessionCounts();
    if (counting) {
        m_recorder->record(currentActivity(now));
    } else if (m_counting) {
        m_recorder->record(currentActivity(now)); // up to the moment it stopped
        m_recorder->endActivity();
    }
    m_counting = counting;
    if (counting && !m_tickTimer.isActive()) {
        m_tickTimer.start();
    } else if (!counting && m_tickTimer.isActive()) {
        m_tickTimer.stop();
        flush();
    }
}

QString ChildSupervisor::report(core::Heartbeat heartbeat)
{
    const core::Instant now = m_clock.now();
    heartbeat.at = now;
    if (m_helperMissingRecorded) {
        m_audit.append({0, now, "helper-back", m_uid, -1, "the session helper reports again"});
        m_helperMissingRecorded = false;
    }
    m_lastReport = heartbeat;
    count(now);
    decide(now);
    if (!m_decision) {
        return QStringLiteral("allowed");
    }
    const core::UseDecision use = core::judgeUse(m_rules, m_usage, *m_decision, heartbeat.app, heartbeat.domain);
    // The app itself (not a site shown in it: the browser extension blocks sites) may not run.
    const core::UseDecision appOnly = core::judgeUse(m_rules, m_usage, *m_decision, heartbeat.app, {});
    if (appOnly.verdict == core::UseVerdict::Blocked || appOnly.verdict == core::UseVerdict::OverBudget) {
        closeApp(heartbeat.app.exe, appOnly.reason);
    }
    return fromStd(std::string {core::useVerdictKey(use.verdict)});
}

void ChildSupervisor::closeApp(const std::string &exe, const std::string &reason)
{
    if (exe.empty()) {
        return;
    }
    // By executable path and uid, never by name: a renamed copy elsewhere is a different path,
    // and a process of another user is never touched.
    const std::vector<pid_t> pids
        = platform::findProcessesOf(static_cast<uid_t>(m_uid), [&exe](const std::string &path) { return path == exe; });
    if (pids.empty()) {
        return;
    }
    auto ender = std::make_shared<platform::ProcessGroupEnder>(pids);
    const int signalled = ender->signalAll(SIGTERM);
    m_audit.append(
        {0, m_clock.now(), "app-closed", m_uid, -1, exe + " (" + std::to_string(signalled) + " processes): " + reason});
    QTimer::singleShot(duration_cast<milliseconds>(m_settings.appCloseGrace), this, [ender] {
        if (ender->alive() > 0) {
            ender->signalAll(SIGKILL);
        }
    });
}

void ChildSupervisor::update()
{
    const core::Instant now = m_clock.now();
    count(now);
    decide(now);
}

void ChildSupervisor::flushUnwritten()
{
    if (m_recorder->pendingRows() > 0) {
        flush();
    }
}

void ChildSupervisor::flush()
{
    // The trusted clock's anchor rides in the usage's transaction: one synced commit a flush.
    if (core::Status written = m_recorder->flush([this] { return m_clock.persist(); }); !written) {
        qWarning("sundiald: uid %lld: cannot write usage (kept in memory, retrying): %s", static_cast<long long>(m_uid),
            written.error().describe().c_str());
    }
}

void ChildSupervisor::decide(core::Instant now)
{
    const core::DayCalendar calendar {m_clock.zone(), m_rules.dayStart};
    const core::LocalDate day = calendar.dayOf(now);
    m_usage = m_recorder->snapshot(day);
    const core::Decision decision = core::evaluate(m_rules, m_usage, m_grants.forDay(m_uid, day), now, m_clock.zone());
    m_decision = decision;

    // A change of verdict, reason, end or a whole minute of remaining time is news for the
    // child's window; a second more of use is not.
    const StatusEssentials essentials {decision.verdict, decision.reason, decision.stopsAt,
        decision.remaining ? decision.remaining->count() / 60 : -1};
    if (essentials != m_lastEssentials) {
        m_lastEssentials = essentials;
        emit statusChanged(static_cast<uint>(m_uid), statusFrom(decision, m_usage.chargedToday));
    }

    if (decision.verdict == core::Verdict::Warning && childActive() && decision.warningThreshold != m_warnedThreshold) {
        m_warnedThreshold = decision.warningThreshold;
        const qint64 left = decision.stopsAt ? (*decision.stopsAt - now).count() : 0;
        emit warning(static_cast<uint>(m_uid), left, fromStd(decision.reason));
    } else if (decision.verdict == core::Verdict::Allowed) {
        m_warnedThreshold.reset();
    }
    enforce(decision);
    schedule(decision);
}

void ChildSupervisor::enforce(const core::Decision &decision)
{
    const bool out = decision.verdict == core::Verdict::OutOfTime || decision.verdict == core::Verdict::OutsideHours;
    if (!out) {
        if (m_lockout != Lockout::None) {
            m_graceTimer.stop();
            m_lockCheckTimer.stop();
            m_lockout = Lockout::None;
            m_unlocks = 0;
        }
        return;
    }
    const bool unlocked = sessionCounts();
    switch (m_lockout) {
    case Lockout::None:
        if (!unlocked) {
            return; // nothing to lock
        }
        m_lockout = Lockout::Grace;
        emit timesUp(static_cast<uint>(m_uid), m_rules.lockout.grace.count(), fromStd(decision.reason));
        m_graceTimer.start(duration_cast<milliseconds>(m_rules.lockout.grace));
        return;
    case Lockout::Grace:
        return;
    case Lockout::Locking:
        if (!unlocked) {
            m_lockCheckTimer.stop(); // the locker acted
            m_lockout = Lockout::Locked;
        }
        return;
    case Lockout::Locked:
        if (unlocked) {
            // Unlocked while out of time: lock again at once, and end the session if it keeps
            // happening.
            ++m_unlocks;
            m_audit.append({0, m_clock.now(), "unlocked-while-out-of-time", m_uid, -1,
                "unlock " + std::to_string(m_unlocks) + " while " + decision.reason});
            if (m_unlocks >= m_rules.lockout.unlocksBeforeTerminate) {
                terminate("unlocked " + QString::number(m_unlocks) + " times while out of time");
                return;
            }
            lockOut();
        }
        return;
    }
}

void ChildSupervisor::lockOut()
{
    const QStringList sessions = countingSessions();
    if (sessions.isEmpty()) {
        m_lockout = Lockout::Locked;
        return;
    }
    switch (m_rules.lockout.action) {
    case core::LockoutAction::Lock:
        for (const QString &id : sessions) {
            m_logind.lockSession(id);
        }
        m_audit.append(
            {0, m_clock.now(), "locked", m_uid, -1, m_decision ? m_decision->reason : std::string {"out of time"}});
        m_lockout = Lockout::Locking;
        m_lockCheckTimer.start(duration_cast<milliseconds>(m_rules.lockout.lockConfirmDelay));
        return;
    case core::LockoutAction::Logout:
        terminate(QStringLiteral("the rules log the child out when time is up"));
        return;
    case core::LockoutAction::Suspend:
        m_audit.append({0, m_clock.now(), "suspended", m_uid, -1, "time is up"});
        m_logind.suspend();
        m_lockout = Lockout::Locked;
        return;
    }
}

void ChildSupervisor::checkLocked()
{
    if (countingSessions().isEmpty()) {
        m_lockout = Lockout::Locked;
        return;
    }
    // No screen locker acted on LockSession: end the session instead.
    terminate(QStringLiteral("no screen locker responded"));
}

void ChildSupervisor::terminate(const QString &why)
{
    for (const QString &id : countingSessions()) {
        m_logind.terminateSession(id);
    }
    m_audit.append({0, m_clock.now(), "session-terminated", m_uid, -1, why.toStdString()});
    m_lockout = Lockout::Locked;
}

void ChildSupervisor::schedule(const core::Decision &decision)
{
    // Wake only for something that can change: the child has a session, or a window opens.
    if (m_logind.sessionsOf(static_cast<uint>(m_uid)).isEmpty()) {
        m_decisionTimer.stop();
        return;
    }
    m_decisionTimer.start(static_cast<int>(std::min<qint64>(m_clock.msecsUntil(decision.nextChangeAt), 86'400'000)));
}

QVariantMap ChildSupervisor::statusFrom(const core::Decision &decision, seconds used) const
{
    QVariantMap status;
    status[QStringLiteral("limited")] = true;
    status[QStringLiteral("verdict")] = fromStd(std::string {core::verdictKey(decision.verdict)});
    status[QStringLiteral("reason")] = fromStd(decision.reason);
    // The same reason in parts, for the child's window to say in the child's language.
    const core::Reason &parts = decision.reasonParts;
    status[QStringLiteral("reasonKind")] = fromStd(std::string {core::reasonKindKey(parts.kind)});
    status[QStringLiteral("reasonAt")] = parts.at ? unixTime(*parts.at) : qint64 {0};
    status[QStringLiteral("reasonBudgetSeconds")] = qint64 {parts.budget.count()};
    status[QStringLiteral("reasonExtraSeconds")] = qint64 {parts.extra.count()};
    status[QStringLiteral("reasonRemainingSeconds")] = qint64 {parts.remaining.count()};
    status[QStringLiteral("reasonWeekday")] = qint64 {parts.weekday.c_encoding()};
    status[QStringLiteral("day")] = fromStd(core::formatDate(decision.day));
    status[QStringLiteral("usedSeconds")] = qint64 {used.count()};
    status[QStringLiteral("remainingSeconds")]
        = decision.remaining ? qint64 {decision.remaining->count()} : qint64 {-1};
    status[QStringLiteral("allowedUntil")] = decision.stopsAt ? unixTime(*decision.stopsAt) : qint64 {0};
    status[QStringLiteral("nextChangeAt")] = unixTime(decision.nextChangeAt);
    QJsonArray budgets;
    for (const core::BudgetState &budget : decision.budgets) {
        budgets.append(QJsonObject {{QStringLiteral("name"), fromStd(budget.name)},
            {QStringLiteral("scope"), QLatin1String(scopeName(budget.scope))},
            {QStringLiteral("limitSeconds"), qint64 {budget.limit.count()}},
            {QStringLiteral("usedSeconds"), qint64 {budget.used.count()}},
            {QStringLiteral("remainingSeconds"), qint64 {budget.remaining.count()}}});
    }
    status[QStringLiteral("budgets")] = QString::fromUtf8(QJsonDocument(budgets).toJson(QJsonDocument::Compact));
    const core::PrivacySettings &privacy = m_rules.privacy;
    status[QStringLiteral("recorded")]
        = QStringLiteral("Which apps you use and when%1%2. Details are kept %3 days, daily totals %4 days. "
                         "Never keystrokes, never screenshots.")
              .arg(privacy.recordFullUrls ? QStringLiteral(", full web addresses")
                                          : QStringLiteral(", which web sites (domain only)"),
                  privacy.recordTitles ? QStringLiteral(", window titles") : QString {})
              .arg(privacy.activityRetention.count())
              .arg(privacy.dailyRetention.count());
    // What the child's helper needs to know to send no more than is kept.
    status[QStringLiteral("recordTitles")] = privacy.recordTitles;
    status[QStringLiteral("recordFullUrls")] = privacy.recordFullUrls;
    status[QStringLiteral("idleThresholdSeconds")] = qint64 {m_rules.idleThreshold.count()};
    status[QStringLiteral("activityRetentionDays")] = qint64 {privacy.activityRetention.count()};
    status[QStringLiteral("dailyRetentionDays")] = qint64 {privacy.dailyRetention.count()};
    status[QStringLiteral("helpLineName")] = fromStd(m_rules.helpLine.name);
    status[QStringLiteral("helpLinePhone")] = fromStd(m_rules.helpLine.phone);
    status[QStringLiteral("helpLineUrl")] = fromStd(m_rules.helpLine.url);
    return status;
}

QVariantMap ChildSupervisor::status()
{
    const core::Instant now = m_clock.now();
    count(now);
    decide(now);
    return statusFrom(*m_decision, m_usage.chargedToday);
}

} // namespace sundial::daemon
