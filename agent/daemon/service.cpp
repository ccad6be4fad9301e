// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/service.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <pwd.h>

#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QTimer>

#include "agent/core/rulesjson.h"
#include "agent/platform/smallfile.h"

namespace sundial::daemon
{

std::string Service::accountName(std::int64_t uid)
{
    const passwd *entry = getpwuid(static_cast<uid_t>(uid));
    return entry ? entry->pw_name : "uid " + std::to_string(uid);
}

Service::Service(ServiceOptions options, const QDBusConnection &systemBus, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_systemBus(systemBus)
    , m_backup(m_options.stateDir.toStdString() + "/children.json")
{
}

Service::~Service()
{
    flushAll();
}

core::Result<std::unique_ptr<core::Database>> Service::openDatabase(
    const std::string &moveAsideBecause, const std::string &salvageFrom, std::string &unusable)
{
    const std::string path = m_options.stateDir.toStdString() + "/sundial.db";
    const std::string fallback = m_options.stateDir.toStdString() + "/sundial-fallback.db";
    // After a runtime failure the file that failed is the one moved aside: the fallback, if the
    // service was running on it.
    const bool onFallback = m_state && m_state->database().path() == fallback;
    core::Database::Options options;
    options.moveAsideBecause = onFallback ? std::string {} : moveAsideBecause;
    options.salvageFrom = salvageFrom;
    auto db = core::Database::open(path, options);
    if (db) {
        return db;
    }
    // A file this service cannot use (written by a newer Sundial, unreadable) is left as it
    // is, and the service runs on a fallback file seeded from the state backup: stopping here
    // would crash-loop, and a service that is not running lets every login in.
    unusable = db.error().describe();
    qWarning("sundiald: %s; running on %s", unusable.c_str(), fallback.c_str());
    options.moveAsideBecause = onFallback ? moveAsideBecause : std::string {};
    auto fallbackDb = core::Database::open(fallback, options);
    if (fallbackDb || m_state) {
        return fallbackDb;
    }
    // At start with no file at all (the disk is full): in memory, seeded from the state backup,
    // until a file can be had (the failover tries with a backoff). Exiting would let every login in.
    unusable += "; " + fallbackDb.error().describe();
    qWarning("sundiald: %s; running in memory", fallbackDb.error().describe().c_str());
    return core::Database::openInMemory();
}

void Service::auditOpenReport(const std::string &unusable, const std::string &path, bool recovery)
{
    const core::OpenReport &report = m_state->database().report();
    if (recovery && report.recovered) {
        std::string salvaged;
        for (const std::string &line : report.salvaged) {
            salvaged += (salvaged.empty() ? "" : ", ") + line;
        }
        qWarning("sundiald: the database was damaged (%s); moved to %s; recovered %s", report.problem.c_str(),
            report.movedAsidePath.c_str(), salvaged.c_str());
        m_state->audit().append({0, m_clock->now(), "database-recovered", -1, -1,
            report.problem + "; damaged file kept at " + report.movedAsidePath + "; recovered "
                + (salvaged.empty() ? std::string {"nothing"} : salvaged)});
    }
    if (!unusable.empty()) {
        m_state->audit().append({0, m_clock->now(), "database-unusable", -1, -1,
            unusable + "; left untouched at " + path + "; running on " + m_state->database().path()
                + " with the state backup"});
    }
}

core::Status Service::start()
{
    if (!QDir {}.mkpath(m_options.stateDir)) {
        return core::Error {m_options.stateDir.toStdString(), "cannot create the state directory"};
    }
    if (::chmod(m_options.stateDir.toLocal8Bit().constData(), 0700) != 0) {
        // Said, not fatal: a service that stops here would let every login in.
        qWarning("sundiald: cannot make %s private (0700): %s", m_options.stateDir.toLocal8Bit().constData(),
            std::strerror(errno));
    }
    std::string unusable;
    auto db = openDatabase({}, {}, unusable);
    if (!db) {
        return db.error();
    }
    m_state = std::make_unique<core::StateDatabase>(std::move(db).value());
    m_clock = std::make_unique<ServiceClock>(m_state->database(), m_state->audit());
    // The clock starts before anything is stamped with it (a row stamped before would say 1970
    // and the first sample after would look like a jump).
    m_clock->start(m_systemBus);
    auditOpenReport(unusable, m_options.stateDir.toStdString() + "/sundial.db", true);
    restoreFromBackup();
    m_state->audit().append({0, m_clock->now(), "service-started", -1, -1, "sundiald started"});
    // The full verification owed at each start (auditlog.h); Admin.Audit's calls after it are
    // incremental until the next one is due.
    if (const core::ChainState chain = m_state->audit().verifyAt(std::chrono::steady_clock::now()); !chain.intact) {
        qWarning("sundiald: the audit log's chain is broken at row %lld",
            static_cast<long long>(chain.brokenAt.value_or(0)));
    }

    if (m_options.selfLimited && !m_state->children().isChild(*m_options.selfLimited)) {
        m_state->children().add(*m_options.selfLimited, accountName(*m_options.selfLimited), m_clock->now());
    }
    m_logind = std::make_unique<platform::LogindMonitor>(m_systemBus);
    for (const core::Child &child : m_state->children().list()) {
        auto rules = m_state->rules().current(child.uid);
        startSupervisor(child.uid, rules && *rules ? **rules : core::Rules {});
    }
    connect(m_logind.get(), &platform::LogindMonitor::sessionChanged, this, [this](uint uid, const QString &) {
        if (ChildSupervisor *child = supervisor(uid)) {
            child->update();
        }
    });
    connect(m_logind.get(), &platform::LogindMonitor::sleeping, this, [this](bool beforeSleep) {
        for (auto &[uid, child] : m_supervisors) {
            child->update();
            if (beforeSleep) {
                child->flush();
            }
        }
    });
    connect(m_clock.get(), &ServiceClock::changed, this, [this] {
        for (auto &[uid, child] : m_supervisors) {
            child->update();
        }
    });
    m_logind->start();
    for (auto &[uid, child] : m_supervisors) {
        child->update();
    }
    auditUncheckedLogins();
    applyBrowserPolicies();
    return core::success();
}

bool Service::privateWindowsOff() const
{
    return std::any_of(m_supervisors.begin(), m_supervisors.end(),
        [](const auto &child) { return !child.second->rules().browsers.privateWindows; });
}

void Service::applyBrowserPolicies()
{
    if (!m_options.browserPolicies) {
        return;
    }
    const bool off = privateWindowsOff();
    const std::vector<std::string> problems = platform::BrowserPolicies {*m_options.browserPolicies}.apply(off);
    std::string detail;
    for (const std::string &problem : problems) {
        detail += (detail.empty() ? "" : "; ") + problem;
    }
    if (!problems.empty()) {
        m_state->audit().append({0, m_clock->now(), "browser-policies-failed", -1, -1, detail});
    } else if (m_privateWindowsOffApplied != off) {
        m_state->audit().append({0, m_clock->now(), "browser-policies", -1, -1,
            off ? "private windows are off in Chromium and Firefox for every account (a child's rules turn them off)"
                : "private windows are allowed in Chromium and Firefox (tracked by Sundial's extension)"});
    }
    m_privateWindowsOffApplied = off;
}

void Service::restoreFromBackup()
{
    const core::Result<std::vector<core::BackedUpChild>> backup = m_backup.read();
    if (backup) {
        const auto restored
            = core::StateBackup::restore(*backup, m_state->children(), m_state->rules(), m_clock->now());
        if (!restored) {
            qWarning("sundiald: cannot restore from the state backup: %s", restored.error().describe().c_str());
        } else {
            for (const std::string &line : *restored) {
                m_state->audit().append(
                    {0, m_clock->now(), "state-restored", -1, -1, line + " from " + m_backup.path()});
            }
        }
    } else if (::access(m_backup.path().c_str(), F_OK) == 0) {
        // Damaged or edited: the database holds the truth; the backup is written afresh below.
        m_state->audit().append({0, m_clock->now(), "state-backup-unreadable", -1, -1, backup.error().describe()});
    }
    writeBackup();
}

void Service::writeBackup()
{
    if (core::Status written = m_backup.write(core::StateBackup::collect(m_state->children(), m_state->rules()));
        !written) {
        qWarning("sundiald: %s", written.error().describe().c_str());
    }
}

// Lines are "<UTC time>\t<user>\t<service>\t<tty>\t<why>" (agent/logincheck/main.cpp). The file
// is renamed before reading, so a login recorded meanwhile starts a new file instead of being
// deleted unread.
void Service::auditUncheckedLogins()
{
    const std::string path = m_options.uncheckedLoginsPath.toStdString();
    const std::string taken = path + ".auditing";
    if (path.empty() || std::rename(path.c_str(), taken.c_str()) != 0) {
        return; // none recorded (or none readable)
    }
    const std::string records = platform::readFilePrefix(taken, 1024 * 1024).value_or(std::string {});
    const std::vector<std::string_view> lines = platform::splitAt(records, '\n');
    for (std::size_t count = 0; count < 1000 && count < lines.size(); ++count) {
        const std::string line {lines[count]};
        std::vector<std::string> fields;
        for (const std::string_view part : platform::splitAt(line, '\t')) {
            fields.emplace_back(part);
        }
        if (fields.size() < 4) {
            m_state->audit().append(
                {0, m_clock->now(), "login-unchecked", -1, -1, "unreadable record: " + line.substr(0, 400)});
            continue;
        }
        const passwd *account = getpwnam(fields[1].c_str());
        m_state->audit().append(
            {0, m_clock->now(), "login-unchecked", account ? std::int64_t {account->pw_uid} : -1, -1,
                fields[1] + " logged in through " + fields[2] + " (tty " + fields[3] + ") at " + fields[0]
                    + " without a check: " + (fields.size() > 4 ? fields[4] : "the service was unreachable")});
    }
    std::remove(taken.c_str());
}

void Service::startSupervisor(std::int64_t uid, const core::Rules &rules)
{
    auto child = std::make_unique<ChildSupervisor>(uid, rules, m_state->activity(), m_state->grants(), m_state->audit(),
        *m_clock, *m_logind, m_options.supervisor);
    connect(child.get(), &ChildSupervisor::flushed, this, &Service::onFlushed);
    connect(child.get(), &ChildSupervisor::statusChanged, this, &Service::statusChanged);
    connect(child.get(), &ChildSupervisor::warning, this, &Service::warning);
    connect(child.get(), &ChildSupervisor::timesUp, this, &Service::timesUp);
    m_supervisors[uid] = std::move(child);
}

void Service::onFlushed(const core::Status &written)
{
    const auto now = std::chrono::steady_clock::now();
    const std::string fileProblem = m_state->database().fileProblem();
    const core::DatabaseFailureJudge::Action action = written
        ? m_failures.written(now, fileProblem)
        : m_failures.failed(now, written.error().code, written.error().describe(), fileProblem);
    if (action == core::DatabaseFailureJudge::Action::ReportWritable) {
        m_state->audit().append({0, m_clock->now(), "database-writable", -1, -1,
            "writing works again; what was counted meanwhile is written ("
                + std::to_string(
                    std::chrono::duration_cast<std::chrono::seconds>(now - *m_failures.holdingSince()).count())
                + " s held in memory)"});
    }
    if (action != core::DatabaseFailureJudge::Action::Replace || m_replaceQueued) {
        return;
    }
    m_replaceQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_replaceQueued = false;
        replaceDatabase(m_failures.why());
    });
}

