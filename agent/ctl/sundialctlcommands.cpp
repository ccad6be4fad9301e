// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/sundialctlcommands.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include "agent/core/heartbeat.h"
#include "agent/core/rulesjson.h"
#include "agent/ctl/arguments.h"
#include "agent/ctl/exitcodes.h"
#include "agent/ctl/rulesflags.h"
#include "agent/ctl/usagereportprinter.h"
#include "agent/platform/systemclock.h"

namespace sundial::ctl
{

namespace
{

using nlohmann::json;
using namespace std::chrono;

using Arguments = std::vector<std::string>;

int usageError(CommandContext &context, const std::string &message)
{
    return reportUsageError(context.err, message);
}

// An answer from the backend that is not what was asked for: its message, and the exit code its
// error name means.
int failure(CommandContext &context, const core::Error &error)
{
    const int code = exitCodeFor(error);
    context.err << "sundialctl: " << (code == kExitRefused ? "refused: " : "") << error.message << "\n";
    return code;
}

// An argument sundialctl refuses itself; the error's field names the option.
int refusedArgument(CommandContext &context, const core::Error &error)
{
    context.err << "sundialctl: refused: " << error.describe() << "\n";
    return kExitRefused;
}

const platform::SystemClock &clock()
{
    static const platform::SystemClock clock;
    return clock;
}

// "2025-06-14 19:30", this machine's local time.
std::string localTime(core::Instant at)
{
    const core::LocalDateTime local = clock().zone().toLocal(at);
    return core::formatDate(local.date) + " " + core::formatTimeOfDay(duration_cast<minutes>(local.sinceMidnight));
}

// "19:30", this machine's local time.
std::string clockTime(core::Instant at)
{
    return core::formatTimeOfDay(duration_cast<minutes>(clock().zone().toLocal(at).sinceMidnight));
}

std::string duration(std::int64_t secondsCount)
{
    return core::formatDuration(seconds {secondsCount});
}

std::optional<std::int64_t> parseId(const std::string &text)
{
    char *end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 0) {
        return std::nullopt;
    }
    return value;
}

// The child a parent's command is about: --child, or the only limited account.
core::Result<std::int64_t> pickChild(CommandContext &context)
{
    if (context.child) {
        return *context.child;
    }
    auto children = context.backend.children();
    if (!children) {
        return children.error();
    }
    if (children->size() != 1) {
        return core::Error {"--child",
            std::to_string(children->size())
                + " accounts are limited: say which with --child UID (see sundialctl children)"};
    }
    return children->front().uid;
}

int commandStatus(CommandContext &context, Arguments args)
{
    const bool asJson = takeFlag(args, "--json");
    auto status = context.backend.status(context.child);
    if (!status) {
        return failure(context, status.error());
    }
    if (!status->value("limited", false)) {
        context.out << (asJson ? "{\"limited\": false}" : "This account is not limited by Sundial.") << "\n";
        return kExitDone;
    }
    if (asJson) {
        context.out << status->dump(2) << "\n";
        return kExitDone;
    }
    const auto text = [&](const char *key) { return status->value(key, std::string {}); };
    const auto number = [&](const char *key) { return status->value(key, std::int64_t {0}); };
    std::ostream &out = context.out;
    out << "  Day:          " << text("day") << "\n";
    out << "  Used today:   " << duration(number("usedSeconds")) << "\n";
    out << "  Left today:   " << (number("remainingSeconds") < 0 ? "no limit" : duration(number("remainingSeconds")))
        << "\n";
    out << "  Now:          " << text("verdict") << " — " << text("reason") << "\n";
    // Only while use is allowed: out of time or outside hours it would read "until now".
    if (number("allowedUntil") > 0 && (text("verdict") == "allowed" || text("verdict") == "warning")) {
        out << "  Allowed until " << localTime(core::Instant {seconds {number("allowedUntil")}}) << "\n";
    }
    for (const json &budget : json::parse(text("budgets"))) {
        out << "  " << budget.at("name").get<std::string>() << ": "
            << duration(budget.at("remainingSeconds").get<std::int64_t>()) << " of "
            << duration(budget.at("limitSeconds").get<std::int64_t>()) << " left\n";
    }
    if (!text("helpLineName").empty()) {
        out << "  Help line:    " << text("helpLineName")
            << (text("helpLinePhone").empty() ? "" : " — " + text("helpLinePhone"))
            << (text("helpLineUrl").empty() ? "" : " — " + text("helpLineUrl")) << "\n";
    }
    out << "  Recorded:     " << text("recorded") << "\n";
    return kExitDone;
}

int commandChildren(CommandContext &context, Arguments)
{
    auto children = context.backend.children();
    if (!children) {
        return failure(context, children.error());
    }
    for (const core::Child &child : *children) {
        context.out << child.uid << "\t" << child.name << "\n";
    }
    return kExitDone;
}

// add-child and remove-child.
int commandChangeChildren(CommandContext &context, Arguments args, bool add)
{
    const auto uid = args.empty() ? std::nullopt : parseId(args.front());
    if (!uid) {
        return usageError(context, std::string {add ? "add-child" : "remove-child"} + " needs a user id");
    }
    const core::Status changed = add ? context.backend.addChild(*uid) : context.backend.removeChild(*uid);
    return changed ? kExitDone : failure(context, changed.error());
}

int commandRulesGet(CommandContext &context, Arguments)
{
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    auto rules = context.backend.rules(*child);
    if (!rules) {
        return failure(context, rules.error());
    }
    context.out << *rules << "\n";
    return kExitDone;
}

int commandRulesSet(CommandContext &context, Arguments args)
{
    if (args.empty()) {
        return usageError(context, "rules set needs a JSON file, - for standard input, or flags such as --daily 2h");
    }
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    std::string text;
    if (args.front().rfind("--", 0) == 0) {
        auto current = context.backend.rules(*child);
        if (!current) {
            return failure(context, current.error());
        }
        auto rules = core::rulesFromJson(*current);
        if (!rules) {
            return failure(context, rules.error());
        }
        if (core::Status applied = applyRulesFlags(*rules, args); !applied) {
            return refusedArgument(context, applied.error());
        }
        text = core::rulesToJson(*rules);
    } else if (args.front() == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char> {});
    } else {
        std::ifstream file {args.front()};
        if (!file) {
            context.err << "sundialctl: cannot read " << args.front() << "\n";
            return kExitFailed;
        }
        text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char> {});
    }
    auto version = context.backend.setRules(*child, text);
    if (!version) {
        return failure(context, version.error());
    }
    context.out << "Saved rules version " << *version << ".\n";
    return kExitDone;
}

