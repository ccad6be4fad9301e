// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/rulesjson.h"

#include <initializer_list>

#include <nlohmann/json.hpp>

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;

// Thrown inside the parser only, turned into an Error at the API boundary.
struct ParseFailure {
    Error error;
};

[[noreturn]] void fail(const std::string &field, const std::string &message)
{
    throw ParseFailure {{field, message}};
}

std::string join(const std::string &path, const std::string &key)
{
    return path.empty() ? key : path + "." + key;
}

void refuseUnknownKeys(const json &object, const std::string &path, std::initializer_list<std::string_view> known)
{
    for (const auto &item : object.items()) {
        bool found = false;
        for (const std::string_view key : known) {
            found = found || item.key() == key;
        }
        if (!found) {
            fail(join(path, item.key()), "is not a known field (check its spelling)");
        }
    }
}

const json &requireObject(const json &value, const std::string &path)
{
    if (!value.is_object()) {
        fail(path, "expected an object { ... }");
    }
    return value;
}

long long readInteger(const json &value, const std::string &path, long long low, long long high, const char *unit)
{
    if (!value.is_number_integer()) {
        fail(path, std::string {"expected a whole number of "} + unit);
    }
    const long long number = value.get<long long>();
    if (number < low || number > high) {
        fail(path,
            std::to_string(number) + " " + unit + " is out of range: give " + std::to_string(low) + " to "
                + std::to_string(high));
    }
    return number;
}

std::optional<minutes> readOptionalMinutes(const json &object, const std::string &key, const std::string &path)
{
    if (!object.contains(key) || object.at(key).is_null()) {
        return std::nullopt;
    }
    return minutes {readInteger(object.at(key), join(path, key), 0, 7 * 24 * 60, "minutes")};
}

std::string readString(const json &value, const std::string &path, std::size_t maxBytes)
{
    if (!value.is_string()) {
        fail(path, "expected text in quotes");
    }
    const auto &text = value.get_ref<const std::string &>();
    if (!isValidUtf8(text)) {
        fail(path, "is not valid UTF-8");
    }
    if (text.size() > maxBytes) {
        fail(path, "is longer than " + std::to_string(maxBytes) + " bytes");
    }
    return text;
}

bool readBool(const json &value, const std::string &path)
{
    if (!value.is_boolean()) {
        fail(path, "expected true or false");
    }
    return value.get<bool>();
}

AllowedWindow readWindow(const json &value, const std::string &path)
{
    const std::string text = readString(value, path, 32);
    const auto dash = text.find('-');
    const auto start = dash == std::string::npos ? std::nullopt : parseTimeOfDay(text.substr(0, dash));
    const auto end = dash == std::string::npos ? std::nullopt : parseTimeOfDay(text.substr(dash + 1), true);
    if (!start || !end) {
        fail(
            path, "\"" + truncateUtf8(text, 40) + "\" is not a window: write \"HH:MM-HH:MM\", such as \"15:00-20:30\"");
    }
    // "24:00" is the end of the date, the same instant as 00:00 of the next date.
    return AllowedWindow {*start, *end == minutes {24 * 60} ? minutes {0} : *end};
}

RuleAction readAction(const json &value, const std::string &path)
{
    const std::string text = readString(value, path, 32);
    if (text == "budget") {
        return RuleAction::Budget;
    }
    if (text == "blocked") {
        return RuleAction::Blocked;
    }
    if (text == "alwaysAllowed") {
        return RuleAction::AlwaysAllowed;
    }
    fail(path, "\"" + truncateUtf8(text, 40) + "\" is not an action: use \"budget\", \"blocked\" or \"alwaysAllowed\"");
}

std::string_view actionName(RuleAction action)
{
    switch (action) {
    case RuleAction::Budget:
        return "budget";
    case RuleAction::Blocked:
        return "blocked";
    case RuleAction::AlwaysAllowed:
        return "alwaysAllowed";
    }
    return "budget";
}

