// SPDX-License-Identifier: GPL-3.0-or-later
// Result<T>: the core's expected-like return type for failures a caller must handle.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sundial::core
{

// An expected failure: `field` names what was wrong (a rule path such as
// "days.saturday.windows[1]", or a file), `message` says what and what to do.
struct Error {
    std::string field;
    std::string message;
    // The SQLite result code (extended) when SQLite refused; 0 otherwise. What decides whether a
    // database failure is worth retrying (DatabaseFailureJudge).
    int code = 0;

    // "field: message", or just the message when no field is named.
    std::string describe() const { return field.empty() ? message : field + ": " + message; }
};

// Holds either a value or an Error. Accessing the wrong alternative is a programming
// error (asserted through std::get in debug builds).
template <typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that yields nothing but may fail.
struct Done {
};
using Status = Result<Done>;
inline Status success()
{
    return Done {};
}

} // namespace sundial::core