int commandRulesHistory(CommandContext &context, Arguments)
{
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    auto history = context.backend.rulesHistory(*child);
    if (!history) {
        return failure(context, history.error());
    }
    for (const core::RuleVersion &version : *history) {
        context.out << version.id << "\t" << localTime(version.savedAt) << "\tby uid " << version.savedBy << "\n";
    }
    return kExitDone;
}

int commandGrant(CommandContext &context, Arguments args)
{
    const auto minutesText = takeOption(args, "--minutes");
    const auto untilText = minutesText ? std::nullopt : takeOption(args, "--until");
    if (!minutesText && !untilText) {
        return usageError(context, "grant needs --minutes N or --until HH:MM");
    }
    std::optional<seconds> extra;
    std::optional<core::TimeOfDay> until;
    if (minutesText) {
        extra = core::parseDuration(*minutesText);
        if (!extra) {
            return usageError(context, "--minutes: \"" + *minutesText + "\" is not a number of minutes");
        }
    } else {
        until = core::parseTimeOfDay(*untilText);
        if (!until) {
            return refusedArgument(context, {"--until", "\"" + *untilText + "\" is not a time of day such as 19:30"});
        }
    }
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    const core::Status granted = extra ? context.backend.grantExtraTime(*child, duration_cast<minutes>(*extra))
                                       : context.backend.grantFreeUntil(*child, *until);
    if (!granted) {
        return failure(context, granted.error());
    }
    context.out << "Granted.\n";
    return kExitDone;
}