std::vector<std::string> readStringList(const json &value, const std::string &path, std::size_t maxBytes)
{
    if (!value.is_array()) {
        fail(path, "expected a list [ ... ]");
    }
    std::vector<std::string> list;
    for (std::size_t i = 0; i < value.size(); ++i) {
        list.push_back(readString(value[i], path + "[" + std::to_string(i) + "]", maxBytes));
    }
    return list;
}

void readDays(const json &value, Rules &rules)
{
    requireObject(value, "days");
    for (const auto &item : value.items()) {
        const std::string path = "days." + item.key();
        const auto weekday = parseWeekdayKey(item.key());
        if (!weekday) {
            fail(path, "is not a weekday: use monday ... sunday");
        }
        const json &day = requireObject(item.value(), path);
        refuseUnknownKeys(day, path, {"budgetMinutes", "windows"});
        DayRules &target = rules.day(*weekday);
        target.budget = readOptionalMinutes(day, "budgetMinutes", path);
        if (day.contains("windows")) {
            const json &windows = day.at("windows");
            if (!windows.is_array()) {
                fail(path + ".windows", "expected a list such as [\"07:00-08:00\", \"15:00-20:30\"]");
            }
            for (std::size_t i = 0; i < windows.size(); ++i) {
                target.windows.push_back(readWindow(windows[i], path + ".windows[" + std::to_string(i) + "]"));
            }
        }
    }
}

AppRule readAppRule(const json &value, const std::string &path)
{
    requireObject(value, path);
    refuseUnknownKeys(value, path, {"match", "action", "dailyMinutes", "label"});
    AppRule rule;
    if (!value.contains("match")) {
        fail(path + ".match", "is missing: give {\"exe\": PATH}, {\"desktopId\": ID} or {\"category\": NAME}");
    }
    const json &match = requireObject(value.at("match"), path + ".match");
    if (match.size() != 1) {
        fail(path + ".match", "give exactly one of \"exe\", \"desktopId\" or \"category\"");
    }
    const std::string key = match.begin().key();
    const json &pattern = match.begin().value();
    if (key == "exe") {
        rule.kind = AppMatchKind::Executable;
    } else if (key == "desktopId") {
        rule.kind = AppMatchKind::DesktopId;
    } else if (key == "category") {
        rule.kind = AppMatchKind::Category;
    } else {
        fail(path + ".match." + key, "is not a way to match: use \"exe\", \"desktopId\" or \"category\"");
    }
    rule.pattern = readString(pattern, path + ".match." + key, kMaxPathBytes);
    rule.action = value.contains("action") ? readAction(value.at("action"), path + ".action") : RuleAction::Budget;
    rule.dailyBudget = readOptionalMinutes(value, "dailyMinutes", path);
    if (value.contains("label")) {
        rule.label = readString(value.at("label"), path + ".label", kMaxNameBytes);
    }
    return rule;
}

SiteRule readSiteRule(const json &value, const std::string &path)
{
    requireObject(value, path);
    refuseUnknownKeys(value, path, {"domain", "action", "dailyMinutes"});
    SiteRule rule;
    if (!value.contains("domain")) {
        fail(path + ".domain", "is missing: give a domain such as example.com");
    }
    rule.domain = readString(value.at("domain"), path + ".domain", kMaxDomainBytes);
    rule.action = value.contains("action") ? readAction(value.at("action"), path + ".action") : RuleAction::Budget;
    rule.dailyBudget = readOptionalMinutes(value, "dailyMinutes", path);
    return rule;
}

