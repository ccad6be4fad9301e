// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/desktopentries.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <functional>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/core/rules.h"
#include "agent/core/text.h"
#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

constexpr std::size_t kMaxEntryBytes = 64 * 1024; // a desktop entry is a few hundred bytes
constexpr std::size_t kMaxEntries = 5000;

// Programs that start another program: an entry running one of them cannot vouch for the
// executable that ends up owning the window.
constexpr std::array<std::string_view, 30> kLaunchers {"flatpak", "flatpak-spawn", "snap", "bwrap", "firejail",
    "gtk-launch", "gtk4-launch", "xdg-open", "gio", "exo-open", "kioclient", "kioclient5", "kstart", "kstart5", "sh",
    "bash", "dash", "zsh", "env", "sudo", "pkexec", "nice", "ionice", "taskset", "chrt", "systemd-run", "dbus-launch",
    "dbus-run-session", "wine", "wine64"};

bool isElf(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return false;
    }
    std::array<char, 4> magic {};
    const bool elf
        = ::read(fd, magic.data(), magic.size()) == 4 && magic == std::array<char, 4> {'\x7f', 'E', 'L', 'F'};
    ::close(fd);
    return elf;
}

// The Exec line's words, with the specification's double quotes and backslash escapes undone.
std::vector<std::string> execWords(std::string_view exec)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    bool quoted = false;
    for (std::size_t i = 0; i < exec.size(); ++i) {
        const char c = exec[i];
        if (quoted) {
            if (c == '\\' && i + 1 < exec.size()) {
                word += exec[++i];
            } else if (c == '"') {
                quoted = false;
            } else {
                word += c;
            }
        } else if (c == '"') {
            quoted = true;
            inWord = true;
        } else if (c == ' ' || c == '\t') {
            if (inWord) {
                words.push_back(std::move(word));
                word.clear();
                inWord = false;
            }
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord) {
        words.push_back(std::move(word));
    }
    return words;
}

// The Exec line's program: the first word that is neither `env` nor one of env's NAME=VALUE
// assignments or options.
std::string execProgram(std::string_view exec)
{
    const std::vector<std::string> words = execWords(exec);
    bool afterEnv = false;
    for (const std::string &word : words) {
        if (word == "env" || word == "/usr/bin/env" || word == "/bin/env") {
            afterEnv = true;
            continue;
        }
        if (afterEnv && (word.find('=') != std::string::npos || word.starts_with('-'))) {
            continue;
        }
        return word;
    }
    return {};
}

// Unescapes a desktop entry string value (\s \n \t \r \\).
std::string unescapeValue(std::string_view value)
{
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            out += next == 's' ? ' ' : next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
        } else {
            out += value[i];
        }
    }
    return out;
}

std::string firstMainCategory(std::string_view categories)
{
    for (const std::string_view category : splitAt(categories, ';')) {
        if (!category.empty() && core::isMainCategory(category)) {
            return std::string {category};
        }
    }
    return {};
}

// Exec's words as a command to run: the field codes (%f %F %u %U %i %c %k and the deprecated
// ones) left out, %% as %.
std::vector<std::string> commandWithoutFieldCodes(std::string_view exec)
{
    std::vector<std::string> command;
    for (std::string word : execWords(exec)) {
        if (word.size() == 2 && word[0] == '%' && word[1] != '%') {
            continue;
        }
        std::string out;
        for (std::size_t i = 0; i < word.size(); ++i) {
            if (word[i] == '%' && i + 1 < word.size()) {
                if (word[i + 1] == '%') {
                    out += '%';
                }
                ++i; // a field code inside a word is left out too
            } else {
                out += word[i];
            }
        }
        command.push_back(std::move(out));
    }
    return command;
}

long long modificationStamp(const std::string &path)
{
    struct stat info {
    };
    if (::stat(path.c_str(), &info) != 0) {
        return -1;
    }
    return static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
}

struct ParsedEntry {
    DesktopEntries::Entry entry;
    std::string exec;
    std::string tryExec;
    bool shown = true; // not Hidden=true (a deleted entry) and of Type=Application
};

// Calls `found(path, id)` for every regular "*.desktop" file below `dir`, with its desktop file
// id (the path below `dir`, '/' turned into '-', without ".desktop"). Goes at most four levels
// down and follows no symbolic links to directories.
void forEachEntryFile(const std::string &dir, const std::string &idPrefix, int depth,
    const std::function<void(const std::string &path, const std::string &id)> &found)
{
    DIR *listing = ::opendir(dir.c_str());
    if (!listing) {
        return;
    }
    std::vector<std::pair<std::string, bool>> children; // name, is a directory
    while (const dirent *entry = ::readdir(listing)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") {
            continue;
        }
        struct stat info {
        };
        if (::stat((dir + '/' + name).c_str(), &info) != 0) {
            continue;
        }
        if (S_ISDIR(info.st_mode) && entry->d_type != DT_LNK) {
            children.emplace_back(name, true);
        } else if (S_ISREG(info.st_mode) && name.size() > 8 && name.ends_with(".desktop")) {
            children.emplace_back(name, false);
        }
    }
    ::closedir(listing);
    std::sort(children.begin(), children.end()); // the same ids win whatever the listing order
    for (const auto &[name, isDirectory] : children) {
        if (isDirectory && depth < 4) {
            forEachEntryFile(dir + '/' + name, idPrefix + name + '-', depth + 1, found);
        } else if (!isDirectory) {
            found(dir + '/' + name, idPrefix + name.substr(0, name.size() - 8));
        }
    }
}

