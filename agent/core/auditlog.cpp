// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/auditlog.h"

#include <sqlite3.h>

#include "agent/core/sha256.h"
#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

constexpr const char *kHeadKey = "audit_head";

std::string chainInput(const std::string &previousHash, const AuditEntry &entry)
{
    // Length-prefixed fields, so no two different rows hash the same input.
    std::string input = previousHash;
    for (const std::string &field : {std::to_string(entry.id), std::to_string(entry.at.time_since_epoch().count()),
             entry.kind, std::to_string(entry.child), std::to_string(entry.actor), entry.detail}) {
        input += std::to_string(field.size()) + ":" + field + ";";
    }
    return input;
}

std::string hashOf(const std::string &previousHash, const AuditEntry &entry)
{
    return toHex(sha256(chainInput(previousHash, entry)));
}

} // namespace

AuditLog::AuditLog(Database &db)
    : m_db(db)
{
}

Result<std::int64_t> AuditLog::append(const AuditEntry &given)
{
    AuditEntry entry = given;
    entry.kind = cleanText(entry.kind, 64);
    entry.detail = cleanText(entry.detail, 4 * kMaxTitleBytes);

    // The row and the recorded head commit together: a crash between two separate commits
    // left a head one row behind, and verify() reported the intact log as tampered with.
    // Inside a caller's transaction, that transaction already makes them atomic.
    std::optional<Database::Transaction> transaction;
    if (sqlite3_get_autocommit(m_db.handle())) {
        transaction.emplace(m_db);
        if (!transaction->began()) {
            return Error {"audit", "could not append: cannot start writing"};
        }
    }
    Statement last = m_db.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    std::string previous;
    entry.id = 1;
    if (last.step()) {
        entry.id = last.integer(0) + 1;
        previous = last.text(1);
    }
    last.reset();
    const std::string hash = hashOf(previous, entry);
    Statement insert = m_db.prepare(
        "INSERT INTO audit(id, at, kind, child, actor, detail, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, entry.id)
        .bind(2, entry.at.time_since_epoch().count())
        .bind(3, entry.kind)
        .bind(4, entry.child)
        .bind(5, entry.actor)
        .bind(6, entry.detail)
        .bind(7, hash);
    if (!insert.run() || !m_db.setMeta(kHeadKey, std::to_string(entry.id) + ":" + hash)) {
        return Error {"audit", "could not append: " + insert.error()};
    }
    if (transaction) {
        if (Status committed = transaction->commit(); !committed) {
            return Error {"audit", "could not append: " + committed.error().message};
        }
    }
    return entry.id;
}

std::vector<AuditEntry> AuditLog::list(std::int64_t child, std::int64_t afterId, int limit) const
{
    Statement statement = m_db.prepare("SELECT id, at, kind, child, actor, detail FROM audit "
                                       "WHERE id > ?1 AND (?2 < 0 OR child = ?2) ORDER BY id LIMIT ?3");
    statement.bind(1, afterId).bind(2, child).bind(3, limit);
    std::vector<AuditEntry> entries;
    while (statement.step()) {
        entries.push_back({statement.integer(0), Instant {std::chrono::seconds {statement.integer(1)}},
            statement.text(2), statement.integer(3), statement.integer(4), statement.text(5)});
    }
    return entries;
}

ChainState AuditLog::verify()
{
    return verifyFrom(Mark {});
}

ChainState AuditLog::verifyNew()
{
    return verifyFrom(m_verified.value_or(Mark {}));
}

ChainState AuditLog::verifyAt(std::chrono::steady_clock::time_point now)
{
    if (!m_lastFull || now - *m_lastFull >= kFullVerifyEvery) {
        m_lastFull = now;
        return verify();
    }
    return verifyNew();
}

ChainState AuditLog::verifyFrom(const Mark &from)
{
    ChainState state;
    state.full = from.id == 0;
    if (!state.full) {
        // The mark still holds the hash it had when it was verified: rows up to it are trusted.
        Statement mark = m_db.prepare("SELECT hash FROM audit WHERE id = ?1");
        mark.bind(1, from.id);
        if (!mark.step() || mark.text(0) != from.hash) {
            // Tampered with: a full verification finds the first row that no longer fits.
            m_verified.reset();
            return verifyFrom(Mark {});
        }
    }
    // While the chain is intact, ids run 1, 2, 3, ... so the rows up to the mark are its id.
    state.rows = from.id;
    Statement statement
        = m_db.prepare("SELECT id, at, kind, child, actor, detail, hash FROM audit WHERE id > ?1 ORDER BY id");
    statement.bind(1, from.id);
    std::string previous = from.hash;
    std::int64_t expectedId = from.id + 1;
    while (statement.step()) {
        const AuditEntry entry {statement.integer(0), Instant {std::chrono::seconds {statement.integer(1)}},
            statement.text(2), statement.integer(3), statement.integer(4), statement.text(5)};
        const std::string stored = statement.text(6);
        ++state.rows;
        if (state.intact) {
            ++state.hashed;
            if (entry.id != expectedId || hashOf(previous, entry) != stored) {
                state.intact = false;
                state.brokenAt = entry.id;
            }
        }
        previous = stored;
        expectedId = entry.id + 1;
    }
    // Rows cut from the end leave the recorded head pointing past the last row.
    const std::optional<std::string> head = m_db.metaValue(kHeadKey);
    const std::string expectedHead = state.rows ? std::to_string(expectedId - 1) + ":" + previous : std::string {};
    if (head ? *head != expectedHead : state.rows > 0) {
        if (state.intact) {
            state.intact = false;
            state.brokenAt = expectedId;
        }
    }
    if (state.intact) {
        m_verified = Mark {expectedId - 1, previous};
    } else {
        m_verified.reset();
    }
    return state;
}

} // namespace sundial::core
