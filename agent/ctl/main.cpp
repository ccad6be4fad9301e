// SPDX-License-Identifier: GPL-3.0-or-later
// sundialctl: Sundial from the command line. By default it talks to the running service
// (sundiald on the system bus; --user: the try-out service on the session bus). With
// --state DIR it works directly on a state directory instead (demo data, offline reports).
// This file reads the options and picks the backend; the commands are in sundialctlcommands.cpp,
// their list in its CommandTable.
//
// Exit codes (exitcodes.h): 0 done, 1 failed (service not running, database, I/O), 2 usage
// error, 3 refused (invalid rules or input; the message names the field), 4 not allowed.
#include <algorithm>
#include <iostream>
#include <memory>

#include <QCoreApplication>

#include "agent/ctl/exitcodes.h"
#include "agent/ctl/servicebackend.h"
#include "agent/ctl/statedirectorybackend.h"
#include "agent/ctl/sundialctlcommands.h"

namespace
{

using namespace sundial::ctl;

struct Options {
    std::optional<std::string> state;
    bool userBus = false;
    std::optional<std::int64_t> child;
    std::vector<std::string> arguments; // the command and its arguments
};

int usageError(const std::string &message)
{
    return reportUsageError(std::cerr, message);
}

int run(const Options &options)
{
    const CommandTable &table = sundialctlCommands();
    if (options.arguments.empty()) {
        std::cout << table.help();
        return kExitUsage;
    }
    const std::vector<std::string> &arguments = options.arguments;
    if (std::find(arguments.begin(), arguments.end(), "--help") != arguments.end()) {
        const std::string help = table.helpFor(arguments.front());
        if (help.empty()) {
            return usageError("unknown command '" + arguments.front() + "'");
        }
        std::cout << help;
        return kExitDone;
    }
    const auto match = table.find(arguments);
    if (!match) {
        return usageError(match.error().message);
    }
    const Command &command = *match->command;
    if (command.modes == Modes::ServiceOnly && options.state) {
        return usageError(command.name + " works only through the service (leave out --state)");
    }
    if (command.modes == Modes::StateDirectoryOnly && !options.state) {
        return usageError(command.name + " works only on a state directory (--state DIR)");
    }

    std::unique_ptr<SundialBackend> backend;
    if (options.state || command.modes == Modes::OwnStateDirectory) {
        auto opened = StateDirectoryBackend::open(options.state.value_or(StateDirectoryBackend::defaultDirectory()));
        if (!opened) {
            std::cerr << "sundialctl: " << opened.error().message << "\n";
            return kExitFailed;
        }
        if (const auto notice = (*opened)->recoveryNotice()) {
            std::cerr << "sundialctl: " << *notice << "\n";
        }
        backend = std::move(opened).value();
    } else {
        backend = std::make_unique<ServiceBackend>(options.userBus);
    }
    CommandContext context {*backend, options.child, std::cout, std::cerr};
    return command.run(context, std::vector<std::string>(arguments.begin() + match->words, arguments.end()));
}

} // namespace

int main(int argc, char **argv)
{
    try {
        QCoreApplication app {argc, argv}; // QtDBus wants one, even for blocking calls
        Options options;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if ((arg == "-h" || arg == "--help") && options.arguments.empty()) {
                std::cout << sundialctlCommands().help();
                return kExitDone;
            }
            if (arg == "--state" && options.arguments.empty()) {
                if (++i >= argc) {
                    return usageError("--state needs a directory");
                }
                options.state = argv[i];
            } else if (arg == "--user" && options.arguments.empty()) {
                options.userBus = true;
            } else if (arg == "--child" && options.arguments.empty()) {
                if (++i >= argc) {
                    return usageError("--child needs a user id");
                }
                char *end = nullptr;
                const long long uid = std::strtoll(argv[i], &end, 10);
                if (*end != '\0' || uid < 0) {
                    return usageError(std::string {"--child: \""} + argv[i] + "\" is not a user id");
                }
                options.child = uid;
            } else {
                options.arguments.push_back(arg);
            }
        }
        return run(options);
    } catch (const std::exception &error) {
        std::cerr << "sundialctl: unexpected error: " << error.what() << "\n";
        return kExitFailed;
    }
}
