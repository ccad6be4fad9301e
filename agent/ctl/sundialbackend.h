// SPDX-License-Identifier: GPL-3.0-or-later
// SundialBackend: what sundialctl's commands ask of Sundial, whether the running service answers
// (ServiceBackend, over D-Bus) or a state directory's database does (StateDirectoryBackend).
// Each command is written once against this interface (sundialctlcommands.cpp); the answers
// have the service's shapes (resources/dbus/org.sundial.Agent1.Admin.xml), so the output is the
// same in both modes.
//
// Errors: `field` is one of the service's error names (kErrorPermissionDenied, ...), `message`
// says what and what to do; exitCodeFor() turns the name into sundialctl's exit code.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agent/core/auditlog.h"
#include "agent/core/childstore.h"
#include "agent/core/requeststore.h"
#include "agent/core/result.h"
#include "agent/core/rulestore.h"
#include "agent/core/timetypes.h"
#include "agent/core/usagereport.h"

namespace sundial::ctl
{

inline constexpr const char *kErrorPermissionDenied = "org.sundial.Error.PermissionDenied";
inline constexpr const char *kErrorInvalidArgument = "org.sundial.Error.InvalidArgument";
inline constexpr const char *kErrorInvalidRule = "org.sundial.Error.InvalidRule";
inline constexpr const char *kErrorNotLimited = "org.sundial.Error.NotLimited";
inline constexpr const char *kErrorFailed = "org.sundial.Error.Failed";

// 4 for PermissionDenied, 3 for any other refusal by name (org.sundial.Error.*), 1 for the
// rest (Failed, the bus's own errors such as a service that is not running).
int exitCodeFor(const core::Error &error);

// The audit log as `sundialctl audit` shows it.
struct AuditTrail {
    bool intact = true;
    std::int64_t checkedEntries = 0; // how many entries the chain check covered
    std::optional<std::int64_t> brokenAt; // the first entry whose hash does not match
    std::vector<core::AuditEntry> entries; // oldest first
    std::optional<std::chrono::seconds> pendingClockJump; // a clock change not trusted yet
};

// A demo state: where it was made and for whom.
struct DemoState {
    std::string directory;
    std::string childName;
};

class SundialBackend
{
public:
    virtual ~SundialBackend() = default;

    // The limited accounts.
    virtual core::Result<std::vector<core::Child>> children() = 0;
    virtual core::Status addChild(std::int64_t uid) = 0;
    virtual core::Status removeChild(std::int64_t uid) = 0;

    // The status map of Child.GetStatus (`child` nullopt: the caller's own account, which is
    // {"limited": false} when Sundial does not limit it) or of Admin.GetChildStatus(child).
    virtual core::Result<nlohmann::json> status(std::optional<std::int64_t> child) = 0;
    // The child's current day, by which `report` counts its default period.
    virtual core::Result<core::LocalDate> today(std::int64_t child) = 0;

    // The rules as JSON (docs/RULES-JSON.md); a child without saved rules has the defaults.
    virtual core::Result<std::string> rules(std::int64_t child) = 0;
    // Validates and saves `rulesJson`; returns the new version's id.
    virtual core::Result<std::int64_t> setRules(std::int64_t child, const std::string &rulesJson) = 0;
    // Every saved version, oldest first.
    virtual core::Result<std::vector<core::RuleVersion>> rulesHistory(std::int64_t child) = 0;

    // Extra time, or free until a time, on the child's current day.
    virtual core::Status grantExtraTime(std::int64_t child, std::chrono::minutes extra) = 0;
    virtual core::Status grantFreeUntil(std::int64_t child, core::TimeOfDay until) = 0;

    // The caller asks for more time for its own account; returns the request's id.
    virtual core::Result<std::int64_t> requestMoreTime(std::chrono::minutes minutes, const std::string &reason) = 0;
    // Newest first, a page at a time: ids below `beforeId` (0: from the newest), at most `limit`,
    // which the service cuts to core::RequestStore::kMaxPage.
    virtual core::Result<std::vector<core::TimeRequest>> requests(bool pendingOnly, std::int64_t beforeId, int limit)
        = 0;
    // `granted` 0 denies.
    virtual core::Status answerRequest(std::int64_t id, std::chrono::minutes granted) = 0;

    // The usage report's JSON form (agent/core/usagereportjson.h) for the days `from`..`to`.
    virtual core::Result<std::string> usage(std::int64_t child, core::LocalDate from, core::LocalDate to) = 0;
    virtual core::Result<std::vector<core::TimelineEntry>> timeline(std::int64_t child, core::LocalDate day) = 0;

    virtual core::Result<AuditTrail> audit() = 0;
    virtual core::Status acceptClockChange() = 0;

    // The caller as the only child, starter rules and two weeks of sample use.
    virtual core::Result<DemoState> createDemo() = 0;
};

} // namespace sundial::ctl
