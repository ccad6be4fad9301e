// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/childsupervisor.h"

#include <unistd.h>

#include "agent/core/policy.h"
#include "agent/core/siteverdict.h"
#include "agent/daemon/childstatus.h"
#include "agent/platform/knownbrowsers.h"
#include "agent/platform/launchedprogram.h"
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

} // namespace

ChildSupervisor::ChildSupervisor(std::int64_t uid, const core::Rules &rules, core::ActivityStore &store,
    core::GrantStore &grants, core::AuditLog &audit, ServiceClock &clock, platform::LogindMonitor &logind,
    SupervisorSettings settings, QObject *parent)
    : QObject(parent)
    , m_uid(uid)
    , m_rules(rules)
    , m_defaultHelpLine(settings.defaultHelpLine)
    , m_effectiveRules(core::withHelpLine(rules, m_defaultHelpLine))
    , m_store(&store)
    , m_newNames(settings.maxNewNamesPerHour)
    , m_grants(&grants)
    , m_audit(&audit)
    , m_clock(clock)
    , m_logind(logind)
    , m_sessions(static_cast<uint>(uid), logind)
    , m_counter(uid, m_effectiveRules, store, audit, clock, m_sessions, settings.helperTimeout, settings.pulse)
    , m_closer(uid, audit, clock, m_sameContent, settings.appCloseGrace)
    , m_downtime(uid, audit, clock, settings.applicationDirs, settings.appCloseGrace)
    , m_ladder(rules.lockout)
    , m_db(&store.database())
    , m_browserPrograms(settings.browserPrograms)
    , m_helperTimeout(settings.helperTimeout)
{
    restoreLadder();
    setRulesExecutables();
    for (QTimer *timer : {&m_decisionTimer, &m_ladderTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
    }
    m_tickTimer.setInterval(duration_cast<milliseconds>(settings.flushInterval));
    connect(&m_decisionTimer, &QTimer::timeout, this, &ChildSupervisor::update);
    connect(&m_ladderTimer, &QTimer::timeout, this, &ChildSupervisor::update);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] {
        update();
        flush();
    });
    m_downtimeTimer.setInterval(settings.downtimeSweepInterval);
    connect(&m_downtimeTimer, &QTimer::timeout, this,
        [this] { m_downtime.sweep(m_effectiveRules, m_counter.reportedApp()); });
}

ChildSupervisor::~ChildSupervisor()
{
    flush();
}

core::Status ChildSupervisor::flush()
{
    core::Status written = m_counter.flush();
    emit flushed(written);
    return written;
}

void ChildSupervisor::flushUnwritten()
{
    // Only a write that was tried tells the service anything about the database.
    if (m_counter.unwritten()) {
        flush();
    }
}

void ChildSupervisor::moveTo(core::StateDatabase &state, bool fromMemory)
{
    m_counter.moveTo(m_clock.now(), state.activity(), state.audit(), fromMemory);
    m_closer.useAudit(state.audit());
    m_downtime.useAudit(state.audit());
    m_store = &state.activity();
    m_grants = &state.grants();
    m_audit = &state.audit();
    m_db = &state.database();
    m_savedLadder = {}; // the new file has not got it
    saveLadder();
}

void ChildSupervisor::setRules(const core::Rules &rules)
{
    m_rules = rules;
    m_effectiveRules = core::withHelpLine(rules, m_defaultHelpLine);
    // Seconds so far keep the old rules' classification.
    m_counter.setRules(m_clock.now(), m_effectiveRules);
    setRulesExecutables();
    m_ladder.setPolicy(rules.lockout);
    m_warnedThreshold.reset();
    update();
}

std::optional<std::string> ChildSupervisor::namedProgram(const std::string &exe)
{
    if (const std::optional<std::string> named = m_sameContent.referenceFor(exe);
        named || exe.empty() || ::access(exe.c_str(), R_OK) == 0) {
        return named;
    }
    // The service cannot open the path itself (its sandbox hides /home and /tmp; a FUSE mount,
    // such as an AppImage's, admits only its owner): look through a process that runs it. A /proc
    // scan at most once per executable per minute, never per heartbeat.
    const auto now = std::chrono::steady_clock::now();
    if (const auto seen = m_hiddenScanned.find(exe);
        seen != m_hiddenScanned.end() && now - seen->second.when < std::chrono::minutes {1}) {
        return seen->second.named;
    }
    const std::optional<pid_t> running = platform::processRunning(static_cast<uid_t>(m_uid), exe);
    const std::optional<std::string> named
        = running ? m_sameContent.referenceForProcess(*running, exe) : std::optional<std::string> {};
    if (m_hiddenScanned.size() >= kMaxHiddenRemembered) {
        m_hiddenScanned.clear();
    }
    m_hiddenScanned[exe] = {now, named};
    return named;
}