ParsedEntry parseEntry(const std::string &file)
{
    ParsedEntry parsed;
    const std::optional<std::string> text = readFilePrefix(file, kMaxEntryBytes + 1);
    if (!text || text->size() > kMaxEntryBytes) {
        parsed.shown = false;
        return parsed;
    }
    bool inMainGroup = false;
    bool isApplication = false;
    for (std::string_view line : splitAt(*text, '\n')) {
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (line.front() == '[') {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        if (!inMainGroup) {
            continue;
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos) {
            continue;
        }
        std::string key {line.substr(0, equals)};
        while (!key.empty() && key.back() == ' ') {
            key.pop_back();
        }
        std::string_view value = line.substr(equals + 1);
        while (!value.empty() && value.front() == ' ') {
            value.remove_prefix(1);
        }
        if (key == "Type") {
            isApplication = value == "Application";
        } else if (key == "Name") {
            parsed.entry.name = unescapeValue(value);
        } else if (key.starts_with("Name[") && key.ends_with(']') && key.size() > 6 && key.size() < 24) {
            parsed.entry.localizedNames[key.substr(5, key.size() - 6)] = unescapeValue(value);
        } else if (key == "Icon") {
            parsed.entry.icon = unescapeValue(value);
        } else if (key == "Categories") {
            parsed.entry.mainCategory = firstMainCategory(value);
            const std::vector<std::string_view> categories = splitAt(value, ';');
            parsed.entry.webBrowser
                = std::find(categories.begin(), categories.end(), std::string_view {"WebBrowser"}) != categories.end();
        } else if (key == "StartupWMClass") {
            parsed.entry.startupWmClass = unescapeValue(value);
        } else if (key == "Exec") {
            parsed.exec = unescapeValue(value);
        } else if (key == "TryExec") {
            parsed.tryExec = unescapeValue(value);
        } else if (key == "Hidden" && value == "true") {
            parsed.shown = false;
        }
    }
    parsed.shown = parsed.shown && isApplication;
    return parsed;
}

} // namespace

DesktopEntries::DesktopEntries(std::vector<std::string> applicationDirs, std::vector<std::string> programSearchPath,
    std::chrono::steady_clock::duration recheckEvery)
    : m_dirs(std::move(applicationDirs))
    , m_searchPath(std::move(programSearchPath))
    , m_recheckEvery(recheckEvery)
{
}

bool DesktopEntries::Entry::vouchesFor(const std::string &exe) const
{
    return programs.empty() || std::find(programs.begin(), programs.end(), exe) != programs.end();
}

std::vector<std::string> DesktopEntries::systemApplicationDirs(const char *xdgDataDirs)
{
    const std::string_view dirs = xdgDataDirs && *xdgDataDirs ? xdgDataDirs : "/usr/local/share:/usr/share";
    std::vector<std::string> result;
    for (std::string_view dir : splitAt(dirs, ':')) {
        // Relative entries are invalid in XDG_DATA_DIRS and ignored.
        if (dir.empty() || dir.front() != '/') {
            continue;
        }
        while (dir.size() > 1 && dir.back() == '/') {
            dir.remove_suffix(1);
        }
        result.push_back(std::string {dir} + "/applications");
    }
    for (const char *exported :
        {"/var/lib/flatpak/exports/share/applications", "/var/lib/snapd/desktop/applications"}) {
        if (std::find(result.begin(), result.end(), exported) == result.end()) {
            result.emplace_back(exported);
        }
    }
    return result;
}

std::vector<std::string> DesktopEntries::defaultProgramSearchPath()
{
    return {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/games",
        "/usr/local/games"};
}

const DesktopEntries::Entry *DesktopEntries::byLabel(std::string_view label, std::chrono::steady_clock::time_point now)
{
    refreshIfChanged(now);
    if (label.empty()) {
        return nullptr;
    }
    const std::string key = core::asciiLower(label);
    for (const auto *index : {&m_byLowerId, &m_byLowerWmClass, &m_byLowerLastPart}) {
        if (const auto found = index->find(key); found != index->end()) {
            return &m_entries[found->second];
        }
    }
    return nullptr;
}

const DesktopEntries::Entry *DesktopEntries::byProgram(
    const std::string &exe, std::chrono::steady_clock::time_point now)
{
    refreshIfChanged(now);
    const auto found = m_byProgram.find(exe);
    return found == m_byProgram.end() ? nullptr : &m_entries[found->second];
}