void Service::replaceDatabase(const std::string &why)
{
    const std::string failedPath = m_state->database().path();
    qWarning("sundiald: %s: %s; moving to a fresh file", failedPath.c_str(), why.c_str());
    // What the failed file's own connection can still read is copied first: a deleted or replaced
    // file is whole through it (nothing is lost), and one damaged in pages that were never read
    // may be too. When the copy fails, rows are salvaged from the file moved aside.
    const std::string copy = failedPath + ".copy-"
        + std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());
    const bool fromMemory = m_state->database().inMemory();
    const core::Status copied
        = fromMemory ? core::Status {core::Error {"", "in memory"}} : m_state->database().copyInto(copy);
    if (!copied && !fromMemory) {
        qWarning("sundiald: %s", copied.error().describe().c_str());
    }
    const bool deleted = m_state->database().fileProblem() == "deleted";
    std::string unusable;
    // From memory the file is opened as at start: nothing is moved aside or salvaged.
    auto db = openDatabase(fromMemory ? std::string {} : why, copied ? copy : std::string {}, unusable);
    if (!db) {
        // The disk is full or the folder unwritable: counting and deciding go on in memory (the
        // supervisors keep their figures), and a fresh file is tried again after a backoff.
        if (copied) {
            std::remove(copy.c_str()); // the next attempt takes a new one: copies must not fill the disk
        }
        const bool first = !m_failures.holdingInMemory();
        m_failures.replaceFailed(std::chrono::steady_clock::now());
        if (first) {
            m_noFreshFile = unusable.empty() ? db.error().describe() : unusable;
        }
        qWarning("sundiald: no fresh database either (%s); counting in memory", db.error().describe().c_str());
        if (first) {
            // Most likely unwritten too; said in the log above either way.
            m_state->audit().append({0, m_clock->now(), "database-failing", -1, -1,
                why + "; no fresh file could be opened (" + db.error().describe()
                    + "); counting in memory and trying again"});
        }
        return;
    }
    auto state = std::make_unique<core::StateDatabase>(std::move(db).value());
    // Everything that refers to the old stores moves before they are destroyed.
    m_clock->useDatabase(state->database(), state->audit());
    for (auto &[uid, child] : m_supervisors) {
        child->moveTo(*state, fromMemory);
    }
    m_state = std::move(state);
    const std::string held = m_failures.holdingInMemory() ? "; what was counted was held in memory for "
            + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                std::chrono::steady_clock::now() - *m_failures.holdingSince())
                                 .count())
            + " s, since " + m_failures.heldBecause() + " and no fresh file could be had (" + m_noFreshFile + ")"
                                                          : std::string {};
    m_failures.replaced();

    const core::OpenReport &report = m_state->database().report();
    std::string salvaged;
    for (const std::string &line : report.salvaged) {
        salvaged += (salvaged.empty() ? "" : ", ") + line;
    }
    std::string kept = fromMemory ? std::string {"the service ran in memory"}
        : report.recovered        ? "the failed file is kept at " + report.movedAsidePath
        : deleted                 ? std::string {"the file was deleted"}
                                  : "the failed file " + failedPath + " is left where it is";
    if (copied && deleted) {
        kept += "; the copy read through the service's connection is kept at " + copy;
    } else if (copied) {
        std::remove(copy.c_str()); // its rows are in the new file and the failed file itself is kept
    }
    m_state->audit().append({0, m_clock->now(), "database-replaced", -1, -1,
        failedPath + ": " + why + held + "; " + kept + "; now on " + m_state->database().path() + "; recovered "
            + (salvaged.empty() ? std::string {"nothing"} : salvaged)
            + "; what that lacks is put back from the state backup, what was counted meanwhile from memory"});
    if (!unusable.empty()) {
        auditOpenReport(unusable, m_options.stateDir.toStdString() + "/sundial.db", false);
    }
    restoreFromBackup();
    if (m_options.selfLimited && !m_state->children().isChild(*m_options.selfLimited)) {
        m_state->children().add(*m_options.selfLimited, accountName(*m_options.selfLimited), m_clock->now());
    }
    for (auto &[uid, child] : m_supervisors) {
        child->update();
        child->flush();
    }
}