void ChildSupervisor::setRulesExecutables()
{
    std::vector<std::string> named;
    for (const core::AppRule &rule : m_rules.apps) {
        if (rule.kind == core::AppMatchKind::Executable && !rule.pattern.empty()
            && !core::isGlobPattern(rule.pattern)) {
            named.push_back(rule.pattern);
        }
    }
    m_sameContent.setReferences(std::move(named));
}

QString ChildSupervisor::onHeartbeat(core::Heartbeat heartbeat)
{
    m_helperReport = heartbeat;
    return takeReport(withBrowserSite(std::move(heartbeat), m_clock.now()));
}

bool ChildSupervisor::browserReportsSite(const std::string &exe, core::Instant now) const
{
    return m_browserSite && m_browserSite->site.focused && m_browserSite->browserExe == exe && now >= m_browserSite->at
        && now - m_browserSite->at <= kSiteReportFresh;
}

core::Heartbeat ChildSupervisor::withBrowserSite(core::Heartbeat heartbeat, core::Instant now) const
{
    if (browserReportsSite(heartbeat.app.exe, now)) {
        heartbeat.domain = m_browserSite->site.domain;
        heartbeat.url = m_browserSite->site.url;
    }
    return heartbeat;
}

QString ChildSupervisor::onSiteReport(const SiteReportFields &site, const std::string &browserExe)
{
    const core::Instant now = m_clock.now();
    const bool helperShowsBrowser
        = m_helperReport && m_helperReport->app.exe == browserExe && m_counter.reportIsFresh();
    if (!site.checkOnly) {
        m_browserSite = BrowserSite {browserExe, site, now};
    }
    if (helperShowsBrowser && !site.checkOnly) {
        // The tab changed under the same focused window: from now on its seconds are the new site's.
        takeReport(withBrowserSite(*m_helperReport, now));
    } else {
        update();
    }
    if (!m_decision) {
        update();
    }
    const core::AppIdentity browser = helperShowsBrowser ? m_helperReport->app : core::AppIdentity {browserExe, {}, {}};
    const core::SiteVerdict verdict = core::judgeSite(m_effectiveRules, m_usage, *m_decision, browser, site.domain,
        core::DayCalendar {m_clock.zone(), m_effectiveRules.dayStart});
    return fromStd(core::siteVerdictJson(verdict, m_effectiveRules).dump());
}

QString ChildSupervisor::takeReport(core::Heartbeat heartbeat)
{
    const core::Instant now = m_clock.now();
    // A copy of an executable the rules name is that executable, wherever it lies and whatever
    // it is called: counted, judged and closed as it.
    // (Nothing to compare, and no file looked at, while the rules name no executable.)
    if (m_sameContent.hasReferences()) {
        if (const std::optional<std::string> named = namedProgram(heartbeat.app.exe)) {
            heartbeat.app.exe = *named;
        }
    }
    // A report that would add a name past the hour's limit keeps no name: use of an unknown app.
    const bool addsName = !m_store->knowsApp(heartbeat.app) || !m_store->knowsDomain(heartbeat.domain)
        || !m_store->knowsTitle(heartbeat.title);
    if (addsName && !m_newNames.admit(now)) {
        if (m_newNames.firstRefusalSince(now)) {
            m_audit->append({0, now, "names-capped", m_uid, -1,
                "more than " + std::to_string(m_newNames.perHour())
                    + " new app, site or title names in an hour; further ones count as unknown app"});
        }
        heartbeat.app = {};
        heartbeat.domain.clear();
        heartbeat.url.clear();
        heartbeat.title.clear();
    }
    checkSiteTracking(now, heartbeat);
    const bool repeats = repeatsSettledReport(heartbeat, now);
    m_counter.takeReport(now, heartbeat);
    if (repeats && m_counter.count(now)) {
        return m_settled->verdictKey; // counted; nothing the last decision rests on has changed
    }
    update();
    const core::UseDecision use
        = core::judgeUse(m_effectiveRules, m_usage, *m_decision, heartbeat.app, heartbeat.domain);
    // The app itself (not a site shown in it) may not run: close it.
    const core::UseDecision appOnly = core::judgeUse(m_effectiveRules, m_usage, *m_decision, heartbeat.app, {});
    if (appOnly.verdict == core::UseVerdict::Blocked || appOnly.verdict == core::UseVerdict::OverBudget) {
        const bool ruleNamesExecutable = m_sameContent.referenceFor(heartbeat.app.exe).has_value();
        m_closer.close(heartbeat.app.exe, ruleNamesExecutable, appOnly.reason);
    }
    const QString verdictKey = fromStd(std::string {core::useVerdictKey(use.verdict)});
    settle(now, heartbeat, use, appOnly, verdictKey);
    return verdictKey;
}

