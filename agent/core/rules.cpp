// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/rules.h"

#include <algorithm>
#include <array>

#include <fnmatch.h>

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

using std::chrono::minutes;

constexpr minutes kDay {24 * 60};

// The freedesktop menu specification's main categories.
constexpr std::array<std::string_view, 13> kMainCategories {"audiovideo", "audio", "video", "development", "education",
    "game", "graphics", "network", "office", "science", "settings", "system", "utility"};

std::string quoted(std::string_view value)
{
    // Built in place: GCC 12 warns (-Wrestrict, a false positive) on "\"" + string + "\"".
    std::string text {'"'};
    text += truncateUtf8(value, 80);
    text += '"';
    return text;
}

std::string minutesText(minutes value)
{
    return std::to_string(value.count()) + " min";
}

Error fieldError(std::string field, std::string message)
{
    return Error {std::move(field), std::move(message)};
}

bool isValidDomain(std::string_view domain)
{
    if (domain.empty() || domain.size() > kMaxDomainBytes || domain.front() == '.' || domain.back() == '.') {
        return false;
    }
    std::size_t labelLength = 0;
    for (const char c : domain) {
        if (c == '.') {
            if (labelLength == 0) {
                return false;
            }
            labelLength = 0;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            if (++labelLength > 63) {
                return false;
            }
        } else {
            return false;
        }
    }
    return true;
}

std::optional<Error> checkBudget(const std::string &field, std::optional<minutes> budget, minutes most)
{
    if (budget && (budget->count() < 0 || *budget > most)) {
        return fieldError(field,
            minutesText(*budget) + " is not a budget: give 0 to " + minutesText(most)
                + ", or leave it out for no limit");
    }
    return std::nullopt;
}

std::optional<Error> checkAction(const std::string &field, RuleAction action, std::optional<minutes> budget)
{
    if (action == RuleAction::Budget && !budget) {
        return fieldError(field + ".dailyMinutes", "a rule with action \"budget\" needs a daily budget in minutes");
    }
    if (action != RuleAction::Budget && budget) {
        return fieldError(field + ".dailyMinutes",
            "only a rule with action \"budget\" has a daily budget; remove it or change the action");
    }
    return checkBudget(field + ".dailyMinutes", budget, kDay);
}