bool Service::flushAll()
{
    bool written = true;
    for (auto &[uid, child] : m_supervisors) {
        child->update();
        written = static_cast<bool>(child->flush()) && written;
    }
    return written && !m_state->database().inMemory();
}

ChildSupervisor *Service::supervisor(std::int64_t uid)
{
    const auto found = m_supervisors.find(uid);
    return found == m_supervisors.end() ? nullptr : found->second.get();
}

core::LocalDate Service::today(std::int64_t uid)
{
    const ChildSupervisor *child = supervisor(uid);
    const core::DayCalendar calendar {m_clock->zone(), child ? child->rules().dayStart : core::TimeOfDay {0}};
    return calendar.dayOf(m_clock->now());
}

core::Status Service::addChild(std::int64_t uid, std::int64_t actor)
{
    if (uid == 0) {
        return core::Error {"uid", "root cannot be limited"};
    }
    if (!getpwuid(static_cast<uid_t>(uid))) {
        return core::Error {"uid", std::to_string(uid) + " is not a local account"};
    }
    if (core::Status added = m_state->children().add(uid, accountName(uid), m_clock->now()); !added) {
        return added;
    }
    m_state->audit().append({0, m_clock->now(), "child-added", uid, actor, accountName(uid) + " is now limited"});
    writeBackup();
    if (!supervisor(uid)) {
        auto rules = m_state->rules().current(uid);
        startSupervisor(uid, rules && *rules ? **rules : core::Rules {});
        supervisor(uid)->update();
    }
    applyBrowserPolicies();
    return core::success();
}