bool ChildSupervisor::isBrowser(const core::AppIdentity &app) const
{
    return (!app.exe.empty()
               && std::find(m_browserPrograms.begin(), m_browserPrograms.end(), app.exe) != m_browserPrograms.end())
        || platform::isBrowserLabel(app.desktopId);
}

void ChildSupervisor::checkSiteTracking(core::Instant now, const core::Heartbeat &heartbeat)
{
    if (!isBrowser(heartbeat.app)) {
        m_untrackedBrowser.reset();
        return;
    }
    const std::string &exe = heartbeat.app.exe;
    // The extension says which tab is shown only while a window it sees has the focus: a private
    // window it may not run in (Chromium gives extensions no way into Incognito by policy) or a
    // window of a second profile without it reads as "no window focused".
    if (browserReportsSite(exe, now)) {
        m_untrackedBrowser.reset();
        m_siteTrackingOff.clear();
        return;
    }
    if (!m_untrackedBrowser || m_untrackedBrowser->exe != exe || now < m_untrackedBrowser->since) {
        m_untrackedBrowser = UntrackedBrowser {exe, now};
    }
    if (now - m_untrackedBrowser->since < m_helperTimeout) {
        return; // the extension reports when its window gets the focus; give it the helper's time
    }
    if (m_siteTrackingOff != exe) {
        m_siteTrackingOff = exe;
        m_audit->append({0, now, "site-tracking-off", m_uid, -1,
            (exe.empty() ? heartbeat.app.desktopId : exe)
                + " is in use and reports no sites: another browser, a portable copy, or Sundial's extension removed "
                  "or turned off; its time counts as the browser's"
                + (m_effectiveRules.browsers.allowWithoutExtension ? "" : ", and the rules close it")});
    }
    if (!m_effectiveRules.browsers.allowWithoutExtension && !exe.empty()) {
        m_closer.close(exe, false, "the rules close browsers without Sundial's extension");
    }
}

bool ChildSupervisor::repeatsSettledReport(const core::Heartbeat &heartbeat, core::Instant now) const
{
    // A repeat only while the last report is still fresh: a report after the helper went
    // missing changes what is counted.
    return m_settled && now < m_settled->until && m_counter.reportIsFresh() && m_tickTimer.isActive()
        && heartbeat.app == m_settled->report.app && heartbeat.domain == m_settled->report.domain
        && heartbeat.url == m_settled->report.url && heartbeat.title == m_settled->report.title
        && heartbeat.idle == m_settled->report.idle && heartbeat.mediaPlaying == m_settled->report.mediaPlaying;
}