void readLockout(const json &value, Rules &rules)
{
    requireObject(value, "lockout");
    refuseUnknownKeys(
        value, "lockout", {"action", "graceSeconds", "lockConfirmSeconds", "unlocksBeforeTerminate", "downtime"});
    LockoutPolicy &lockout = rules.lockout;
    if (value.contains("action")) {
        const std::string action = readString(value.at("action"), "lockout.action", 32);
        if (action == "lock") {
            lockout.action = LockoutAction::Lock;
        } else if (action == "logout") {
            lockout.action = LockoutAction::Logout;
        } else if (action == "suspend") {
            lockout.action = LockoutAction::Suspend;
        } else {
            fail(
                "lockout.action", "\"" + truncateUtf8(action, 40) + "\" is not a lockout: use lock, logout or suspend");
        }
    }
    if (value.contains("graceSeconds")) {
        lockout.grace = seconds {readInteger(value.at("graceSeconds"), "lockout.graceSeconds", 0, 600, "seconds")};
    }
    if (value.contains("lockConfirmSeconds")) {
        lockout.lockConfirmDelay
            = seconds {readInteger(value.at("lockConfirmSeconds"), "lockout.lockConfirmSeconds", 1, 60, "seconds")};
    }
    if (value.contains("unlocksBeforeTerminate")) {
        lockout.unlocksBeforeTerminate = static_cast<int>(
            readInteger(value.at("unlocksBeforeTerminate"), "lockout.unlocksBeforeTerminate", 1, 100, "unlocks"));
    }
    if (value.contains("downtime")) {
        lockout.downtime = readBool(value.at("downtime"), "lockout.downtime");
    }
}

void readBrowsers(const json &value, Rules &rules)
{
    requireObject(value, "browsers");
    refuseUnknownKeys(value, "browsers", {"privateWindows", "withoutExtension"});
    const auto choice = [&](const char *key, std::string_view yes, std::string_view no) {
        const std::string path = std::string {"browsers."} + key;
        const std::string text = readString(value.at(key), path, 32);
        if (text != yes && text != no) {
            fail(path,
                "\"" + truncateUtf8(text, 40) + "\" is not a choice here: use " + std::string {yes} + " or "
                    + std::string {no});
        }
        return text == yes;
    };
    if (value.contains("privateWindows")) {
        rules.browsers.privateWindows = choice("privateWindows", "allowed", "off");
    }
    if (value.contains("withoutExtension")) {
        rules.browsers.allowWithoutExtension = choice("withoutExtension", "allowed", "closed");
    }
}

void readPrivacy(const json &value, Rules &rules)
{
    requireObject(value, "privacy");
    refuseUnknownKeys(
        value, "privacy", {"recordTitles", "recordFullUrls", "activityRetentionDays", "dailyRetentionDays"});
    PrivacySettings &privacy = rules.privacy;
    if (value.contains("recordTitles")) {
        privacy.recordTitles = readBool(value.at("recordTitles"), "privacy.recordTitles");
    }
    if (value.contains("recordFullUrls")) {
        privacy.recordFullUrls = readBool(value.at("recordFullUrls"), "privacy.recordFullUrls");
    }
    if (value.contains("activityRetentionDays")) {
        privacy.activityRetention = std::chrono::days {
            readInteger(value.at("activityRetentionDays"), "privacy.activityRetentionDays", 1, 3650, "days")};
    }
    if (value.contains("dailyRetentionDays")) {
        privacy.dailyRetention = std::chrono::days {
            readInteger(value.at("dailyRetentionDays"), "privacy.dailyRetentionDays", 1, 3650, "days")};
    }
}

void readHelpLine(const json &value, Rules &rules)
{
    requireObject(value, "helpLine");
    refuseUnknownKeys(value, "helpLine", {"name", "phone", "url", "sites", "apps", "note"});
    HelpLine &help = rules.helpLine;
    if (value.contains("name")) {
        help.name = readString(value.at("name"), "helpLine.name", kMaxNameBytes);
    }
    if (value.contains("phone")) {
        help.phone = readString(value.at("phone"), "helpLine.phone", 64);
    }
    if (value.contains("url")) {
        help.url = readString(value.at("url"), "helpLine.url", 2048);
    }
    if (value.contains("sites")) {
        help.sites = readStringList(value.at("sites"), "helpLine.sites", kMaxDomainBytes);
    }
    if (value.contains("apps")) {
        help.apps = readStringList(value.at("apps"), "helpLine.apps", kMaxNameBytes);
    }
    if (value.contains("note")) {
        help.note = readString(value.at("note"), "helpLine.note", kMaxNameBytes);
    }
}

