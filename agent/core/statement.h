// SPDX-License-Identifier: GPL-3.0-or-later
// Statement: a prepared SQLite statement with RAII, typed binds and column reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sundial::core
{

class Statement
{
public:
    // Prepares `sql` on `db`; ok() is false (and error() says why) if it does not compile.
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;

    bool ok() const { return m_statement != nullptr; }
    std::string error() const;

    // Parameters are numbered from 1, as in SQLite.
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view {text}); }
    Statement &bind(int index, const std::string &text) { return bind(index, std::string_view {text}); }
    Statement &bindBlob(int index, std::string_view bytes);
    Statement &bindNull(int index);

    // Advances: true while a row is available. On an error it returns false and error() tells.
    bool step();
    // Runs a statement that returns no rows; false on error.
    bool run();
    // Resets for the next run, keeping nothing bound.
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

    // The result code of the last step (SQLITE_ROW, SQLITE_DONE, or an error).
    int lastCode() const { return m_lastCode; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    int m_lastCode = 0;
};

} // namespace sundial::core