void ChildSupervisor::settle(core::Instant now, const core::Heartbeat &heartbeat, const core::UseDecision &use,
    const core::UseDecision &appOnly, const QString &verdictKey)
{
    // Only a plain "allowed" is held: warnings, lockouts and closing apps are decided afresh.
    const auto allowed = [](core::UseVerdict verdict) {
        return verdict == core::UseVerdict::Allowed || verdict == core::UseVerdict::AlwaysAllowed;
    };
    if (!m_decision || m_decision->verdict != core::Verdict::Allowed || !allowed(use.verdict)
        || !allowed(appOnly.verdict) || m_locksToTrust) {
        return;
    }
    // Until the earliest moment the decision could change with the child active: the policy's
    // next change, the end of this app's or site's own budget, and the next whole minute of
    // remaining time (news for the child's window).
    core::Instant until = m_decision->nextChangeAt;
    for (const std::optional<seconds> &left : {use.remaining, appOnly.remaining}) {
        if (left) {
            until = std::min(until, now + *left);
        }
    }
    if (m_decision->remaining) {
        until = std::min(until, now + *m_decision->remaining % minutes {1});
    }
    m_settled = Settled {heartbeat, until, verdictKey};
}

void ChildSupervisor::update()
{
    if (m_locksToTrust && m_sessions.any()) {
        m_sessions.trustCurrentLocks();
        m_locksToTrust = false;
    }
    const core::Instant now = m_clock.now();
    const bool counting = m_counter.count(now);
    if (counting && !m_tickTimer.isActive()) {
        m_tickTimer.start();
    } else if (!counting && m_tickTimer.isActive()) {
        m_tickTimer.stop();
        flush();
    }
    decide(now);
}

core::Decision ChildSupervisor::evaluateAt(core::Instant now, core::UsageSnapshot &usage)
{
    const core::DayCalendar calendar {m_clock.zone(), m_effectiveRules.dayStart};
    const core::LocalDate day = calendar.dayOf(now);
    usage = m_counter.snapshot(day);
    return core::evaluate(m_effectiveRules, usage, m_grants->forDay(m_uid, day), now, m_clock.zone());
}

void ChildSupervisor::decide(core::Instant now)
{
    m_settled.reset(); // whatever called for a decision may change the verdict on the app in use
    const core::Decision decision = evaluateAt(now, m_usage);
    m_decision = decision;

    // A change of verdict, reason, end or a whole minute of remaining time is news for the
    // child's window; a second more of use is not.
    const auto essentialsNow = [&] {
        return StatusEssentials {decision.verdict, decision.reason, decision.stopsAt,
            decision.remaining ? decision.remaining->count() / 60 : -1, inDowntime()};
    };
    if (essentialsNow() != m_lastEssentials) {
        m_lastEssentials = essentialsNow();
        emit statusChanged(static_cast<uint>(m_uid), statusMap(decision, m_usage.chargedToday));
    }

    if (decision.verdict == core::Verdict::Warning && m_counter.childActive()
        && decision.warningThreshold != m_warnedThreshold) {
        m_warnedThreshold = decision.warningThreshold;
        const qint64 left = decision.stopsAt ? (*decision.stopsAt - now).count() : 0;
        emit warning(static_cast<uint>(m_uid), left, fromStd(decision.reason));
    } else if (decision.verdict == core::Verdict::Allowed) {
        m_warnedThreshold.reset();
    }
    enforce(now, decision);
    if (essentialsNow() != m_lastEssentials) { // downtime began or ended
        m_lastEssentials = essentialsNow();
        emit statusChanged(static_cast<uint>(m_uid), statusMap(decision, m_usage.chargedToday));
    }
    schedule(decision);
}

