// SPDX-License-Identifier: GPL-3.0-or-later
// DesktopEntries: the applications installed on the system (freedesktop desktop entries), read
// by the service to learn what an app is from files the child cannot write: the system data
// directories only (XDG_DATA_DIRS, or /usr/local/share:/usr/share, plus Flatpak's and snapd's
// system exports), never ~/.local/share/applications, which is the child's to write.
//
// It answers two questions about a report from the session helper:
//   - Which freedesktop main category is this app in? A category rule needs it, and a report's
//     own category is never believed.
//   - Does the executable that owns the window contradict the desktop id (WM_CLASS) the window
//     gives itself? A game may call itself "org.kde.gcompris"; when gcompris's entry runs an
//     executable that is not the game, the id is only the game's label and no rule about
//     gcompris applies to it.
// An entry vouches for an executable only when its Exec (or TryExec) program is an ELF file that
// is not a launcher (flatpak, a shell, xdg-open, ...): an entry that runs a script or a launcher
// cannot say which executable ends up owning its windows, so it never contradicts a report.
//
// The directories are read again when one of their modification times changes, looked at no
// more often than `recheckEvery`; a directory that cannot be read holds no entries.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sundial::platform
{

class DesktopEntries
{
public:
    struct Entry {
        std::string id; // the desktop file id without ".desktop" ("org.kde.gcompris")
        std::string name; // Name=, unlocalised
        std::string icon; // Icon=
        std::string mainCategory; // the first main category in Categories= ("Game"), or empty
        std::string startupWmClass; // StartupWMClass=
        std::map<std::string, std::string> localizedNames; // Name[vi]= and the like, by locale
        bool webBrowser = false; // WebBrowser is among its Categories
        // What starting it runs: Exec's words with the field codes (%f, %U, ...) left out.
        std::vector<std::string> command;
        // The executables the entry vouches for (real paths of ELF files): Exec's program and
        // TryExec's, when they are not launchers. Empty when it cannot vouch for any.
        std::vector<std::string> programs;

        // False only when the entry vouches for executables and `exe` is none of them.
        bool vouchesFor(const std::string &exe) const;
    };

    // `applicationDirs` in order of precedence (an id found in an earlier directory hides the
    // same id in a later one). `programSearchPath` is where an Exec without a slash is looked up.
    explicit DesktopEntries(std::vector<std::string> applicationDirs,
        std::vector<std::string> programSearchPath = defaultProgramSearchPath(),
        std::chrono::steady_clock::duration recheckEvery = std::chrono::seconds {10});

    // The system's application directories from an XDG_DATA_DIRS value (null or empty: the
    // specification's default), with Flatpak's and snapd's system exports appended.
    static std::vector<std::string> systemApplicationDirs(const char *xdgDataDirs);
    static std::vector<std::string> defaultProgramSearchPath();

    // The entry a report's label names: the desktop file id, else an entry whose StartupWMClass
    // is the label, else one whose id's last dotted part is; compared case-insensitively.
    const Entry *byLabel(std::string_view label, std::chrono::steady_clock::time_point now);
    // The entry that vouches for `exe` (a real path), or null.
    const Entry *byProgram(const std::string &exe, std::chrono::steady_clock::time_point now);
    // Every entry that vouches for `exe`, even one several entries run (byProgram names none).
    std::vector<const Entry *> allByProgram(const std::string &exe, std::chrono::steady_clock::time_point now);
    // The shown entries whose main category is `category` (ASCII case ignored), in id order.
    std::vector<const Entry *> inCategory(std::string_view category, std::chrono::steady_clock::time_point now);
    // True when `label` names an entry that vouches for executables and `exe` is none of them.
    bool contradicts(std::string_view label, const std::string &exe, std::chrono::steady_clock::time_point now);

    std::size_t size() const { return m_entries.size(); }

private:
    void refreshIfChanged(std::chrono::steady_clock::time_point now);
    void load();
    std::vector<long long> directoryStamps() const;

    std::vector<std::string> m_dirs;
    std::vector<std::string> m_searchPath;
    std::chrono::steady_clock::duration m_recheckEvery;
    std::chrono::steady_clock::time_point m_nextCheck {};
    bool m_loaded = false;
    std::vector<long long> m_stamps;
    std::vector<Entry> m_entries;
    std::map<std::string, std::size_t> m_byLowerId;
    std::map<std::string, std::size_t> m_byLowerWmClass;
    std::map<std::string, std::size_t> m_byLowerLastPart;
    std::map<std::string, std::size_t> m_byProgram;
    std::multimap<std::string, std::size_t> m_allByProgram;
};

} // namespace sundial::platform
