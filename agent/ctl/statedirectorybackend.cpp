// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/statedirectorybackend.h"

#include <cstdlib>
#include <filesystem>
#include <pwd.h>

#include <sys/stat.h>
#include <unistd.h>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/core/childstatusjson.h"
#include "agent/core/childstore.h"
#include "agent/core/grantstore.h"
#include "agent/core/policy.h"
#include "agent/core/requeststore.h"
#include "agent/core/rulesjson.h"
#include "agent/core/rulestore.h"
#include "agent/core/usagereport.h"
#include "agent/core/usagereportjson.h"
#include "agent/ctl/demoseeder.h"

namespace sundial::ctl
{

namespace
{

using nlohmann::json;
using namespace std::chrono;

std::string userName(std::int64_t uid)
{
    if (const passwd *entry = getpwuid(static_cast<uid_t>(uid))) {
        return entry->pw_name;
    }
    return "uid " + std::to_string(uid);
}

std::int64_t caller()
{
    return getuid();
}

core::Error failed(const core::Error &error)
{
    return {kErrorFailed, error.describe()};
}

core::Error refused(const char *errorName, const core::Error &error)
{
    return {errorName, error.describe()};
}

core::Error notLimited(std::int64_t uid)
{
    return {kErrorNotLimited, "uid " + std::to_string(uid) + " is not a limited account"};
}

} // namespace

StateDirectoryBackend::StateDirectoryBackend(std::unique_ptr<core::Database> db, std::string directory)
    : m_db(std::move(db))
    , m_directory(std::move(directory))
{
}

core::Result<std::unique_ptr<StateDirectoryBackend>> StateDirectoryBackend::open(const std::string &directory)
{
    // Failures here show as Database::open's error on the file below.
    std::error_code ignored;
    std::filesystem::create_directories(directory, ignored);
    ::chmod(directory.c_str(), 0700);
    auto db = core::Database::open(directory + "/sundial.db");
    if (!db) {
        return failed(db.error());
    }
    return std::unique_ptr<StateDirectoryBackend> {new StateDirectoryBackend(std::move(db).value(), directory)};
}

std::string StateDirectoryBackend::defaultDirectory()
{
    if (const char *state = std::getenv("XDG_STATE_HOME"); state && *state) {
        return std::string {state} + "/sundial";
    }
    const char *home = std::getenv("HOME");
    return std::string {home ? home : "."} + "/.local/state/sundial";
}

std::optional<std::string> StateDirectoryBackend::recoveryNotice() const
{
    const core::OpenReport &report = m_db->report();
    if (!report.recovered) {
        return std::nullopt;
    }
    return "the database was damaged (" + report.problem + "); it was moved to " + report.movedAsidePath
        + " and what could be read was copied into a fresh one.";
}

core::Result<core::Rules> StateDirectoryBackend::currentRules(std::int64_t child) const
{
    auto current = core::RuleStore {*m_db}.current(child);
    if (!current) {
        return failed(current.error());
    }
    return current->value_or(core::Rules {});
}

core::Result<std::vector<core::Child>> StateDirectoryBackend::children()
{
    return core::ChildStore {*m_db}.list();
}

core::Status StateDirectoryBackend::addChild(std::int64_t)
{
    return core::Error {kErrorFailed, "only the service adds a child (leave out --state)"};
}

core::Status StateDirectoryBackend::removeChild(std::int64_t)
{
    return core::Error {kErrorFailed, "only the service removes a child (leave out --state)"};
}

core::Result<json> StateDirectoryBackend::status(std::optional<std::int64_t> child)
{
    const std::int64_t uid = child.value_or(caller());
    if (!core::ChildStore {*m_db}.isChild(uid)) {
        if (child) {
            return notLimited(uid);
        }
        return json {{"limited", false}};
    }
    auto rules = currentRules(uid);
    if (!rules) {
        return rules.error();
    }
    const core::Instant now = m_clock.now();
    const core::TimeZone &zone = m_clock.zone();
    core::ActivityStore store {*m_db};
    core::ActivityRecorder recorder {store, uid, zone, *rules, seconds {10}};
    const core::LocalDate day = core::DayCalendar {zone, rules->dayStart}.dayOf(now);
    const core::UsageSnapshot usage = recorder.snapshot(day);
    const core::Decision decision = core::evaluate(*rules, usage, core::GrantStore {*m_db}.forDay(uid, day), now, zone);
    return core::childStatusJson(decision, usage.chargedToday, *rules);
}

core::Result<core::LocalDate> StateDirectoryBackend::today(std::int64_t child)
{
    auto rules = currentRules(child);
    if (!rules) {
        return rules.error();
    }
    return core::DayCalendar {m_clock.zone(), rules->dayStart}.dayOf(m_clock.now());
}

core::Result<std::string> StateDirectoryBackend::rules(std::int64_t child)
{
    auto rules = currentRules(child);
    if (!rules) {
        return rules.error();
    }
    return core::rulesToJson(*rules);
}

core::Result<std::int64_t> StateDirectoryBackend::setRules(std::int64_t child, const std::string &rulesJson)
{
    auto rules = core::rulesFromJson(rulesJson);
    if (!rules) {
        return refused(kErrorInvalidRule, rules.error());
    }
    const core::Instant now = m_clock.now();
    auto saved = core::RuleStore {*m_db}.save(child, *rules, caller(), now);
    if (!saved) {
        return refused(kErrorInvalidRule, saved.error());
    }
    core::AuditLog {*m_db}.append(
        {0, now, "rules-changed", child, caller(), "rules version " + std::to_string(*saved)});
    return *saved;
}

core::Result<std::vector<core::RuleVersion>> StateDirectoryBackend::rulesHistory(std::int64_t child)
{
    return core::RuleStore {*m_db}.history(child);
}

core::Status StateDirectoryBackend::grantToday(
    std::int64_t child, const core::Grant &grant, const std::string &auditDetail)
{
    auto rules = currentRules(child);
    if (!rules) {
        return rules.error();
    }
    const core::Instant now = m_clock.now();
    core::Grant today = grant;
    today.day = core::DayCalendar {m_clock.zone(), rules->dayStart}.dayOf(now);
    if (auto id = core::GrantStore {*m_db}.add(child, today, caller(), now, "sundialctl"); !id) {
        return refused(kErrorInvalidArgument, id.error());
    }
    core::AuditLog {*m_db}.append({0, now, "grant", child, caller(), auditDetail});
    return core::success();
}

core::Status StateDirectoryBackend::grantExtraTime(std::int64_t child, minutes extra)
{
    return grantToday(child, core::Grant::extraTime({}, extra), std::to_string(extra.count()) + " min extra");
}

core::Status StateDirectoryBackend::grantFreeUntil(std::int64_t child, core::TimeOfDay until)
{
    return grantToday(child, core::Grant::freeUntil({}, until), "free until " + core::formatTimeOfDay(until));
}

core::Result<std::int64_t> StateDirectoryBackend::requestMoreTime(minutes asked, const std::string &reason)
{
    if (!core::ChildStore {*m_db}.isChild(caller())) {
        return notLimited(caller());
    }
    auto id = core::RequestStore {*m_db}.ask(caller(), asked, reason, m_clock.now());
    if (!id) {
        return refused(kErrorInvalidArgument, id.error());
    }
    return *id;
}

core::Result<std::vector<core::TimeRequest>> StateDirectoryBackend::requests(
    bool pendingOnly, std::int64_t beforeId, int limit)
{
    return core::RequestStore {*m_db}.list(-1, pendingOnly, beforeId, limit);
}

core::Status StateDirectoryBackend::answerRequest(std::int64_t id, minutes granted)
{
    core::RequestStore requests {*m_db};
    const auto request = requests.find(id);
    if (!request) {
        return core::Error {kErrorInvalidArgument, "request: there is no request " + std::to_string(id)};
    }
    const core::Instant now = m_clock.now();
    if (core::Status answered = requests.answer(id, granted, caller(), now); !answered) {
        return refused(kErrorInvalidArgument, answered.error());
    }
    if (granted > minutes {0}) {
        // The grant is for the child's current day, by the child's own day start.
        auto rules = currentRules(request->child);
        const minutes dayStart = rules ? rules->dayStart : minutes {0};
        const core::LocalDate today = core::DayCalendar {m_clock.zone(), dayStart}.dayOf(now);
        core::GrantStore {*m_db}.add(
            request->child, core::Grant::extraTime(today, granted), caller(), now, "request " + std::to_string(id));
    }
    core::AuditLog {*m_db}.append({0, now, granted > minutes {0} ? "request-approved" : "request-denied",
        request->child, caller(), "request " + std::to_string(id)});
    return core::success();
}

core::Result<std::string> StateDirectoryBackend::usage(std::int64_t child, core::LocalDate from, core::LocalDate to)
{
    core::ActivityStore store {*m_db};
    return core::usageReportJson(core::UsageReport {store}, child, from, to);
}

core::Result<std::vector<core::TimelineEntry>> StateDirectoryBackend::timeline(std::int64_t child, core::LocalDate day)
{
    core::ActivityStore store {*m_db};
    return core::UsageReport {store}.timeline(child, day);
}

core::Result<AuditTrail> StateDirectoryBackend::audit()
{
    core::AuditLog log {*m_db};
    const core::ChainState chain = log.verify();
    // As many entries as the service answers with.
    return AuditTrail {chain.intact, chain.rows, chain.brokenAt, log.list(-1, 0, 10'000), std::nullopt};
}

core::Status StateDirectoryBackend::acceptClockChange()
{
    return core::Error {kErrorFailed, "only the service trusts a changed clock (leave out --state)"};
}

core::Result<DemoState> StateDirectoryBackend::createDemo()
{
    const std::int64_t uid = caller();
    const std::string name = userName(uid);
    if (core::Status seeded = seedDemo(*m_db, uid, name, m_clock.zone(), m_clock.now()); !seeded) {
        return failed(seeded.error());
    }
    return DemoState {m_directory, name};
}

} // namespace sundial::ctl