Rules readRules(const json &root)
{
    requireObject(root, "(top level)");
    if (!root.contains("version")) {
        fail("version",
            "is missing: a rules file must say which format it uses (\"version\": " + std::to_string(kRulesVersion)
                + ")");
    }
    if (!root.at("version").is_number_integer()) {
        fail("version", "expected a whole number");
    }
    const long long version = root.at("version").get<long long>();
    if (version != kRulesVersion) {
        fail("version",
            std::to_string(version) + " is not a rules format this Sundial understands (it reads version "
                + std::to_string(kRulesVersion) + (version > kRulesVersion ? "; update Sundial)" : ")"));
    }
    refuseUnknownKeys(root, "",
        {"version", "dayStart", "firstWeekday", "days", "weeklyBudgetMinutes", "apps", "sites", "warningMinutes",
            "idleThresholdSeconds", "lockout", "privacy", "browsers", "helpLine"});
    Rules rules;
    if (root.contains("dayStart")) {
        const std::string text = readString(root.at("dayStart"), "dayStart", 16);
        const auto time = parseTimeOfDay(text);
        if (!time) {
            fail("dayStart", "\"" + text + "\" is not a time of day: write HH:MM, such as \"04:00\"");
        }
        rules.dayStart = *time;
    }
    if (root.contains("firstWeekday")) {
        const std::string text = readString(root.at("firstWeekday"), "firstWeekday", 16);
        const auto weekday = parseWeekdayKey(text);
        if (!weekday) {
            fail("firstWeekday", "\"" + text + "\" is not a weekday: use monday ... sunday");
        }
        rules.firstWeekday = *weekday;
    }
    if (root.contains("days")) {
        readDays(root.at("days"), rules);
    }
    rules.weeklyBudget = readOptionalMinutes(root, "weeklyBudgetMinutes", "");
    if (root.contains("apps")) {
        if (!root.at("apps").is_array()) {
            fail("apps", "expected a list [ ... ]");
        }
        for (std::size_t i = 0; i < root.at("apps").size(); ++i) {
            rules.apps.push_back(readAppRule(root.at("apps")[i], "apps[" + std::to_string(i) + "]"));
        }
    }
    if (root.contains("sites")) {
        if (!root.at("sites").is_array()) {
            fail("sites", "expected a list [ ... ]");
        }
        for (std::size_t i = 0; i < root.at("sites").size(); ++i) {
            rules.sites.push_back(readSiteRule(root.at("sites")[i], "sites[" + std::to_string(i) + "]"));
        }
    }
    if (root.contains("warningMinutes")) {
        const json &warnings = root.at("warningMinutes");
        if (!warnings.is_array()) {
            fail("warningMinutes", "expected a list of minutes, such as [15, 5, 1]");
        }
        rules.warnings.clear();
        for (std::size_t i = 0; i < warnings.size(); ++i) {
            rules.warnings.push_back(
                minutes {readInteger(warnings[i], "warningMinutes[" + std::to_string(i) + "]", 1, 120, "minutes")});
        }
    }
    if (root.contains("idleThresholdSeconds")) {
        rules.idleThreshold
            = seconds {readInteger(root.at("idleThresholdSeconds"), "idleThresholdSeconds", 30, 3600, "seconds")};
    }
    if (root.contains("lockout")) {
        readLockout(root.at("lockout"), rules);
    }
    if (root.contains("privacy")) {
        readPrivacy(root.at("privacy"), rules);
    }
    if (root.contains("browsers")) {
        readBrowsers(root.at("browsers"), rules);
    }
    if (root.contains("helpLine")) {
        readHelpLine(root.at("helpLine"), rules);
    }
    return rules;
}

json optionalMinutes(std::optional<minutes> value)
{
    return value ? json(value->count()) : json(nullptr);
}

} // namespace

