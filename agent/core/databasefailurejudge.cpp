// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/databasefailurejudge.h"

#include <algorithm>

#include <sqlite3.h>

namespace sundial::core
{

DatabaseFailureJudge::Action DatabaseFailureJudge::written(TimePoint at, std::string_view fileProblem)
{
    m_failuresInARow = 0;
    m_failingSince.reset();
    if (!fileProblem.empty()) {
        return replaceIfDue(at, "the database file was " + std::string {fileProblem});
    }
    if (m_holdingSince) {
        // The old file takes writes again (space was freed): what was held is written now.
        m_holdingSince.reset();
        m_heldBecause.clear();
        m_nextAttempt.reset();
        m_backoff = kFirstBackoff;
        return Action::ReportWritable;
    }
    return Action::None;
}

DatabaseFailureJudge::Action DatabaseFailureJudge::failed(
    TimePoint at, int code, std::string_view message, std::string_view fileProblem)
{
    if (!fileProblem.empty()) {
        return replaceIfDue(at, "the database file was " + std::string {fileProblem});
    }
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return Action::None;
    }
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        return replaceIfDue(at, "the database is damaged (" + std::string {message} + ")");
    }
    ++m_failuresInARow;
    if (!m_failingSince) {
        m_failingSince = at;
    }
    if (m_failuresInARow >= kFailuresBeforeReplace && at - *m_failingSince >= kFailingFor) {
        return replaceIfDue(at,
            "writing failed " + std::to_string(m_failuresInARow) + " times in a row over "
                + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(at - *m_failingSince).count())
                + " s (" + std::string {message} + ")");
    }
    return Action::None;
}

DatabaseFailureJudge::Action DatabaseFailureJudge::replaceIfDue(TimePoint at, std::string why)
{
    m_why = std::move(why);
    if (m_nextAttempt && at < *m_nextAttempt) {
        return Action::None;
    }
    return Action::Replace;
}

void DatabaseFailureJudge::replaced()
{
    m_failuresInARow = 0;
    m_failingSince.reset();
    m_holdingSince.reset();
    m_heldBecause.clear();
    m_nextAttempt.reset();
    m_backoff = kFirstBackoff;
}

void DatabaseFailureJudge::replaceFailed(TimePoint at)
{
    if (!m_holdingSince) {
        m_holdingSince = at;
        m_heldBecause = m_why;
    }
    m_nextAttempt = at + m_backoff;
    m_backoff = std::min(m_backoff * 2, kLongestBackoff);
}

} // namespace sundial::core