void ChildSupervisor::enforce(core::Instant now, const core::Decision &decision)
{
    const bool out = core::forbidsUse(decision.verdict);
    // Downtime needs always-allowed apps and a helper that reports: without one the service
    // cannot see which app is in use, and the lockout action runs instead.
    const bool downtimePossible = core::downtimeApplies(m_effectiveRules) && m_counter.reportIsFresh();
    const core::LockoutStep step = m_ladder.advance(now, out, m_sessions.anyInUse(), downtimePossible);
    if (!out) {
        m_sessions.forgetLockRequests();
    }
    if (step.unlockedCount) {
        m_audit->append({0, now, "unlocked-while-out-of-time", m_uid, -1,
            "unlock " + std::to_string(*step.unlockedCount) + " while " + decision.reason});
    }
    if (step.announceTimesUp) {
        emit timesUp(static_cast<uint>(m_uid), m_rules.lockout.grace.count(), fromStd(decision.reason));
    }
    if (step.downtime) {
        m_audit->append(
            {0, now, "downtime", m_uid, -1, decision.reason + "; only always-allowed apps may run, others are closed"});
    }
    if (inDowntime()) {
        m_downtime.sweep(m_effectiveRules, m_counter.reportedApp());
        if (!m_downtimeTimer.isActive()) {
            m_downtimeTimer.start();
        }
    } else {
        m_downtimeTimer.stop();
    }
    if (step.lock) {
        m_sessions.lockInUse();
        m_audit->append({0, now, "locked", m_uid, -1, decision.reason});
    }
    if (step.suspend) {
        m_audit->append({0, now, "suspended", m_uid, -1, "time is up"});
        m_logind.suspend();
    }
    if (step.end) {
        const QStringList ended = m_sessions.endInUse();
        m_audit->append({0, now, "session-terminated", m_uid, -1,
            *step.end + " (sessions " + ended.join(QStringLiteral(", ")).toStdString() + ")"});
    }
    if (m_ladder.save() != m_savedLadder) {
        saveLadder();
    }
    if (const std::optional<core::Instant> wake = m_ladder.wakeAt()) {
        m_ladderTimer.start(static_cast<int>(std::clamp<qint64>(m_clock.msecsUntil(*wake), 0, 86'400'000)));
    } else {
        m_ladderTimer.stop();
    }
}

std::string ChildSupervisor::ladderKey() const
{
    return "lockout:" + std::to_string(m_uid);
}

void ChildSupervisor::restoreLadder()
{
    // Anything unreadable starts clear.
    const std::optional<std::string> stored = m_db->metaValue(ladderKey());
    const std::optional<core::LockoutLadder::Saved> saved = stored ? core::decodeLockout(*stored) : std::nullopt;
    if (!saved) {
        return;
    }
    m_savedLadder = *saved;
    m_ladder.restore(m_savedLadder);
    m_locksToTrust
        = saved->stage == core::LockoutLadder::Stage::Locked || saved->stage == core::LockoutLadder::Stage::Locking;
}

void ChildSupervisor::saveLadder()
{
    const core::LockoutLadder::Saved saved = m_ladder.save();
    if (const core::Status written = m_db->setMeta(ladderKey(), core::encodeLockout(saved)); !written) {
        // Kept in memory; the next change tries again. Only a restart meanwhile loses it.
        qWarning("sundiald: uid %lld: cannot record the lockout state: %s", static_cast<long long>(m_uid),
            written.error().describe().c_str());
        return;
    }
    m_savedLadder = saved;
}

void ChildSupervisor::schedule(const core::Decision &decision)
{
    // Wake only while something can change for the child: it has a session.
    if (!m_sessions.any()) {
        m_decisionTimer.stop();
        return;
    }
    m_decisionTimer.start(static_cast<int>(std::min<qint64>(m_clock.msecsUntil(decision.nextChangeAt), 86'400'000)));
}

QVariantMap ChildSupervisor::status()
{
    core::UsageSnapshot usage;
    const core::Decision decision = evaluateAt(m_clock.now(), usage);
    return statusMap(decision, usage.chargedToday);
}

QVariantMap ChildSupervisor::statusMap(const core::Decision &decision, std::chrono::seconds used)
{
    QVariantMap map = childStatus(decision, used, m_effectiveRules);
    const bool out = core::forbidsUse(decision.verdict);
    map[QStringLiteral("downtime")] = inDowntime() && out;
    map[QStringLiteral("siteTrackingOff")] = fromStd(m_siteTrackingOff);
    map[QStringLiteral("offeredApps")] = core::downtimeApplies(m_effectiveRules)
        ? fromStd(m_downtime.offeredApps(m_effectiveRules))
        : QStringLiteral("[]");
    return map;
}

void ChildSupervisor::openHelpLine()
{
    const auto now = std::chrono::steady_clock::now();
    const bool alreadySpared = m_downtime.browsersSpared(now);
    m_downtime.spareBrowsersUntil(now + std::chrono::minutes {10});
    if (alreadySpared) {
        return; // said once per 10 minutes, however often it is asked
    }
    m_audit->append({0, m_clock.now(), "help-line-opened", m_uid, -1,
        "the child opened the help line's page; web browsers stay open in downtime for 10 minutes"});
}

} // namespace sundial::daemon
