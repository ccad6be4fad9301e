// SPDX-License-Identifier: GPL-3.0-or-later
// RequestStore: a child's requests for more time and the parents' answers.
#pragma once

#include <optional>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/timetypes.h"

namespace sundial::core
{

struct TimeRequest {
    enum class State { Pending = 0, Approved = 1, Denied = 2 };
    std::int64_t id = 0;
    std::int64_t child = 0;
    Instant askedAt {};
    std::chrono::minutes minutes {0};
    std::string reason;
    State state = State::Pending;
    std::optional<Instant> answeredAt;
    std::optional<std::int64_t> answeredBy;
    std::chrono::minutes granted {0};
};

class RequestStore
{
public:
    // Unanswered requests a child may have at once.
    static constexpr std::int64_t kMaxPending = 10;

    explicit RequestStore(Database &db);

    // A child asks for `minutes` (1..480) with a short reason (cut to 512 bytes).
    Result<std::int64_t> ask(std::int64_t child, std::chrono::minutes minutes, const std::string &reason, Instant at);
    // Approves with `granted` minutes (0 = deny). A request is answered once; a second answer
    // is refused, saying who answered first.
    Status answer(std::int64_t id, std::chrono::minutes granted, std::int64_t answeredBy, Instant at);
    std::optional<TimeRequest> find(std::int64_t id) const;
    // Requests one list returns at most: a page. Every request ever made stays in the table, so
    // a list of all of them would grow without bound.
    static constexpr int kMaxPage = 200;

    // Newest first; `pendingOnly` keeps only unanswered ones. child < 0 means every child. Only
    // requests with an id below `beforeId` (0: from the newest), at most `limit` of them, cut to
    // kMaxPage. The next page is the one before the last id returned.
    std::vector<TimeRequest> list(
        std::int64_t child, bool pendingOnly, std::int64_t beforeId = 0, int limit = kMaxPage) const;

private:
    Database &m_db;
};

} // namespace sundial::core
