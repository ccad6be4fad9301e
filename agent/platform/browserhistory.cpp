// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/browserhistory.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdlib.h>
#include <string_view>

#include <sqlite3.h>

#include "agent/core/rules.h"

namespace sundial::platform
{

namespace
{

using namespace std::chrono;

// Chromium counts from 1601-01-01 (Windows' FILETIME epoch), 11 644 473 600 s before 1970.
constexpr seconds kChromiumEpochOffset {11'644'473'600};

struct CloseDatabase {
    void operator()(sqlite3 *database) const { sqlite3_close_v2(database); }
};
struct FinalizeStatement {
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

// A folder made for one reading, removed with what is in it.
class ScratchFolder
{
public:
    explicit ScratchFolder(const std::string &under)
    {
        std::string pattern = (std::filesystem::path(under) / "sundial-history-XXXXXX").string();
        if (::mkdtemp(pattern.data())) { // mode 0700
            m_path = pattern;
        }
    }
    ~ScratchFolder()
    {
        if (!m_path.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(m_path, ignored);
        }
    }
    ScratchFolder(const ScratchFolder &) = delete;
    ScratchFolder &operator=(const ScratchFolder &) = delete;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

core::Error historyError(const std::string &database, const std::string &message)
{
    return core::Error {database, message};
}

} // namespace

core::Result<std::vector<HistoryVisit>> readBrowserHistory(const std::string &database, HistoryFormat format,
    core::Instant since, const std::string &scratchDir, std::size_t limit)
{
    const ScratchFolder scratch(scratchDir);
    if (scratch.path().empty()) {
        return historyError(database, "cannot make a private folder in " + scratchDir);
    }
    // The database, then its write-ahead log: the log's newest frames are the newest visits.
    const std::string copy = scratch.path() + "/history.sqlite";
    std::error_code error;
    std::filesystem::copy_file(database, copy, error);
    if (error) {
        return historyError(database, "cannot copy it: " + error.message());
    }
    if (std::filesystem::exists(database + "-wal")) {
        std::filesystem::copy_file(database + "-wal", copy + "-wal", error);
        if (error) {
            return historyError(database, "cannot copy its write-ahead log: " + error.message());
        }
    }
    sqlite3 *opened = nullptr;
    const int openResult = sqlite3_open_v2(copy.c_str(), &opened, SQLITE_OPEN_READWRITE, nullptr);
    const std::unique_ptr<sqlite3, CloseDatabase> connection(opened);
    if (openResult != SQLITE_OK) {
        return historyError(database, std::string {"cannot open the copy: "} + sqlite3_errstr(openResult));
    }
    // The browser's own locking mode does not travel with the file; the copy is ours alone.
    const char *query = format == HistoryFormat::Firefox
        ? "SELECT p.url, v.visit_date FROM moz_historyvisits v JOIN moz_places p ON p.id = v.place_id "
          "WHERE v.visit_date > ?1 ORDER BY v.visit_date LIMIT ?2"
        : "SELECT u.url, v.visit_time FROM visits v JOIN urls u ON u.id = v.url "
          "WHERE v.visit_time > ?1 ORDER BY v.visit_time LIMIT ?2";
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(connection.get(), query, -1, &prepared, nullptr) != SQLITE_OK) {
        return historyError(database,
            std::string {"is not a "} + (format == HistoryFormat::Firefox ? "Firefox" : "Chromium")
                + " history: " + sqlite3_errmsg(connection.get()));
    }
    const std::unique_ptr<sqlite3_stmt, FinalizeStatement> statement(prepared);
    const microseconds offset = format == HistoryFormat::Chromium ? kChromiumEpochOffset : microseconds {0};
    const microseconds after = duration_cast<microseconds>(since.time_since_epoch()) + offset;
    sqlite3_bind_int64(statement.get(), 1, after.count());
    sqlite3_bind_int64(statement.get(), 2, static_cast<sqlite3_int64>(limit));
    std::vector<HistoryVisit> visits;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement.get(), 0));
        const std::string_view url = text ? text : "";
        if (!url.starts_with("http://") && !url.starts_with("https://")) {
            continue; // about:, file:, chrome://, a browser's own pages: no site
        }
        std::string domain = core::hostOf(url);
        if (domain.empty()) {
            continue;
        }
        const microseconds when {sqlite3_column_int64(statement.get(), 1)};
        visits.push_back({std::move(domain), core::Instant {duration_cast<seconds>(when - offset)}});
    }
    if (step != SQLITE_DONE) {
        return historyError(database, std::string {"cannot read the copy: "} + sqlite3_errmsg(connection.get()));
    }
    return visits;
}

} // namespace sundial::platform
