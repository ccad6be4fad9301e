// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/servicecommands.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDateTime>

#include "agent/core/rulesjson.h"
#include "agent/ctl/arguments.h"
#include "agent/ctl/rulesflags.h"
#include "agent/ctl/usagereportprinter.h"

namespace sundial::ctl
{

namespace
{

using nlohmann::json;
using namespace std::chrono;

int report(const core::Error &error)
{
    std::cerr << "sundialctl: " << error.message << "\n";
    if (error.field == "org.sundial.Error.PermissionDenied") {
        return kExitDenied;
    }
    if (error.field.rfind("org.sundial.Error.", 0) == 0 && error.field != "org.sundial.Error.Failed") {
        return kExitRefused;
    }
    return kExitFailed;
}

int usage(const std::string &message)
{
    std::cerr << "sundialctl: " << message << "\nTry 'sundialctl --help'.\n";
    return kExitUsage;
}

std::string localTime(qint64 unixTime)
{
    return QDateTime::fromSecsSinceEpoch(unixTime).toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString();
}

std::string duration(qint64 seconds)
{
    return core::formatDuration(std::chrono::seconds {seconds});
}

// The child a parent's command is about: --child, or the only limited account.
core::Result<std::int64_t> pickChild(ServiceClient &client, std::optional<std::int64_t> child)
{
    if (child) {
        return *child;
    }
    auto list = client.call(QStringLiteral("Admin"), QStringLiteral("ListChildren"));
    if (!list) {
        return list.error();
    }
    const json children = json::parse(list->toString().toStdString());
    if (children.size() != 1) {
        return core::Error {"--child",
            std::to_string(children.size())
                + " accounts are limited: say which with --child UID (see "
                  "sundialctl children)"};
    }
    return children[0].at("uid").get<std::int64_t>();
}

int printStatus(const QVariantMap &status, bool asJson)
{
    if (!status.value(QStringLiteral("limited")).toBool()) {
        std::cout << (asJson ? "{\"limited\": false}" : "This account is not limited by Sundial.") << "\n";
        return 0;
    }
    const auto text = [&](const char *key) { return status.value(QLatin1String(key)).toString().toStdString(); };
    const auto number = [&](const char *key) { return status.value(QLatin1String(key)).toLongLong(); };
    if (asJson) {
        json out;
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
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "  Day:          " << text("day") << "\n";
    std::cout << "  Used today:   " << duration(number("usedSeconds")) << "\n";
    std::cout << "  Left today:   "
              << (number("remainingSeconds") < 0 ? "no limit" : duration(number("remainingSeconds"))) << "\n";
    std::cout << "  Now:          " << text("verdict") << " — " << text("reason") << "\n";
    if (number("allowedUntil") > 0) {
        std::cout << "  Allowed until " << localTime(number("allowedUntil")) << "\n";
    }
    for (const json &budget : json::parse(text("budgets"))) {
        std::cout << "  " << budget.at("name").get<std::string>() << ": "
                  << duration(budget.at("remainingSeconds").get<qint64>()) << " of "
                  << duration(budget.at("limitSeconds").get<qint64>()) << " left\n";
    }
    if (!text("helpLineName").empty()) {
        std::cout << "  Help line:    " << text("helpLineName")
                  << (text("helpLinePhone").empty() ? "" : " — " + text("helpLinePhone"))
                  << (text("helpLineUrl").empty() ? "" : " — " + text("helpLineUrl")) << "\n";
    }
    std::cout << "  Recorded:     " << text("recorded") << "\n";
    return 0;
}

int commandRules(ServiceClient &client, std::int64_t child, std::vector<std::string> args)
{
    if (args.empty()) {
        return usage("rules needs get or set");
    }
    const std::string verb = args.front();
    args.erase(args.begin());
    auto current = client.call(QStringLiteral("Admin"), QStringLiteral("GetRules"), {uint(child)});
    if (!current) {
        return report(current.error());
    }
    if (verb == "get") {
        std::cout << current->toString().toStdString() << "\n";
        return 0;
    }
    if (verb != "set" || args.empty()) {
        return usage("rules set needs a JSON file, - for standard input, or flags such as --daily 2h");
    }
    std::string text;
    if (args.front().rfind("--", 0) == 0) {
        auto rules = core::rulesFromJson(current->toString().toStdString());
        if (!rules) {
            return report(rules.error());
        }
        if (core::Status applied = applyRulesFlags(*rules, args); !applied) {
            std::cerr << "sundialctl: refused: " << applied.error().describe() << "\n";
            return kExitRefused;
        }
        text = core::rulesToJson(*rules);
    } else {
        std::istreambuf_iterator<char> begin;
        if (args.front() == "-") {
            text.assign(std::istreambuf_iterator<char>(std::cin), begin);
        } else {
            std::ifstream file {args.front()};
            if (!file) {
                std::cerr << "sundialctl: cannot read " << args.front() << "\n";
                return kExitFailed;
            }
            text.assign(std::istreambuf_iterator<char>(file), begin);
        }
    }
    auto version
        = client.call(QStringLiteral("Admin"), QStringLiteral("SetRules"), {uint(child), QString::fromStdString(text)});
    if (!version) {
        std::cerr << "sundialctl: refused: ";
        return report(version.error());
    }
    std::cout << "Saved rules version " << version->toLongLong() << ".\n";
    return 0;
}

int commandReport(ServiceClient &client, std::int64_t child, std::vector<std::string> args)
{
    const std::string format = takeOption(args, "--format").value_or("table");
    const auto today = core::parseDate(QDate::currentDate().toString(Qt::ISODate).toStdString());
    const auto range = takeReportRange(args, today.value_or(core::LocalDate {}));
    if (!range) {
        if (range.error().field == "--period") {
            return usage(range.error().message);
        }
        std::cerr << "sundialctl: refused: " << range.error().describe() << "\n";
        return kExitRefused;
    }
    auto result = client.call(QStringLiteral("Admin"), QStringLiteral("Usage"),
        {uint(child), QString::fromStdString(core::formatDate(range->from)),
            QString::fromStdString(core::formatDate(range->to))});
    if (!result) {
        return report(result.error());
    }
    if (!printUsageReport(result->toString().toStdString(), format, std::cout)) {
        return usage("--format is table, csv or json");
    }
    return 0;
}

} // namespace

int runServiceCommand(
    ServiceClient &client, std::optional<std::int64_t> child, const std::string &command, std::vector<std::string> args)
{
    if (command == "status") {
        const bool asJson = takeFlag(args, "--json");
        auto status = child ? client.call(QStringLiteral("Admin"), QStringLiteral("GetChildStatus"), {uint(*child)})
                            : client.call(QStringLiteral("Child"), QStringLiteral("GetStatus"));
        if (!status) {
            return report(status.error());
        }
        return printStatus(qdbus_cast<QVariantMap>(*status), asJson);
    }
    if (command == "request") {
        const auto minutes = takeOption(args, "--minutes");
        const auto parsed = minutes ? core::parseDuration(*minutes) : std::nullopt;
        if (!parsed) {
            return usage("request needs --minutes N");
        }
        auto id = client.call(QStringLiteral("Child"), QStringLiteral("RequestMoreTime"),
            {uint(duration_cast<std::chrono::minutes>(*parsed).count()),
                QString::fromStdString(takeOption(args, "--reason").value_or(""))});
        if (!id) {
            return report(id.error());
        }
        std::cout << "Asked (request " << id->toLongLong() << "). A parent will answer.\n";
        return 0;
    }
    if (command == "children") {
        auto list = client.call(QStringLiteral("Admin"), QStringLiteral("ListChildren"));
        if (!list) {
            return report(list.error());
        }
        for (const json &item : json::parse(list->toString().toStdString())) {
            std::cout << item.at("uid").get<std::int64_t>() << "\t" << item.at("name").get<std::string>() << "\n";
        }
        return 0;
    }
    if (command == "add-child" || command == "remove-child") {
        if (args.empty()) {
            return usage(command + " needs a user id");
        }
        auto done = client.call(QStringLiteral("Admin"),
            command == "add-child" ? QStringLiteral("AddChild") : QStringLiteral("RemoveChild"),
            {uint(std::stoul(args.front()))});
        return done ? 0 : report(done.error());
    }
    if (command == "requests") {
        auto list = client.call(QStringLiteral("Admin"), QStringLiteral("ListRequests"), {!takeFlag(args, "--all")});
        if (!list) {
            return report(list.error());
        }
        for (const json &item : json::parse(list->toString().toStdString())) {
            std::cout << item.at("id").get<qint64>() << "\tuid " << item.at("uid").get<qint64>() << "\t"
                      << localTime(item.at("askedAt").get<qint64>()) << "\t" << item.at("minutes").get<qint64>()
                      << " min\t" << item.at("state").get<std::string>() << "\t" << item.at("reason").get<std::string>()
                      << "\n";
        }
        return 0;
    }
    if (command == "answer") {
        const bool deny = takeFlag(args, "--deny");
        const auto minutes = takeOption(args, "--minutes");
        const auto parsed = minutes ? core::parseDuration(*minutes) : std::nullopt;
        if (args.empty() || (!deny && !parsed)) {
            return usage("answer needs a request id and --minutes N or --deny");
        }
        auto done = client.call(QStringLiteral("Admin"), QStringLiteral("AnswerRequest"),
            {qlonglong(std::stoll(args.front())),
                uint(deny ? 0 : duration_cast<std::chrono::minutes>(*parsed).count())});
        if (!done) {
            return report(done.error());
        }
        std::cout << (deny ? "Denied.\n" : "Approved.\n");
        return 0;
    }
    if (command == "audit") {
        auto log = client.call(QStringLiteral("Admin"), QStringLiteral("Audit"), {qlonglong(0), uint(10'000)});
        if (!log) {
            return report(log.error());
        }
        const json audit = json::parse(log->toString().toStdString());
        if (takeFlag(args, "--verify")) {
            if (audit.at("intact").get<bool>()) {
                std::cout << "Audit log intact (" << audit.at("entries").size() << " entries).\n";
                return 0;
            }
            std::cout << "Audit log BROKEN at entry " << audit.value("brokenAt", 0) << ".\n";
            return kExitFailed;
        }
        for (const json &entry : audit.at("entries")) {
            std::cout << entry.at("id").get<qint64>() << "\t" << localTime(entry.at("at").get<qint64>()) << "\t"
                      << entry.at("kind").get<std::string>() << "\t" << entry.at("detail").get<std::string>() << "\n";
        }
        if (audit.contains("pendingClockJumpSeconds")) {
            std::cout << "The clock was changed by " << audit.at("pendingClockJumpSeconds").get<qint64>()
                      << " s and is not trusted yet: sundialctl accept-clock adopts it.\n";
        }
        return 0;
    }
    if (command == "accept-clock") {
        auto done = client.call(QStringLiteral("Admin"), QStringLiteral("AcceptClockChange"));
        return done ? 0 : report(done.error());
    }

    auto uid = pickChild(client, child);
    if (!uid) {
        return report(uid.error());
    }
    if (command == "rules") {
        return commandRules(client, *uid, args);
    }
    if (command == "grant") {
        core::Result<QVariant> done = core::Error {};
        if (const auto minutes = takeOption(args, "--minutes")) {
            const auto parsed = core::parseDuration(*minutes);
            if (!parsed) {
                return usage("--minutes: \"" + *minutes + "\" is not a number of minutes");
            }
            done = client.call(QStringLiteral("Admin"), QStringLiteral("GrantExtraTime"),
                {uint(*uid), uint(duration_cast<std::chrono::minutes>(*parsed).count())});
        } else if (const auto until = takeOption(args, "--until")) {
            done = client.call(QStringLiteral("Admin"), QStringLiteral("GrantFreeUntil"),
                {uint(*uid), QString::fromStdString(*until)});
        } else {
            return usage("grant needs --minutes N or --until HH:MM");
        }
        if (!done) {
            return report(done.error());
        }
        std::cout << "Granted.\n";
        return 0;
    }
    if (command == "report") {
        return commandReport(client, *uid, args);
    }
    if (command == "timeline") {
        const QString day = QString::fromStdString(
            takeOption(args, "--date").value_or(QDate::currentDate().toString(Qt::ISODate).toStdString()));
        auto entries = client.call(QStringLiteral("Admin"), QStringLiteral("Timeline"), {uint(*uid), day});
        if (!entries) {
            return report(entries.error());
        }
        for (const json &entry : json::parse(entries->toString().toStdString())) {
            const auto clock = [](qint64 at) {
                return QDateTime::fromSecsSinceEpoch(at).toString(QStringLiteral("HH:mm")).toStdString();
            };
            const std::string app = entry.at("desktopId").get<std::string>().empty()
                ? entry.at("exe").get<std::string>()
                : entry.at("desktopId").get<std::string>();
            std::cout << clock(entry.at("start").get<qint64>()) << "–" << clock(entry.at("end").get<qint64>()) << "  "
                      << (entry.at("unknownApp").get<bool>() ? "(unknown app: no helper report)" : app)
                      << (entry.at("domain").get<std::string>().empty() ? ""
                                                                        : "  " + entry.at("domain").get<std::string>())
                      << (entry.at("idle").get<bool>() ? "  (idle)" : "")
                      << (entry.at("charged").get<bool>() ? "" : "  (not charged)") << "\n";
        }
        return 0;
    }
    return usage("unknown command '" + command + "'");
}

} // namespace sundial::ctl