int commandRequest(CommandContext &context, Arguments args)
{
    const auto text = takeOption(args, "--minutes");
    const auto asked = text ? core::parseDuration(*text) : std::nullopt;
    if (!asked) {
        return usageError(context, "request needs --minutes N");
    }
    auto id
        = context.backend.requestMoreTime(duration_cast<minutes>(*asked), takeOption(args, "--reason").value_or(""));
    if (!id) {
        return failure(context, id.error());
    }
    context.out << "Asked (request " << *id << "). A parent will answer.\n";
    return kExitDone;
}

int commandRequests(CommandContext &context, Arguments args)
{
    static const char *const kStates[] = {"pending", "approved", "denied"};
    const bool all = takeFlag(args, "--all");
    const auto beforeText = takeOption(args, "--before");
    const auto before = beforeText ? parseId(*beforeText) : std::optional<std::int64_t> {0};
    if (!before) {
        return usageError(context, "requests: --before needs a request id");
    }
    const int page = core::RequestStore::kMaxPage;
    auto requests = context.backend.requests(!all, *before, page);
    if (!requests) {
        return failure(context, requests.error());
    }
    for (const core::TimeRequest &request : *requests) {
        context.out << request.id << "\tuid " << request.child << "\t" << localTime(request.askedAt) << "\t"
                    << request.minutes.count() << " min\t" << kStates[static_cast<int>(request.state)] << "\t"
                    << request.reason << "\n";
    }
    if (requests->size() == static_cast<std::size_t>(page)) {
        context.out << "Older requests: sundialctl requests" << (all ? " --all" : "") << " --before "
                    << requests->back().id << "\n";
    }
    return kExitDone;
}

int commandAnswer(CommandContext &context, Arguments args)
{
    const bool deny = takeFlag(args, "--deny");
    const auto minutesText = takeOption(args, "--minutes");
    const auto granted = minutesText ? core::parseDuration(*minutesText) : std::nullopt;
    if (args.empty() || (!deny && !granted)) {
        return usageError(context, "answer needs a request id and --minutes N or --deny");
    }
    const auto id = parseId(args.front());
    if (!id) {
        return usageError(context, "answer: \"" + args.front() + "\" is not a request id (see sundialctl requests)");
    }
    const core::Status answered
        = context.backend.answerRequest(*id, deny ? minutes {0} : duration_cast<minutes>(*granted));
    if (!answered) {
        return failure(context, answered.error());
    }
    context.out << (deny ? "Denied.\n" : "Approved.\n");
    return kExitDone;
}

int commandReport(CommandContext &context, Arguments args)
{
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    auto today = context.backend.today(*child);
    if (!today) {
        return failure(context, today.error());
    }
    const std::string format = takeOption(args, "--format").value_or("table");
    const auto range = takeReportRange(args, *today);
    if (!range) {
        return range.error().field == "--period" ? usageError(context, range.error().message)
                                                 : refusedArgument(context, range.error());
    }
    auto usage = context.backend.usage(*child, range->from, range->to);
    if (!usage) {
        return failure(context, usage.error());
    }
    if (!printUsageReport(*usage, format, context.out)) {
        return usageError(context, "--format is table, csv or json");
    }
    return kExitDone;
}

int commandTimeline(CommandContext &context, Arguments args)
{
    auto child = pickChild(context);
    if (!child) {
        return failure(context, child.error());
    }
    core::LocalDate day = clock().zone().toLocal(clock().now()).date;
    if (auto text = takeOption(args, "--date")) {
        const auto date = core::parseDate(*text);
        if (!date) {
            return refusedArgument(context, {"--date", "\"" + *text + "\" is not a date such as 2025-06-14"});
        }
        day = *date;
    }
    auto entries = context.backend.timeline(*child, day);
    if (!entries) {
        return failure(context, entries.error());
    }
    for (const core::TimelineEntry &entry : *entries) {
        const std::string app = entry.app.desktopId.empty() ? entry.app.exe : entry.app.desktopId;
        context.out << clockTime(entry.span.start) << "–" << clockTime(entry.span.end) << "  "
                    << ((entry.flags & core::ActivityFlag::UnknownApp) ? "(unknown app: no helper report)" : app)
                    << (entry.domain.empty() ? "" : "  " + entry.domain)
                    << ((entry.flags & core::ActivityFlag::Idle) ? "  (idle)" : "")
                    << ((entry.flags & core::ActivityFlag::Charged) ? "" : "  (not charged)") << "\n";
    }
    return kExitDone;
}