std::vector<const DesktopEntries::Entry *> DesktopEntries::allByProgram(
    const std::string &exe, std::chrono::steady_clock::time_point now)
{
    refreshIfChanged(now);
    std::vector<const Entry *> entries;
    const auto [first, last] = m_allByProgram.equal_range(exe);
    for (auto item = first; item != last; ++item) {
        entries.push_back(&m_entries[item->second]);
    }
    return entries;
}

std::vector<const DesktopEntries::Entry *> DesktopEntries::inCategory(
    std::string_view category, std::chrono::steady_clock::time_point now)
{
    refreshIfChanged(now);
    std::vector<const Entry *> entries;
    const std::string wanted = core::asciiLower(category);
    for (const Entry &entry : m_entries) {
        if (!entry.mainCategory.empty() && core::asciiLower(entry.mainCategory) == wanted) {
            entries.push_back(&entry);
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry *a, const Entry *b) { return a->id < b->id; });
    return entries;
}

bool DesktopEntries::contradicts(
    std::string_view label, const std::string &exe, std::chrono::steady_clock::time_point now)
{
    const Entry *entry = byLabel(label, now);
    return entry && !entry->vouchesFor(exe);
}

std::vector<long long> DesktopEntries::directoryStamps() const
{
    std::vector<long long> stamps;
    stamps.reserve(m_dirs.size());
    for (const std::string &dir : m_dirs) {
        stamps.push_back(modificationStamp(dir));
    }
    return stamps;
}

void DesktopEntries::refreshIfChanged(std::chrono::steady_clock::time_point now)
{
    if (m_loaded && now < m_nextCheck) {
        return;
    }
    m_nextCheck = now + m_recheckEvery;
    std::vector<long long> stamps = directoryStamps();
    if (m_loaded && stamps == m_stamps) {
        return;
    }
    m_stamps = std::move(stamps);
    m_loaded = true;
    load();
}

void DesktopEntries::load()
{
    m_entries.clear();
    m_byLowerId.clear();
    m_byLowerWmClass.clear();
    m_byLowerLastPart.clear();
    m_byProgram.clear();
    m_allByProgram.clear();

    const auto vouchedFor = [this](const std::string &command) -> std::string {
        if (command.empty()) {
            return {};
        }
        std::string path;
        if (command.find('/') != std::string::npos) {
            path = command;
        } else {
            for (const std::string &dir : m_searchPath) {
                if (::access((dir + '/' + command).c_str(), X_OK) == 0) {
                    path = dir + '/' + command;
                    break;
                }
            }
        }
        char resolved[PATH_MAX];
        if (path.empty() || !::realpath(path.c_str(), resolved)) {
            return {};
        }
        const std::string real = resolved;
        const std::string name = real.substr(real.rfind('/') + 1);
        const bool launcher = std::find(kLaunchers.begin(), kLaunchers.end(), name) != kLaunchers.end()
            || name.starts_with("python") || name.starts_with("perl");
        return launcher || !isElf(real) ? std::string {} : real;
    };

    for (const std::string &dir : m_dirs) {
        forEachEntryFile(dir, {}, 0, [&](const std::string &file, const std::string &id) {
            const std::string lowerId = core::asciiLower(id);
            if (m_entries.size() >= kMaxEntries || m_byLowerId.contains(lowerId)) {
                return; // hidden by an earlier directory
            }
            ParsedEntry parsed = parseEntry(file);
            // A hidden entry still hides the same id in later directories.
            m_byLowerId.emplace(lowerId, m_entries.size());
            parsed.entry.id = id;
            parsed.entry.command = commandWithoutFieldCodes(parsed.exec);
            for (const std::string &command : {execProgram(parsed.exec), parsed.tryExec}) {
                if (std::string program = vouchedFor(command); !program.empty()
                    && std::find(parsed.entry.programs.begin(), parsed.entry.programs.end(), program)
                        == parsed.entry.programs.end()) {
                    parsed.entry.programs.push_back(std::move(program));
                }
            }
            if (!parsed.shown) {
                parsed.entry.programs.clear();
                parsed.entry.mainCategory.clear();
                parsed.entry.command.clear();
            }
            m_entries.push_back(std::move(parsed.entry));
        });
    }
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        if (!entry.startupWmClass.empty()) {
            m_byLowerWmClass.emplace(core::asciiLower(entry.startupWmClass), i);
        }
        const std::size_t dot = entry.id.rfind('.');
        if (dot != std::string::npos && dot + 1 < entry.id.size()) {
            m_byLowerLastPart.emplace(core::asciiLower(entry.id.substr(dot + 1)), i);
        }
        for (const std::string &program : entry.programs) {
            m_byProgram.emplace(program, i);
            m_allByProgram.emplace(program, i);
        }
    }
    // A program several entries run (one binary behind several apps) names none of them.
    std::map<std::string, int> vouchers;
    for (const Entry &entry : m_entries) {
        for (const std::string &program : entry.programs) {
            ++vouchers[program];
        }
    }
    std::erase_if(m_byProgram, [&](const auto &item) { return vouchers[item.first] > 1; });
}

} // namespace sundial::platform
