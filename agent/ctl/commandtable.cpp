// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/commandtable.h"

#include <sstream>

#include "agent/ctl/exitcodes.h"

namespace sundial::ctl
{

namespace
{

constexpr const char *kSynopsis = "usage: sundialctl [--user | --state DIR] [--child UID] ";
constexpr std::size_t kHelpColumn = 35;

constexpr const char *kOptions = R"(
Options:
  --user        talk to the try-out service (sundiald --user) on the session bus
  --state DIR   work directly on a state directory instead of the service
                (demo default: $XDG_STATE_HOME/sundial, or ~/.local/state/sundial)
  --child UID   which child (default: your own status; for parent commands the only child)

Exit codes: 0 done, 1 failed, 2 usage error, 3 refused (the message names the field), 4 not allowed.
  -h, --help    this text; COMMAND --help for one command
)";

std::string firstWord(const std::string &name)
{
    return name.substr(0, name.find(' '));
}

std::vector<std::string> words(const std::string &name)
{
    std::vector<std::string> result;
    std::istringstream stream {name};
    for (std::string word; stream >> word;) {
        result.push_back(word);
    }
    return result;
}

const char *modesNote(Modes modes)
{
    switch (modes) {
    case Modes::Both:
        return "";
    case Modes::ServiceOnly:
        return " (service only)";
    case Modes::StateDirectoryOnly:
        return " (with --state only)";
    case Modes::OwnStateDirectory:
        return " (with --state, or in your own state directory)";
    }
    return "";
}

// The help's lines, each continuation indented to `indent`, the modes' note at the end.
std::string helpLines(const Command &command, std::size_t indent)
{
    std::string text = command.help + modesNote(command.modes);
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
        text.insert(at + 1, indent, ' ');
    }
    return text + "\n";
}

// "  NAME SYNOPSIS" and its help beside it (or below it, when the name and synopsis are long).
std::string row(const Command &command)
{
    std::string left = "  " + command.name + (command.synopsis.empty() ? "" : " " + command.synopsis);
    if (left.size() < kHelpColumn) {
        left.append(kHelpColumn - left.size(), ' ');
    } else {
        left += "\n" + std::string(kHelpColumn, ' ');
    }
    return left + helpLines(command, kHelpColumn);
}

} // namespace

CommandTable::CommandTable(std::vector<Command> commands)
    : m_commands(std::move(commands))
{
}

std::string CommandTable::help() const
{
    std::string text = std::string {kSynopsis} + "COMMAND [ARGS]\n\nCommands:\n";
    for (const Command &command : m_commands) {
        text += row(command);
    }
    return text + kOptions;
}

std::string CommandTable::helpFor(const std::string &word) const
{
    std::string text;
    for (const Command &command : m_commands) {
        if (firstWord(command.name) == word) {
            text += kSynopsis + command.name + (command.synopsis.empty() ? "" : " " + command.synopsis) + "\n  "
                + helpLines(command, 2);
        }
    }
    return text.empty() ? text : text + "Options, exit codes and every command: sundialctl --help\n";
}

core::Result<CommandTable::Match> CommandTable::find(const std::vector<std::string> &arguments) const
{
    if (arguments.empty()) {
        return core::Error {"", "no command given"};
    }
    const std::string &word = arguments.front();
    std::vector<std::string> verbs; // the second words of the commands named by two
    for (const Command &command : m_commands) {
        const std::vector<std::string> name = words(command.name);
        if (name.front() != word) {
            continue;
        }
        if (name.size() == 1) {
            return Match {&command, 1};
        }
        if (arguments.size() > 1 && arguments[1] == name[1]) {
            return Match {&command, 2};
        }
        verbs.push_back(name[1]);
    }
    if (verbs.empty()) {
        return core::Error {"", "unknown command '" + word + "'"};
    }
    std::string choices;
    for (std::size_t i = 0; i < verbs.size(); ++i) {
        choices += (i == 0 ? "" : i + 1 == verbs.size() ? " or " : ", ") + verbs[i];
    }
    if (arguments.size() == 1) {
        return core::Error {"", word + " needs " + choices};
    }
    return core::Error {"", word + " " + arguments[1] + ": unknown; use " + choices};
}

int reportUsageError(std::ostream &err, const std::string &message)
{
    err << "sundialctl: " << message << "\nTry 'sundialctl --help'.\n";
    return kExitUsage;
}

} // namespace sundial::ctl