std::optional<Error> checkDays(const Rules &rules)
{
    for (unsigned w = 0; w < 7; ++w) {
        const std::string field = "days." + std::string {weekdayKey(std::chrono::weekday {w})};
        const DayRules &day = rules.days[w];
        if (auto error = checkBudget(field + ".budgetMinutes", day.budget, kDay)) {
            return error;
        }
        if (day.windows.size() > 48) {
            return fieldError(field + ".windows",
                std::to_string(day.windows.size()) + " windows are too many for one day (at most 48)");
        }
        for (std::size_t i = 0; i < day.windows.size(); ++i) {
            const AllowedWindow &window = day.windows[i];
            for (const TimeOfDay time : {window.start, window.end}) {
                if (time.count() < 0 || time >= kDay) {
                    return fieldError(field + ".windows[" + std::to_string(i) + "]",
                        std::to_string(time.count()) + " is not a time of day (00:00 to 23:59)");
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<Error> checkApps(const Rules &rules)
{
    for (std::size_t i = 0; i < rules.apps.size(); ++i) {
        const AppRule &rule = rules.apps[i];
        const std::string field = "apps[" + std::to_string(i) + "]";
        if (rule.pattern.empty()) {
            return fieldError(field + ".match", "is empty: name an executable path, a desktop id or a category");
        }
        if (!isValidUtf8(rule.pattern) || rule.pattern.size() > kMaxPathBytes) {
            return fieldError(field + ".match", "must be UTF-8 text of at most 4096 bytes");
        }
        if (!isValidUtf8(rule.label) || rule.label.size() > kMaxNameBytes) {
            return fieldError(field + ".label", "must be UTF-8 text of at most 512 bytes");
        }
        if (rule.kind == AppMatchKind::Executable && rule.pattern.front() != '/') {
            return fieldError(field + ".match.exe",
                quoted(rule.pattern)
                    + " is not an absolute path: give the full path of the "
                      "program, such as /usr/games/minetest or /opt/*/bin/*");
        }
        if (rule.kind == AppMatchKind::Category) {
            if (!isMainCategory(rule.pattern)) {
                return fieldError(field + ".match.category",
                    quoted(rule.pattern)
                        + " is not a known category: use one of AudioVideo, Audio, Video, "
                          "Development, Education, Game, Graphics, Network, Office, Science, "
                          "Settings, System, Utility");
            }
        }
        if (auto error = checkAction(field, rule.action, rule.dailyBudget)) {
            return error;
        }
        if (rule.action == RuleAction::Blocked && rule.kind == AppMatchKind::DesktopId) {
            for (const std::string &helpApp : rules.helpLine.apps) {
                if (asciiLower(helpApp) == asciiLower(rule.pattern)) {
                    return fieldError(
                        field, "blocks the help line's app " + quoted(helpApp) + "; the help line is never blocked");
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<Error> checkSites(const Rules &rules)
{
    const std::vector<std::string> helpDomains = rules.helpLine.domains();
    for (std::size_t i = 0; i < rules.sites.size(); ++i) {
        const SiteRule &rule = rules.sites[i];
        const std::string field = "sites[" + std::to_string(i) + "]";
        if (!isValidDomain(rule.domain)) {
            return fieldError(field + ".domain",
                quoted(rule.domain)
                    + " is not a domain: write it in lower case without "
                      "scheme, path or port, such as example.com");
        }
        if (auto error = checkAction(field, rule.action, rule.dailyBudget)) {
            return error;
        }
        if (rule.action == RuleAction::Blocked) {
            for (const std::string &helpDomain : helpDomains) {
                if (rule.covers(helpDomain)) {
                    return fieldError(field,
                        "blocks " + quoted(helpDomain) + ", the help line's site; the help line is never blocked");
                }
            }
        }
    }
    return std::nullopt;
}

std::optional<Error> checkSettings(const Rules &rules)
{
    if (auto error = checkBudget("weeklyBudgetMinutes", rules.weeklyBudget, 7 * kDay)) {
        return error;
    }
    if (rules.dayStart.count() < 0 || rules.dayStart >= kDay) {
        return fieldError("dayStart", std::to_string(rules.dayStart.count()) + " is not a time of day");
    }
    if (rules.warnings.size() > 10) {
        return fieldError("warningMinutes", "at most 10 warnings");
    }
    for (std::size_t i = 0; i < rules.warnings.size(); ++i) {
        const minutes warning = rules.warnings[i];
        if (warning.count() < 1 || warning.count() > 120) {
            return fieldError("warningMinutes[" + std::to_string(i) + "]",
                minutesText(warning) + " is not a warning time: give 1 to 120 min");
        }
        if (std::count(rules.warnings.begin(), rules.warnings.end(), warning) > 1) {
            return fieldError("warningMinutes[" + std::to_string(i) + "]", minutesText(warning) + " is listed twice");
        }
    }
    if (rules.idleThreshold < std::chrono::seconds {30} || rules.idleThreshold > std::chrono::hours {1}) {
        return fieldError("idleThresholdSeconds",
            std::to_string(rules.idleThreshold.count()) + " s is out of range: give 30 to 3600 s");
    }
    const LockoutPolicy &lockout = rules.lockout;
    if (lockout.grace.count() < 0 || lockout.grace > std::chrono::minutes {10}) {
        return fieldError(
            "lockout.graceSeconds", std::to_string(lockout.grace.count()) + " s is out of range: give 0 to 600 s");
    }
    if (lockout.lockConfirmDelay.count() < 1 || lockout.lockConfirmDelay.count() > 60) {
        return fieldError("lockout.lockConfirmSeconds",
            std::to_string(lockout.lockConfirmDelay.count()) + " s is out of range: give 1 to 60 s");
    }
    if (lockout.unlocksBeforeTerminate < 1 || lockout.unlocksBeforeTerminate > 100) {
        return fieldError("lockout.unlocksBeforeTerminate",
            std::to_string(lockout.unlocksBeforeTerminate) + " is out of range: give 1 to 100");
    }
    const PrivacySettings &privacy = rules.privacy;
    for (const auto &[field, value] : {std::pair {"privacy.activityRetentionDays", privacy.activityRetention},
             std::pair {"privacy.dailyRetentionDays", privacy.dailyRetention}}) {
        if (value.count() < 1 || value.count() > 3650) {
            return fieldError(field, std::to_string(value.count()) + " days is out of range: give 1 to 3650");
        }
    }
    if (privacy.dailyRetention < privacy.activityRetention) {
        return fieldError("privacy.dailyRetentionDays",
            "daily totals must be kept at least as long as detailed activity ("
                + std::to_string(privacy.activityRetention.count()) + " days)");
    }
    const HelpLine &help = rules.helpLine;
    if (!isValidUtf8(help.name) || help.name.size() > kMaxNameBytes) {
        return fieldError("helpLine.name", "must be UTF-8 text of at most 512 bytes");
    }
    if (!isValidUtf8(help.note) || help.note.size() > kMaxNameBytes) {
        return fieldError("helpLine.note", "must be UTF-8 text of at most 512 bytes");
    }
    if (help.phone.size() > 40 || help.phone.find_first_not_of("0123456789+-() ") != std::string::npos) {
        return fieldError(
            "helpLine.phone", quoted(help.phone) + " is not a phone number: use digits, spaces and + - ( )");
    }
    if (!help.url.empty()
        && (!(help.url.starts_with("https://") || help.url.starts_with("http://")) || hostOf(help.url).empty())) {
        return fieldError("helpLine.url", quoted(help.url) + " is not a web address: start it with https://");
    }
    for (std::size_t i = 0; i < help.sites.size(); ++i) {
        if (!isValidDomain(help.sites[i])) {
            return fieldError("helpLine.sites[" + std::to_string(i) + "]", quoted(help.sites[i]) + " is not a domain");
        }
    }
    return std::nullopt;
}

} // namespace

bool isGlobPattern(std::string_view pattern)
{
    return pattern.find_first_of("*?[") != std::string_view::npos;
}

bool isMainCategory(std::string_view name)
{
    return std::find(kMainCategories.begin(), kMainCategories.end(), asciiLower(name)) != kMainCategories.end();
}

bool AppRule::matches(const AppIdentity &app) const
{
    switch (kind) {
    case AppMatchKind::Executable:
        if (isGlobPattern(pattern)) {
            return !app.exe.empty() && fnmatch(pattern.c_str(), app.exe.c_str(), FNM_PATHNAME) == 0;
        }
        return app.exe == pattern;
    case AppMatchKind::DesktopId:
        return !app.desktopId.empty() && asciiLower(app.desktopId) == asciiLower(pattern);
    case AppMatchKind::Category:
        return !app.category.empty() && asciiLower(app.category) == asciiLower(pattern);
    }
    return false;
}

bool SiteRule::covers(std::string_view host) const
{
    if (host == domain) {
        return true;
    }
    return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}

std::vector<std::string> HelpLine::domains() const
{
    std::vector<std::string> all;
    if (const std::string host = hostOf(url); !host.empty()) {
        all.push_back(host);
    }
    for (const std::string &site : sites) {
        all.push_back(asciiLower(site));
    }
    return all;
}

std::string hostOf(std::string_view urlOrDomain)
{
    std::string_view rest = urlOrDomain;
    if (const auto scheme = rest.find("://"); scheme != std::string_view::npos) {
        rest.remove_prefix(scheme + 3);
    }
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        rest.remove_prefix(at + 1);
    }
    if (!rest.empty() && rest.front() == '[') {
        return {}; // IPv6 literal: no domain rules apply
    }
    rest = rest.substr(0, rest.find(':'));
    while (!rest.empty() && rest.back() == '.') {
        rest.remove_suffix(1);
    }
    return asciiLower(rest);
}

bool downtimeApplies(const Rules &rules)
{
    if (!rules.lockout.downtime) {
        return false;
    }
    return !rules.helpLine.apps.empty() || std::any_of(rules.apps.begin(), rules.apps.end(), [](const AppRule &rule) {
        return rule.action == RuleAction::AlwaysAllowed;
    });
}

Status validateRules(const Rules &rules)
{
    for (auto check : {checkDays, checkApps, checkSites, checkSettings}) {
        if (auto error = check(rules)) {
            return *error;
        }
    }
    return success();
}

} // namespace sundial::core
