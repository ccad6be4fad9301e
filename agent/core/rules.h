// SPDX-License-Identifier: GPL-3.0-or-later
// Rules: everything a parent sets for one child. The meaning of each field is docs/RULES.md's.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/timetypes.h"

namespace sundial::core
{

// The version of the rules' JSON form this build writes and reads.
inline constexpr int kRulesVersion = 1;

// One allowed window [start, end) in local time. end <= start means the window ends on the
// next calendar date (22:00–01:00). The window belongs to the date it starts on.
struct AllowedWindow {
    TimeOfDay start;
    TimeOfDay end;

    bool spansMidnight() const { return end <= start; }
    bool operator==(const AllowedWindow &) const = default;
};

// What one weekday allows. No windows = the whole day is allowed; budget nullopt = unlimited.
struct DayRules {
    std::optional<std::chrono::minutes> budget;
    std::vector<AllowedWindow> windows;
    bool operator==(const DayRules &) const = default;
};

// What a rule does to the apps or sites it matches.
enum class RuleAction {
    Budget, // counts, and has its own daily budget
    Blocked, // may not be used at all
    AlwaysAllowed, // never counts, and stays usable in downtime (docs/RULES.md "Lockout")
};

// What identifies a running app, as the session helper reports it (exe from /proc, desktop id
// from the window class); the service checks the reporter and that the exe runs, and never takes
// a category from a report.
struct AppIdentity {
    std::string exe; // absolute executable path from /proc/PID/exe
    std::string desktopId; // desktop file id without ".desktop", or WM_CLASS
    std::string category; // freedesktop main category (Game, Education, ...), may be empty

    bool operator==(const AppIdentity &) const = default;
    auto operator<=>(const AppIdentity &) const = default;
};

enum class AppMatchKind {
    Executable, // exact path, or a glob (fnmatch, '*' does not cross '/') when it has * ? [
    DesktopId, // desktop id or WM_CLASS, case-insensitive
    Category, // freedesktop main category, case-insensitive
};

// An Executable rule's pattern is a glob (matched with fnmatch) when it has * ? or [.
bool isGlobPattern(std::string_view pattern);
// Whether `name` is one of the freedesktop menu specification's main categories (AudioVideo,
// Audio, Video, Development, Education, Game, Graphics, Network, Office, Science, Settings,
// System, Utility), ignoring ASCII case.
bool isMainCategory(std::string_view name);

struct AppRule {
    AppMatchKind kind = AppMatchKind::Executable;
    std::string pattern;
    RuleAction action = RuleAction::Budget;
    std::optional<std::chrono::minutes> dailyBudget; // required for Budget
    std::string label; // what the parent and child see; may be empty

    bool matches(const AppIdentity &app) const;
    bool operator==(const AppRule &) const = default;
};

// A rule for a domain covers the domain and all its subdomains.
struct SiteRule {
    std::string domain; // lower case, no scheme, no port, no trailing dot
    RuleAction action = RuleAction::Budget;
    std::optional<std::chrono::minutes> dailyBudget;

    bool covers(std::string_view host) const;
    bool operator==(const SiteRule &) const = default;
};

enum class LockoutAction { Lock, Logout, Suspend };

// The enforcement ladder's steps and timings (docs/RULES.md "Lockout", docs/ARCHITECTURE.md "Flows").
struct LockoutPolicy {
    LockoutAction action = LockoutAction::Lock;
    std::chrono::seconds grace {60}; // "save your work" countdown at zero
    std::chrono::seconds lockConfirmDelay {5}; // how long a locker has to act
    int unlocksBeforeTerminate = 3; // unlocks while out of time before the session ends
    // When time is up and some app is always allowed, close the other apps and keep the session
    // open for the always-allowed ones (downtime) instead of `action`. False: always `action`.
    bool downtime = true;
    bool operator==(const LockoutPolicy &) const = default;
};

struct PrivacySettings {
    bool recordTitles = false;
    bool recordFullUrls = false; // domain only otherwise
    std::chrono::days activityRetention {30};
    std::chrono::days dailyRetention {365};
    bool operator==(const PrivacySettings &) const = default;
};

// The browser rules (docs/RULES.md, "Browsers").
struct BrowserSettings {
    // Private (incognito) windows: allowed, and tracked by the extension, or turned off by the
    // browsers' machine-wide policies (the strictest limited child's choice applies to all).
    bool privateWindows = true;
    // A browser in focus that reports no sites (another browser, a portable copy, the extension
    // removed): allowed and counted as the app, or closed like a blocked app.
    bool allowWithoutExtension = true;
    bool operator==(const BrowserSettings &) const = default;
};

// The help line the child always sees; its apps and sites are always allowed.
struct HelpLine {
    std::string name;
    std::string phone;
    std::string url;
    std::vector<std::string> sites; // extra domains; the url's host is always included
    std::vector<std::string> apps; // desktop ids
    // What the line offers, in the child's language and words ("free, day and night"), shown under
    // the number; from the shipped table, or the parent's. Empty: nothing is promised.
    std::string note;
    // The url's host plus `sites`, lower case.
    std::vector<std::string> domains() const;
    bool operator==(const HelpLine &) const = default;
};

struct Rules {
    // Indexed by std::chrono::weekday::c_encoding(): 0 = Sunday.
    std::array<DayRules, 7> days;
    std::optional<std::chrono::minutes> weeklyBudget;
    TimeOfDay dayStart {0};
    std::chrono::weekday firstWeekday = std::chrono::Monday;
    std::vector<AppRule> apps;
    std::vector<SiteRule> sites;
    std::vector<std::chrono::minutes> warnings {
        std::chrono::minutes {15}, std::chrono::minutes {5}, std::chrono::minutes {1}};
    std::chrono::seconds idleThreshold {180};
    LockoutPolicy lockout;
    PrivacySettings privacy;
    BrowserSettings browsers;
    HelpLine helpLine;

    DayRules &day(std::chrono::weekday w) { return days[w.c_encoding()]; }
    const DayRules &day(std::chrono::weekday w) const { return days[w.c_encoding()]; }
    bool operator==(const Rules &) const = default;
};

// Whether time's up means downtime (the session stays open, only always-allowed apps may run)
// rather than the lockout action: the parent left downtime on and some app is always allowed
// (an app rule, or the help line's apps). An always-allowed site alone needs a browser, which is
// not itself allowed, so it does not make a downtime.
bool downtimeApplies(const Rules &rules);

// Checks every field against docs/RULES.md; the first problem found is returned with the field's
// path ("days.saturday.windows[1]") and the offending value. Windows that overlap or touch
// are accepted (they are merged when used).
Status validateRules(const Rules &rules);

// The lower-case host part of a URL or bare domain ("https://Docs.Example.com:443/x" ->
// "docs.example.com"); empty if there is none.
std::string hostOf(std::string_view urlOrDomain);

} // namespace sundial::core
