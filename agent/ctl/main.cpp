// SPDX-License-Identifier: GPL-3.0-or-later
// sundialctl: Sundial from the command line. By default it talks to the running service
// (sundiald on the system bus; --user: the try-out service on the session bus). With
// --state DIR it works directly on a state directory instead (demo data, offline reports).
//
// Exit codes: 0 done, 1 failed (service not running, database, I/O), 2 usage error,
// 3 refused (invalid rules or input; the message names the field), 4 not allowed.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <pwd.h>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/core/childstore.h"
#include "agent/core/grantstore.h"
#include "agent/core/policy.h"
#include "agent/core/requeststore.h"
#include "agent/core/rulesjson.h"
#include "agent/core/rulestore.h"
#include "agent/core/usagereport.h"
#include "agent/core/usagereportjson.h"
#include "agent/ctl/arguments.h"
#include "agent/ctl/demoseeder.h"
#include "agent/ctl/rulesflags.h"
#include "agent/ctl/servicecommands.h"
#include "agent/ctl/usagereportprinter.h"
#include "agent/platform/systemclock.h"

namespace
{

using namespace sundial;
using namespace std::chrono;
using nlohmann::json;

using ctl::kExitFailed;
using ctl::kExitRefused;
using ctl::kExitUsage;
using ctl::printUsageReport;
using ctl::takeFlag;
using ctl::takeOption;
using ctl::takeReportRange;

constexpr const char *kUsage = R"(usage: sundialctl [--user | --state DIR] [--child UID] COMMAND [ARGS]

Commands:
  status [--json]                  what the child sees now: verdict, time left, why, help line
  children                         the limited accounts
  rules get                        print the child's rules as JSON
  rules set FILE|-                 replace the rules with a JSON file (or standard input)
  rules set FLAGS...               change rules: --daily 2h --weekday sat=3h
                                   --allow 07:00-08:00,15:00-20:30 --allow-on fri=15:00-23:00
                                   --weekly 12h --day-start 04:00 --warnings 15,5,1
                                   --lockout lock|logout|suspend
  rules history                    every saved version
  grant --minutes N | --until HH:MM   extra time today, or free until a time today
  request --minutes N [--reason TEXT] ask for more time (as the child)
  requests [--all]                 pending (or all) requests
  answer ID --minutes N | --deny   approve or deny a request
  report [--period day|week|month|year | --from DATE --to DATE] [--format table|csv|json]
  timeline [--date YYYY-MM-DD]     the day's activity, interval by interval
  audit [--verify]                 rule changes, grants and tamper events; --verify checks the chain
  children | add-child UID | remove-child UID   which accounts are limited (service only)
  accept-clock                     trust the wall clock after a recorded change (service only)
  demo                             create a demo state (with --state): you as the child, starter
                                   rules, two weeks of sample use

Options:
  --user        talk to the try-out service (sundiald --user) on the session bus
  --state DIR   work directly on a state directory instead of the service
                (demo default: $XDG_STATE_HOME/sundial, or ~/.local/state/sundial)
  --child UID   which child (default: your own status; for parent commands the only child)

Exit codes: 0 done, 1 failed, 2 usage error, 3 refused (the message names the field), 4 not allowed.
  -h, --help    this text; COMMAND --help for one command
)";

struct Options {
    std::optional<std::string> state;
    bool userBus = false;
    std::optional<std::int64_t> child;
    std::vector<std::string> arguments; // the command and its arguments
};

int usageError(const std::string &message)
{
    std::cerr << "sundialctl: " << message << "\nTry 'sundialctl --help'.\n";
    return kExitUsage;
}

int refused(const core::Error &error)
{
    std::cerr << "sundialctl: refused: " << error.describe() << "\n";
    return kExitRefused;
}

int failed(const std::string &message)
{
    std::cerr << "sundialctl: " << message << "\n";
    return kExitFailed;
}

std::string defaultStateDir()
{
    if (const char *state = std::getenv("XDG_STATE_HOME"); state && *state) {
        return std::string {state} + "/sundial";
    }
    const char *home = std::getenv("HOME");
    return std::string {home ? home : "."} + "/.local/state/sundial";
}

std::string userName(uid_t uid)
{
    if (const passwd *entry = getpwuid(uid)) {
        return entry->pw_name;
    }
    return "uid " + std::to_string(uid);
}

std::string localTime(const core::TimeZone &zone, core::Instant at)
{
    const core::LocalDateTime local = zone.toLocal(at);
    return core::formatDate(local.date) + " " + core::formatTimeOfDay(duration_cast<minutes>(local.sinceMidnight));
}

