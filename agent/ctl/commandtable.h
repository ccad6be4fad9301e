// SPDX-License-Identifier: GPL-3.0-or-later
// CommandTable: sundialctl's commands, one row each: the words that name it, its arguments, one
// line of help and where it works. The --help text, COMMAND --help and the dispatch all read
// the rows, so a command cannot be listed without being run or run without being listed.
// installer/man/sundialctl.1.in lists the same commands (tests/integration/test_sundialctl.py
// checks it).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "agent/core/result.h"
#include "agent/ctl/sundialbackend.h"

namespace sundial::ctl
{

// Where a command works.
enum class Modes {
    Both, // through the service, or on --state DIR
    ServiceOnly, // only the service may do it
    StateDirectoryOnly, // only on --state DIR
    OwnStateDirectory, // on --state DIR, or on the caller's own state directory without it
};

// What a command runs with.
struct CommandContext {
    SundialBackend &backend;
    std::optional<std::int64_t> child; // --child, if given
    std::ostream &out;
    std::ostream &err;
};

struct Command {
    std::string name; // the words that name it: "status", "rules set"
    std::string synopsis; // its arguments: "[--json]"; may be empty
    std::string help; // one line; each "\n" starts a continuation line
    Modes modes = Modes::Both;
    // Runs the command with the arguments after its name; returns the exit code (exitcodes.h).
    std::function<int(CommandContext &, std::vector<std::string>)> run;
};

class CommandTable
{
public:
    explicit CommandTable(std::vector<Command> commands);

    const std::vector<Command> &commands() const { return m_commands; }

    // sundialctl --help: the synopsis, every command with its help and where it works, the
    // options and the exit codes.
    std::string help() const;
    // COMMAND --help: the commands whose first word is `word` ("rules": get, set, history);
    // empty when there is none.
    std::string helpFor(const std::string &word) const;

    // The command `arguments` start with, and how many of them name it. The error's message says
    // what is unknown or missing (a usage error).
    struct Match {
        const Command *command = nullptr;
        std::size_t words = 0;
    };
    core::Result<Match> find(const std::vector<std::string> &arguments) const;

private:
    std::vector<Command> m_commands;
};

// "sundialctl: MESSAGE" and the pointer to --help on `err`; returns kExitUsage.
int reportUsageError(std::ostream &err, const std::string &message);

} // namespace sundial::ctl