int commandAudit(CommandContext &context, Arguments args)
{
    const bool verify = takeFlag(args, "--verify");
    auto trail = context.backend.audit();
    if (!trail) {
        return failure(context, trail.error());
    }
    if (verify) {
        if (trail->intact) {
            context.out << "Audit log intact (" << trail->checkedEntries << " entries).\n";
            return kExitDone;
        }
        context.out << "Audit log BROKEN at entry " << trail->brokenAt.value_or(0) << ".\n";
        return kExitFailed;
    }
    for (const core::AuditEntry &entry : trail->entries) {
        context.out << entry.id << "\t" << localTime(entry.at) << "\t" << entry.kind << "\t" << entry.detail << "\n";
    }
    if (trail->pendingClockJump) {
        context.out << "The clock was changed by " << trail->pendingClockJump->count()
                    << " s and is not trusted yet: sundialctl accept-clock adopts it.\n";
    }
    return kExitDone;
}

int commandAcceptClock(CommandContext &context, Arguments)
{
    const core::Status accepted = context.backend.acceptClockChange();
    return accepted ? kExitDone : failure(context, accepted.error());
}

int commandDemo(CommandContext &context, Arguments)
{
    auto demo = context.backend.createDemo();
    if (!demo) {
        return failure(context, demo.error());
    }
    context.out << "Demo state created in " << demo->directory << " for " << demo->childName << ".\n";
    return kExitDone;
}

} // namespace

const CommandTable &sundialctlCommands()
{
    static const CommandTable table {{
        {"status", "[--json]", "what the child sees now: verdict, time left, why, help line", Modes::Both,
            commandStatus},
        {"children", "", "the limited accounts", Modes::Both, commandChildren},
        {"rules get", "", "print the child's rules as JSON", Modes::Both, commandRulesGet},
        {"rules set", "FILE|- | FLAGS...",
            "replace the rules with a JSON file (or standard input),\n"
            "or change them with flags: --daily 2h --weekday sat=3h\n"
            "--allow 07:00-08:00,15:00-20:30 --allow-on fri=15:00-23:00\n"
            "--weekly 12h --day-start 04:00 --warnings 15,5,1\n"
            "--lockout lock|logout|suspend",
            Modes::Both, commandRulesSet},
        {"rules history", "", "every saved version", Modes::StateDirectoryOnly, commandRulesHistory},
        {"grant", "--minutes N | --until HH:MM", "extra time today, or free until a time today", Modes::Both,
            commandGrant},
        {"request", "--minutes N [--reason TEXT]", "ask for more time (as the child)", Modes::Both, commandRequest},
        {"requests", "[--all] [--before ID]", "pending (or all) requests, newest first, a page at a time", Modes::Both,
            commandRequests},
        {"answer", "ID --minutes N | --deny", "approve or deny a request", Modes::Both, commandAnswer},
        {"report", "[--period day|week|month|year | --from DATE --to DATE] [--format table|csv|json]",
            "usage over a period (default: the last week)", Modes::Both, commandReport},
        {"timeline", "[--date YYYY-MM-DD]", "the day's activity, interval by interval", Modes::Both, commandTimeline},
        {"audit", "[--verify]", "rule changes, grants and tamper events; --verify checks the chain", Modes::Both,
            commandAudit},
        {"add-child", "UID", "start limiting an account", Modes::ServiceOnly,
            [](CommandContext &context, Arguments args) {
                return commandChangeChildren(context, std::move(args), true);
            }},
        {"remove-child", "UID", "stop limiting an account", Modes::ServiceOnly,
            [](CommandContext &context, Arguments args) {
                return commandChangeChildren(context, std::move(args), false);
            }},
        {"accept-clock", "", "trust the wall clock after a recorded change", Modes::ServiceOnly, commandAcceptClock},
        {"demo", "", "create a demo state: you as the child, starter rules,\ntwo weeks of sample use",
            Modes::OwnStateDirectory, commandDemo},
    }};
    return table;
}

} // namespace sundial::ctl
