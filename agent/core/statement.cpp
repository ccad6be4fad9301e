// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/statement.h"

#include <sqlite3.h>

namespace sundial::core
{

Statement::Statement(sqlite3 *db, std::string_view sql)
    : m_db(db)
{
    m_lastCode = sqlite3_prepare_v3(
        db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (m_lastCode != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_statement(other.m_statement)
    , m_lastCode(other.m_lastCode)
{
    other.m_statement = nullptr;
}

std::string Statement::error() const
{
    return sqlite3_errmsg(m_db);
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement &Statement::bindBlob(int index, std::string_view bytes)
{
    sqlite3_bind_blob64(m_statement, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

bool Statement::step()
{
    m_lastCode = sqlite3_step(m_statement);
    return m_lastCode == SQLITE_ROW;
}

bool Statement::run()
{
    m_lastCode = sqlite3_step(m_statement);
    const bool done = m_lastCode == SQLITE_DONE || m_lastCode == SQLITE_ROW;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return done;
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string Statement::text(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return bytes ? std::string {bytes, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))}
                 : std::string {};
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace sundial::core
