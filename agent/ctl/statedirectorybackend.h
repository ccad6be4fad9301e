// SPDX-License-Identifier: GPL-3.0-or-later
// StateDirectoryBackend: sundialctl's commands answered from a state directory's database,
// without the service (demo data, offline reports, a copy of a family's state). It answers in
// the service's shapes and refuses what the service would refuse, with the same error names;
// the caller is the one who acts (saved by, answered by), as the bus's credentials would say.
// Adding and removing children and accepting a clock change are the service's alone.
#pragma once

#include <memory>

#include "agent/core/database.h"
#include "agent/core/grant.h"
#include "agent/core/rules.h"
#include "agent/ctl/sundialbackend.h"
#include "agent/platform/systemclock.h"

namespace sundial::ctl
{

class StateDirectoryBackend final : public SundialBackend
{
public:
    // Opens (creating it, 0700, if needed) the database in `directory`. A damaged database is
    // recovered by Database::open; recoveryNotice() then says where the old file went.
    static core::Result<std::unique_ptr<StateDirectoryBackend>> open(const std::string &directory);

    // The caller's own state directory: $XDG_STATE_HOME/sundial, or ~/.local/state/sundial.
    static std::string defaultDirectory();

    // What Database::open did to a damaged file, in words; nullopt when the file was sound.
    std::optional<std::string> recoveryNotice() const;

    core::Result<std::vector<core::Child>> children() override;
    core::Status addChild(std::int64_t uid) override;
    core::Status removeChild(std::int64_t uid) override;
    core::Result<nlohmann::json> status(std::optional<std::int64_t> child) override;
    core::Result<core::LocalDate> today(std::int64_t child) override;
    core::Result<std::string> rules(std::int64_t child) override;
    core::Result<std::int64_t> setRules(std::int64_t child, const std::string &rulesJson) override;
    core::Result<std::vector<core::RuleVersion>> rulesHistory(std::int64_t child) override;
    core::Status grantExtraTime(std::int64_t child, std::chrono::minutes extra) override;
    core::Status grantFreeUntil(std::int64_t child, core::TimeOfDay until) override;
    core::Result<std::int64_t> requestMoreTime(std::chrono::minutes minutes, const std::string &reason) override;
    core::Result<std::vector<core::TimeRequest>> requests(bool pendingOnly, std::int64_t beforeId, int limit) override;
    core::Status answerRequest(std::int64_t id, std::chrono::minutes granted) override;
    core::Result<std::string> usage(std::int64_t child, core::LocalDate from, core::LocalDate to) override;
    core::Result<std::vector<core::TimelineEntry>> timeline(std::int64_t child, core::LocalDate day) override;
    core::Result<AuditTrail> audit() override;
    core::Status acceptClockChange() override;
    core::Result<DemoState> createDemo() override;

private:
    StateDirectoryBackend(std::unique_ptr<core::Database> db, std::string directory);

    // The child's current rules, or the defaults when none are saved.
    core::Result<core::Rules> currentRules(std::int64_t child) const;
    // Adds `grant` for the child's current day (by its rules' day start) and audits it.
    core::Status grantToday(std::int64_t child, const core::Grant &grant, const std::string &auditDetail);

    std::unique_ptr<core::Database> m_db;
    std::string m_directory;
    platform::SystemClock m_clock;
};

} // namespace sundial::ctl
