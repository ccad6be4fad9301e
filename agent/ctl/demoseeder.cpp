// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/demoseeder.h"

#include <algorithm>
#include <array>
#include <random>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/core/childstore.h"
#include "agent/core/rulestore.h"

namespace sundial::ctl
{

namespace
{

using namespace std::chrono;

struct DemoApp {
    core::AppIdentity app;
    const char *domain;
    int weight;
};

const std::array<DemoApp, 8> kApps {{
    {{"/usr/lib/firefox-esr/firefox-esr", "firefox-esr", "Network"}, "vi.wikipedia.org", 6},
    {{"/usr/lib/firefox-esr/firefox-esr", "firefox-esr", "Network"}, "www.youtube.com", 8},
    {{"/usr/lib/firefox-esr/firefox-esr", "firefox-esr", "Network"}, "scratch.mit.edu", 4},
    {{"/usr/games/minetest", "net.minetest.minetest", "Game"}, "", 7},
    {{"/usr/lib/libreoffice/program/soffice.bin", "libreoffice-writer", "Office"}, "", 5},
    {{"/usr/games/gcompris-qt", "org.kde.gcompris", "Education"}, "", 3},
    {{"/usr/bin/vlc", "vlc", "AudioVideo"}, "", 2},
    {{"/usr/bin/gnome-calculator", "org.gnome.Calculator", "Utility"}, "", 1},
}};

} // namespace

core::Rules starterRules(const std::string &language)
{
    core::Rules rules;
    for (const weekday day : {Monday, Tuesday, Wednesday, Thursday, Friday}) {
        rules.day(day).budget = hours {2};
        rules.day(day).windows = {{hours {7}, hours {21}}};
    }
    for (const weekday day : {Saturday, Sunday}) {
        rules.day(day).budget = hours {3};
        rules.day(day).windows = {{hours {7}, hours {21}}};
    }
    core::AppRule games;
    games.kind = core::AppMatchKind::Category;
    games.pattern = "Game";
    games.dailyBudget = hours {1};
    games.label = "Games";
    rules.apps.push_back(games);
    core::AppRule education;
    education.kind = core::AppMatchKind::Category;
    education.pattern = "Education";
    education.action = core::RuleAction::AlwaysAllowed;
    education.label = "Learning apps";
    rules.apps.push_back(education);
    if (language.rfind("vi", 0) == 0) {
        rules.helpLine = {"Tổng đài điện thoại quốc gia bảo vệ trẻ em", "111", "https://tongdai111.vn", {}, {},
            "Miễn phí, cả ngày lẫn đêm"};
    } else {
        rules.helpLine = {"Child Helpline International (find your country's line)", "",
            "https://childhelplineinternational.org/about/members/", {}, {}, ""}; // as helplines.json's fallback
    }
    return rules;
}

core::Status seedDemo(
    core::Database &db, std::int64_t uid, const std::string &name, const core::TimeZone &zone, core::Instant now)
{
    core::ChildStore children {db};
    if (core::Status added = children.add(uid, name, now); !added) {
        return added;
    }
    const char *language = std::getenv("LANG");
    const core::Rules rules = starterRules(language ? language : "");
    core::RuleStore ruleStore {db};
    if (auto saved = ruleStore.save(uid, rules, uid, now); !saved) {
        return saved.error();
    }
    core::AuditLog audit {db};
    audit.append({0, now, "rules-changed", uid, uid, "starter rules for the demo"});

    core::ActivityStore store {db};
    core::ActivityRecorder recorder {store, uid, zone, rules, seconds {10}};
    std::mt19937 random {static_cast<unsigned>(now.time_since_epoch().count() / 86400)};
    std::discrete_distribution<std::size_t> pick {[] {
        std::vector<int> weights;
        for (const DemoApp &app : kApps) {
            weights.push_back(app.weight);
        }
        return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    }()};
    std::exponential_distribution<double> stint {1.0 / 240.0}; // a switch every 4 minutes on average

    const core::LocalDate today = zone.toLocal(now).date;
    for (int back = 14; back >= 0; --back) {
        const core::LocalDate date = today - days {back};
        const bool weekend = weekday {date} == Saturday || weekday {date} == Sunday;
        // Two sessions a day: after school (or late morning at weekends) and the evening.
        const std::array<std::pair<int, int>, 2> sessions {
            {{weekend ? 10 * 60 : 15 * 60 + 30, 50 + static_cast<int>(random() % 40)},
                {19 * 60, 20 + static_cast<int>(random() % 50)}}};
        for (const auto &[start, length] : sessions) {
            core::Instant at = zone.fromLocal(date, minutes {start});
            const core::Instant end = at + minutes {length};
            while (at < end && at < now) {
                const DemoApp &app = kApps[pick(random)];
                const core::Instant switchAt
                    = std::min({end, now, at + seconds {30 + static_cast<long>(stint(random))}});
                for (; at <= switchAt; at += seconds {5}) {
                    core::Heartbeat heartbeat;
                    heartbeat.at = at;
                    heartbeat.app = app.app;
                    heartbeat.domain = app.domain;
                    recorder.record(heartbeat);
                }
                at = switchAt + seconds {1};
            }
            recorder.endActivity();
        }
        if (core::Status flushed = recorder.flush(); !flushed) {
            return flushed;
        }
    }
    return core::success();
}

} // namespace sundial::ctl