core::Status Service::removeChild(std::int64_t uid, std::int64_t actor)
{
    if (!supervisor(uid)) {
        return core::Error {"uid", std::to_string(uid) + " is not a limited account"};
    }
    m_supervisors.erase(uid); // flushes what it counted
    if (core::Status removed = m_state->children().remove(uid); !removed) {
        return removed;
    }
    m_state->audit().append(
        {0, m_clock->now(), "child-removed", uid, actor, accountName(uid) + " is no longer limited"});
    writeBackup();
    applyBrowserPolicies();
    return core::success();
}

core::Result<std::int64_t> Service::setRules(std::int64_t uid, const std::string &json, std::int64_t actor)
{
    ChildSupervisor *child = supervisor(uid);
    if (!child) {
        return core::Error {"uid", std::to_string(uid) + " is not a limited account; add it first"};
    }
    auto rules = core::rulesFromJson(json);
    if (!rules) {
        return rules.error();
    }
    auto version = m_state->rules().save(uid, *rules, actor, m_clock->now());
    if (!version) {
        return version.error();
    }
    m_state->audit().append(
        {0, m_clock->now(), "rules-changed", uid, actor, "rules version " + std::to_string(*version)});
    writeBackup();
    child->setRules(*rules);
    applyBrowserPolicies();
    return version;
}