Result<Rules> rulesFromJson(std::string_view text)
{
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error &error) {
        return Error {"(file)", std::string {"is not valid JSON: "} + error.what()};
    }
    try {
        Rules rules = readRules(root);
        if (Status valid = validateRules(rules); !valid) {
            return valid.error();
        }
        return rules;
    } catch (const ParseFailure &failure) {
        return failure.error;
    }
}

std::string rulesToJson(const Rules &rules)
{
    json root = json::object();
    root["version"] = kRulesVersion;
    root["dayStart"] = formatTimeOfDay(rules.dayStart);
    root["firstWeekday"] = std::string {weekdayKey(rules.firstWeekday)};
    json days = json::object();
    for (unsigned w = 0; w < 7; ++w) {
        const DayRules &day = rules.days[w];
        json windows = json::array();
        for (const AllowedWindow &window : day.windows) {
            windows.push_back(formatTimeOfDay(window.start) + "-" + formatTimeOfDay(window.end));
        }
        days[std::string {weekdayKey(std::chrono::weekday {w})}]
            = {{"budgetMinutes", optionalMinutes(day.budget)}, {"windows", windows}};
    }
    root["days"] = days;
    root["weeklyBudgetMinutes"] = optionalMinutes(rules.weeklyBudget);
    json apps = json::array();
    for (const AppRule &rule : rules.apps) {
        const char *key = rule.kind == AppMatchKind::Executable ? "exe"
            : rule.kind == AppMatchKind::DesktopId              ? "desktopId"
                                                                : "category";
        json item = {{"match", {{key, rule.pattern}}}, {"action", actionName(rule.action)}};
        if (rule.dailyBudget) {
            item["dailyMinutes"] = rule.dailyBudget->count();
        }
        if (!rule.label.empty()) {
            item["label"] = rule.label;
        }
        apps.push_back(item);
    }
    root["apps"] = apps;
    json sites = json::array();
    for (const SiteRule &rule : rules.sites) {
        json item = {{"domain", rule.domain}, {"action", actionName(rule.action)}};
        if (rule.dailyBudget) {
            item["dailyMinutes"] = rule.dailyBudget->count();
        }
        sites.push_back(item);
    }
    root["sites"] = sites;
    json warnings = json::array();
    for (const minutes warning : rules.warnings) {
        warnings.push_back(warning.count());
    }
    root["warningMinutes"] = warnings;
    root["idleThresholdSeconds"] = rules.idleThreshold.count();
    root["lockout"] = {{"action", lockoutActionName(rules.lockout.action)},
        {"graceSeconds", rules.lockout.grace.count()}, {"lockConfirmSeconds", rules.lockout.lockConfirmDelay.count()},
        {"unlocksBeforeTerminate", rules.lockout.unlocksBeforeTerminate}, {"downtime", rules.lockout.downtime}};
    root["privacy"] = {{"recordTitles", rules.privacy.recordTitles}, {"recordFullUrls", rules.privacy.recordFullUrls},
        {"activityRetentionDays", rules.privacy.activityRetention.count()},
        {"dailyRetentionDays", rules.privacy.dailyRetention.count()}};
    root["browsers"] = {{"privateWindows", rules.browsers.privateWindows ? "allowed" : "off"},
        {"withoutExtension", rules.browsers.allowWithoutExtension ? "allowed" : "closed"}};
    root["helpLine"] = {{"name", rules.helpLine.name}, {"phone", rules.helpLine.phone}, {"url", rules.helpLine.url},
        {"sites", rules.helpLine.sites}, {"apps", rules.helpLine.apps}, {"note", rules.helpLine.note}};
    return root.dump(2);
}

std::string_view lockoutActionName(LockoutAction action)
{
    switch (action) {
    case LockoutAction::Lock:
        return "lock";
    case LockoutAction::Logout:
        return "logout";
    case LockoutAction::Suspend:
        return "suspend";
    }
    return "lock";
}

} // namespace sundial::core