class Session
{
public:
    Session(std::unique_ptr<core::Database> db, std::int64_t child)
        : m_db(std::move(db))
        , m_child(child)
    {
    }

    core::Database &db() { return *m_db; }
    std::int64_t child() const { return m_child; }
    const platform::SystemClock &clock() const { return m_clock; }

    core::Result<core::Rules> rules()
    {
        core::RuleStore store {*m_db};
        auto current = store.current(m_child);
        if (!current) {
            return current.error();
        }
        return current->value_or(core::Rules {});
    }

private:
    std::unique_ptr<core::Database> m_db;
    std::int64_t m_child;
    platform::SystemClock m_clock;
};

int commandStatus(Session &session, std::vector<std::string> args)
{
    const bool asJson = takeFlag(args, "--json");
    auto rules = session.rules();
    if (!rules) {
        return failed(rules.error().describe());
    }
    const core::Instant now = session.clock().now();
    const core::TimeZone &zone = session.clock().zone();
    core::ActivityStore store {session.db()};
    core::ActivityRecorder recorder {store, session.child(), zone, *rules, seconds {10}};
    const core::DayCalendar calendar {zone, rules->dayStart};
    const core::LocalDate today = calendar.dayOf(now);
    const core::UsageSnapshot usage = recorder.snapshot(today);
    const core::GrantStore grants {session.db()};
    const core::Decision decision = core::evaluate(*rules, usage, grants.forDay(session.child(), today), now, zone);
    const core::PrivacySettings &privacy = rules->privacy;
    const std::string recorded = std::string {"apps"}
        + (privacy.recordFullUrls ? ", full web addresses" : ", web sites (domain only)")
        + (privacy.recordTitles ? ", window titles" : "") + "; details kept "
        + std::to_string(privacy.activityRetention.count()) + " days, daily totals "
        + std::to_string(privacy.dailyRetention.count()) + " days. Never keystrokes or screenshots.";

    if (asJson) {
        json out = {{"child", session.child()}, {"day", core::formatDate(today)},
            {"verdict", core::verdictKey(decision.verdict)}, {"reason", decision.reason},
            {"usedSeconds", usage.chargedToday.count()},
            {"remainingSeconds", decision.remaining ? json(decision.remaining->count()) : json(nullptr)},
            {"stopsAt", decision.stopsAt ? json(localTime(zone, *decision.stopsAt)) : json(nullptr)},
            {"nextChangeAt", localTime(zone, decision.nextChangeAt)}, {"recorded", recorded},
            {"helpLine",
                {{"name", rules->helpLine.name}, {"phone", rules->helpLine.phone}, {"url", rules->helpLine.url}}}};
        json budgets = json::array();
        for (const core::BudgetState &budget : decision.budgets) {
            budgets.push_back({{"name", budget.name}, {"limitSeconds", budget.limit.count()},
                {"usedSeconds", budget.used.count()}, {"remainingSeconds", budget.remaining.count()}});
        }
        out["budgets"] = budgets;
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Sundial — " << userName(static_cast<uid_t>(session.child())) << " (uid " << session.child() << "), "
              << core::weekdayName(weekday {today}) << " " << core::formatDate(today) << "\n";
    std::cout << "  Used today:   " << core::formatDuration(usage.chargedToday) << "\n";
    std::cout << "  Left today:   " << (decision.remaining ? core::formatDuration(*decision.remaining) : "no limit")
              << "\n";
    std::cout << "  Now:          " << core::verdictKey(decision.verdict) << " — " << decision.reason << "\n";
    if (decision.stopsAt) {
        std::cout << "  Allowed until " << localTime(zone, *decision.stopsAt) << "\n";
    }
    for (const core::BudgetState &budget : decision.budgets) {
        std::cout << "  " << budget.name << ": " << core::formatDuration(budget.remaining) << " of "
                  << core::formatDuration(budget.limit) << " left\n";
    }
    const core::HelpLine &help = rules->helpLine;
    if (!help.name.empty()) {
        std::cout << "  Help line:    " << help.name << (help.phone.empty() ? "" : " — " + help.phone)
                  << (help.url.empty() ? "" : " — " + help.url) << "\n";
    }
    std::cout << "  Recorded:     " << recorded << "\n";
    return 0;
}

int commandChildren(Session &session)
{
    for (const core::Child &child : core::ChildStore {session.db()}.list()) {
        std::cout << child.uid << "\t" << child.name << "\n";
    }
    return 0;
}

std::string readAll(const std::string &path, bool &ok)
{
    std::ostringstream text;
    if (path == "-") {
        text << std::cin.rdbuf();
        ok = true;
        return text.str();
    }
    std::ifstream file {path};
    ok = static_cast<bool>(file);
    text << file.rdbuf();
    return text.str();
}

int commandRules(Session &session, std::vector<std::string> args)
{
    if (args.empty()) {
        return usageError("rules needs get, set or history");
    }
    const std::string verb = args.front();
    args.erase(args.begin());
    core::RuleStore store {session.db()};
    if (verb == "get") {
        auto rules = session.rules();
        if (!rules) {
            return failed(rules.error().describe());
        }
        std::cout << core::rulesToJson(*rules) << "\n";
        return 0;
    }
    if (verb == "history") {
        for (const core::RuleVersion &version : store.history(session.child())) {
            std::cout << version.id << "\t" << localTime(session.clock().zone(), version.savedAt) << "\tby uid "
                      << version.savedBy << "\n";
        }
        return 0;
    }
    if (verb != "set") {
        return usageError("rules " + verb + ": unknown; use get, set or history");
    }
    if (args.empty()) {
        return usageError("rules set needs a JSON file, - for standard input, or flags such as --daily 2h");
    }
    core::Rules rules;
    if (args.front().rfind("--", 0) == 0) {
        auto current = session.rules();
        if (!current) {
            return failed(current.error().describe());
        }
        rules = *current;
        if (core::Status applied = ctl::applyRulesFlags(rules, args); !applied) {
            return refused(applied.error());
        }
    } else {
        bool ok = false;
        const std::string text = readAll(args.front(), ok);
        if (!ok) {
            return failed("cannot read " + args.front());
        }
        auto parsed = core::rulesFromJson(text);
        if (!parsed) {
            return refused(parsed.error());
        }
        rules = *parsed;
    }
    const core::Instant now = session.clock().now();
    auto saved = store.save(session.child(), rules, getuid(), now);
    if (!saved) {
        return refused(saved.error());
    }
    core::AuditLog {session.db()}.append(
        {0, now, "rules-changed", session.child(), getuid(), "rules version " + std::to_string(*saved)});
    std::cout << "Saved rules version " << *saved << ".\n";
    return 0;
}

int commandGrant(Session &session, std::vector<std::string> args)
{
    auto rules = session.rules();
    if (!rules) {
        return failed(rules.error().describe());
    }
    const core::Instant now = session.clock().now();
    const core::LocalDate today = core::DayCalendar {session.clock().zone(), rules->dayStart}.dayOf(now);
    core::Grant grant;
    if (auto text = takeOption(args, "--minutes")) {
        const auto duration = core::parseDuration(*text);
        if (!duration) {
            return refused({"--minutes", "\"" + *text + "\" is not a number of minutes"});
        }
        grant = core::Grant::extraTime(today, duration_cast<minutes>(*duration));
    } else if (auto until = takeOption(args, "--until")) {
        const auto time = core::parseTimeOfDay(*until);
        if (!time) {
            return refused({"--until", "\"" + *until + "\" is not a time of day such as 19:30"});
        }
        grant = core::Grant::freeUntil(today, *time);
    } else {
        return usageError("grant needs --minutes N or --until HH:MM");
    }
    auto id = core::GrantStore {session.db()}.add(session.child(), grant, getuid(), now, "sundialctl");
    if (!id) {
        return refused(id.error());
    }
    core::AuditLog {session.db()}.append({0, now, "grant", session.child(), getuid(),
        grant.kind == core::Grant::Kind::ExtraTime ? std::to_string(grant.extra.count()) + " min extra"
                                                   : "free until " + core::formatTimeOfDay(grant.until)});
    std::cout << "Granted.\n";
    return 0;
}

int commandRequest(Session &session, std::vector<std::string> args)
{
    const auto text = takeOption(args, "--minutes");
    const auto duration = text ? core::parseDuration(*text) : std::nullopt;
    if (!duration) {
        return usageError("request needs --minutes N");
    }
    auto id = core::RequestStore {session.db()}.ask(session.child(), duration_cast<minutes>(*duration),
        takeOption(args, "--reason").value_or(""), session.clock().now());
    if (!id) {
        return refused(id.error());
    }
    std::cout << "Asked (request " << *id << "). A parent will answer.\n";
    return 0;
}

int commandRequests(Session &session, std::vector<std::string> args)
{
    const bool all = takeFlag(args, "--all");
    static const char *const kStates[] = {"pending", "approved", "denied"};
    for (const core::TimeRequest &request : core::RequestStore {session.db()}.list(-1, !all)) {
        std::cout << request.id << "\t" << userName(static_cast<uid_t>(request.child)) << "\t"
                  << localTime(session.clock().zone(), request.askedAt) << "\t" << request.minutes.count() << " min\t"
                  << kStates[static_cast<int>(request.state)] << "\t" << request.reason << "\n";
    }
    return 0;
}

int commandAnswer(Session &session, std::vector<std::string> args)
{
    const bool deny = takeFlag(args, "--deny");
    const auto minutesText = takeOption(args, "--minutes");
    if (args.empty() || (!deny && !minutesText)) {
        return usageError("answer needs a request id and --minutes N or --deny");
    }
    core::RequestStore requests {session.db()};
    const std::int64_t id = std::atoll(args.front().c_str());
    const auto request = requests.find(id);
    if (!request) {
        return refused({"request", "there is no request " + args.front()});
    }
    const auto granted = deny ? std::optional<seconds> {seconds {0}} : core::parseDuration(*minutesText);
    if (!granted) {
        return refused({"--minutes", "\"" + *minutesText + "\" is not a number of minutes"});
    }
    const core::Instant now = session.clock().now();
    if (core::Status answered = requests.answer(id, duration_cast<minutes>(*granted), getuid(), now); !answered) {
        return refused(answered.error());
    }
    if (*granted > seconds {0}) {
        // The grant is for the child's current day, by the child's own day start.
        auto rules = core::RuleStore {session.db()}.current(request->child);
        const minutes dayStart = rules && *rules ? (*rules)->dayStart : minutes {0};
        const core::LocalDate today = core::DayCalendar {session.clock().zone(), dayStart}.dayOf(now);
        core::GrantStore {session.db()}.add(request->child,
            core::Grant::extraTime(today, duration_cast<minutes>(*granted)), getuid(), now,
            "request " + std::to_string(id));
    }
    core::AuditLog {session.db()}.append({0, now, deny ? "request-denied" : "request-approved", request->child,
        getuid(), "request " + std::to_string(id)});
    std::cout << (deny ? "Denied.\n" : "Approved.\n");
    return 0;
}

int commandReport(Session &session, std::vector<std::string> args)
{
    auto rules = session.rules();
    if (!rules) {
        return failed(rules.error().describe());
    }
    const core::LocalDate today
        = core::DayCalendar {session.clock().zone(), rules->dayStart}.dayOf(session.clock().now());
    const std::string format = takeOption(args, "--format").value_or("table");
    const auto range = takeReportRange(args, today);
    if (!range) {
        return range.error().field == "--period" ? usageError(range.error().message) : refused(range.error());
    }
    core::ActivityStore store {session.db()};
    const std::string report
        = core::usageReportJson(core::UsageReport {store}, session.child(), range->from, range->to);
    if (!printUsageReport(report, format, std::cout)) {
        return usageError("--format is table, csv or json");
    }
    return 0;
}

int commandTimeline(Session &session, std::vector<std::string> args)
{
    const core::TimeZone &zone = session.clock().zone();
    core::LocalDate day = zone.toLocal(session.clock().now()).date;
    if (auto text = takeOption(args, "--date")) {
        const auto date = core::parseDate(*text);
        if (!date) {
            return refused({"--date", "\"" + *text + "\" is not a date such as 2025-06-14"});
        }
        day = *date;
    }
    core::ActivityStore store {session.db()};
    for (const core::TimelineEntry &entry : core::UsageReport {store}.timeline(session.child(), day)) {
        const auto clock = [&](core::Instant at) {
            return core::formatTimeOfDay(duration_cast<minutes>(zone.toLocal(at).sinceMidnight));
        };
        std::cout << clock(entry.span.start) << "–" << clock(entry.span.end) << "  "
                  << (entry.app.desktopId.empty() ? entry.app.exe : entry.app.desktopId)
                  << (entry.domain.empty() ? "" : "  " + entry.domain)
                  << ((entry.flags & core::ActivityFlag::Idle) ? "  (idle)" : "")
                  << ((entry.flags & core::ActivityFlag::Charged) ? "" : "  (not charged)") << "\n";
    }
    return 0;
}

int commandAudit(Session &session, std::vector<std::string> args)
{
    core::AuditLog audit {session.db()};
    if (takeFlag(args, "--verify")) {
        const core::ChainState state = audit.verify();
        if (state.intact) {
            std::cout << "Audit log intact (" << state.rows << " entries).\n";
            return 0;
        }
        std::cout << "Audit log BROKEN at entry " << state.brokenAt.value_or(0) << ".\n";
        return kExitFailed;
    }
    for (const core::AuditEntry &entry : audit.list(-1, 0, 1000)) {
        std::cout << entry.id << "\t" << localTime(session.clock().zone(), entry.at) << "\t" << entry.kind << "\t"
                  << entry.detail << "\n";
    }
    return 0;
}

int run(Options options)
{
    if (options.arguments.empty()) {
        std::cout << kUsage;
        return kExitUsage;
    }
    const std::string command = options.arguments.front();
    std::vector<std::string> args(options.arguments.begin() + 1, options.arguments.end());
    if (std::find(args.begin(), args.end(), "--help") != args.end()) {
        std::cout << kUsage;
        return 0;
    }
    static const std::vector<std::string> kCommands {"status", "children", "rules", "grant", "request", "requests",
        "answer", "report", "timeline", "audit", "demo", "add-child", "remove-child", "accept-clock"};
    if (std::find(kCommands.begin(), kCommands.end(), command) == kCommands.end()) {
        return usageError("unknown command '" + command + "'");
    }
    if (!options.state && command != "demo") {
        ctl::ServiceClient client {options.userBus};
        return ctl::runServiceCommand(client, options.child, command, args);
    }
    if (command == "add-child" || command == "remove-child" || command == "accept-clock") {
        return usageError(command + " works only through the service (leave out --state)");
    }
    const std::string state = options.state.value_or(defaultStateDir());
    std::error_code error;
    std::filesystem::create_directories(state, error);
    ::chmod(state.c_str(), 0700);
    auto db = core::Database::open(state + "/sundial.db");
    if (!db) {
        return failed(db.error().describe());
    }
    if ((*db)->report().recovered) {
        std::cerr << "sundialctl: the database was damaged (" << (*db)->report().problem << "); it was moved to "
                  << (*db)->report().movedAsidePath << " and what could be read was copied into a fresh one.\n";
    }
    const platform::SystemClock clock;
    if (command == "demo") {
        const uid_t uid = getuid();
        if (core::Status seeded = ctl::seedDemo(**db, uid, userName(uid), clock.zone(), clock.now()); !seeded) {
            return failed(seeded.error().describe());
        }
        std::cout << "Demo state created in " << state << " for " << userName(uid) << ".\n";
        return 0;
    }
    std::int64_t child = options.child.value_or(getuid());
    if (!options.child) {
        const auto children = core::ChildStore {**db}.list();
        if (children.size() == 1) {
            child = children.front().uid;
        }
    }
    Session session {std::move(db).value(), child};
    if (command == "status") {
        return commandStatus(session, args);
    }
    if (command == "children") {
        return commandChildren(session);
    }
    if (command == "rules") {
        return commandRules(session, args);
    }
    if (command == "grant") {
        return commandGrant(session, args);
    }
    if (command == "request") {
        return commandRequest(session, args);
    }
    if (command == "requests") {
        return commandRequests(session, args);
    }
    if (command == "answer") {
        return commandAnswer(session, args);
    }
    if (command == "report") {
        return commandReport(session, args);
    }
    if (command == "timeline") {
        return commandTimeline(session, args);
    }
    return commandAudit(session, args);
}

} // namespace

int main(int argc, char **argv)
{
    try {
        QCoreApplication app {argc, argv}; // QtDBus wants one, even for blocking calls
        Options options;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if ((arg == "-h" || arg == "--help") && options.arguments.empty()) {
                std::cout << kUsage;
                return 0;
            }
            if (arg == "--state" && options.arguments.empty()) {
                if (++i >= argc) {
                    return usageError("--state needs a directory");
                }
                options.state = argv[i];
            } else if (arg == "--user" && options.arguments.empty()) {
                options.userBus = true;
            } else if (arg == "--child" && options.arguments.empty()) {
                if (++i >= argc) {
                    return usageError("--child needs a user id");
                }
                char *end = nullptr;
                const long long uid = std::strtoll(argv[i], &end, 10);
                if (*end != '\0' || uid < 0) {
                    return usageError(std::string {"--child: \""} + argv[i] + "\" is not a user id");
                }
                options.child = uid;
            } else {
                options.arguments.push_back(arg);
            }
        }
        return run(options);
    } catch (const std::exception &error) {
        std::cerr << "sundialctl: unexpected error: " << error.what() << "\n";
        return kExitFailed;
    }
}