core::Status Service::approveHere(std::int64_t uid, std::chrono::minutes minutes)
{
    auto id = requestMoreTime(uid, minutes, "asked with a parent at the computer");
    if (!id) {
        return id.error();
    }
    return answerRequest(*id, minutes, uid);
}

core::Status Service::grant(std::int64_t uid, const core::Grant &given, std::int64_t actor)
{
    ChildSupervisor *child = supervisor(uid);
    if (!child) {
        return core::Error {"uid", std::to_string(uid) + " is not a limited account"};
    }
    core::Grant grant = given;
    grant.day = today(uid);
    auto id = m_state->grants().add(uid, grant, actor, m_clock->now(), "");
    if (!id) {
        return id.error();
    }
    m_state->audit().append({0, m_clock->now(), "grant", uid, actor,
        grant.kind == core::Grant::Kind::ExtraTime ? std::to_string(grant.extra.count()) + " min extra"
                                                   : "free until " + core::formatTimeOfDay(grant.until)});
    child->update();
    return core::success();
}

core::Result<std::int64_t> Service::requestMoreTime(
    std::int64_t uid, std::chrono::minutes minutes, const std::string &reason)
{
    auto id = m_state->requests().ask(uid, minutes, reason, m_clock->now());
    if (id) {
        m_state->audit().append({0, m_clock->now(), "request", uid, uid,
            std::to_string(minutes.count()) + " min asked (request " + std::to_string(*id) + ")"});
    }
    return id;
}

core::Status Service::answerRequest(std::int64_t id, std::chrono::minutes minutes, std::int64_t actor)
{
    const auto request = m_state->requests().find(id);
    if (!request) {
        return core::Error {"id", "there is no request " + std::to_string(id)};
    }
    if (core::Status answered = m_state->requests().answer(id, minutes, actor, m_clock->now()); !answered) {
        return answered;
    }
    m_state->audit().append({0, m_clock->now(), minutes.count() > 0 ? "request-approved" : "request-denied",
        request->child, actor, "request " + std::to_string(id) + ": " + std::to_string(minutes.count()) + " min"});
    if (minutes.count() > 0 && supervisor(request->child)) {
        if (core::Status granted = grant(request->child, core::Grant::extraTime({}, minutes), actor); !granted) {
            return granted;
        }
    }
    emit requestAnswered(static_cast<uint>(request->child), id, static_cast<uint>(minutes.count()));
    return core::success();
}

void Service::acceptClockChange(std::int64_t actor)
{
    m_clock->acceptWallClock(actor);
}

} // namespace sundial::daemon
