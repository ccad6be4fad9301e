// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-bench-year: one child's year of synthetic activity through ActivityRecorder, then the
// dashboard's year queries through UsageReport, warm and cold. Prints a table and, as its last
// line, one JSON object (docs/BENCHMARKS.md). Exits 1 when a result fails its sanity check, so
// the figures can never be timings of nothing.
#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/core/activityrecorder.h"
#include "agent/core/activitystore.h"
#include "agent/core/database.h"
#include "agent/core/usagereport.h"

namespace
{

namespace core = sundial::core;
using namespace std::chrono_literals;
using std::chrono::seconds;
using Milliseconds = std::chrono::duration<double, std::milli>;
using SteadyClock = std::chrono::steady_clock;

constexpr std::int64_t kChild = 1001;
constexpr seconds kPulse {10};
constexpr seconds kHeartbeatEvery {5};
constexpr seconds kMeanChangeEvery {30};
constexpr std::size_t kFlushEvery = 1000;
constexpr std::uint64_t kSeed = 20250101;
constexpr int kApps = 200;
constexpr int kDomains = 2000;
constexpr double kBrowserShare = 0.40; // of changes: a browser with a site
constexpr double kIdleShare = 0.05; // of changes: the same app, input idle
constexpr double kZipfExponent = 1.0;
constexpr double kTolerance = 0.02; // sanity checks: results within 2 % of the generated figures
constexpr int kColdRuns = 5;
constexpr core::LocalDate kFirstDay = std::chrono::sys_days {std::chrono::year {2025} / 1 / 1};
constexpr std::array<const char *, 6> kCategories {"Game", "Education", "Network", "Office", "Utility", "AudioVideo"};
// Browsers are the first three Network apps (category index 2).
constexpr std::array<int, 3> kBrowsers {2, 8, 14};
// Active local hours: [08:00, 12:00) and [14:00, 18:00).
constexpr std::array<std::pair<std::chrono::hours, std::chrono::hours>, 2> kActiveBlocks {
    std::pair {8h, 12h}, std::pair {14h, 18h}};

// Targets from the issue, for one child-year on the 2-core reference machine.
constexpr seconds kIngestTarget {3};
constexpr Milliseconds kWarmTarget {10};
constexpr Milliseconds kColdTarget {50};
constexpr std::uint64_t kSizeTargetBytes = 30'000'000; // 30 MB (decimal, the stricter reading)
constexpr double kMib = 1048576.0;

class BenchFailure : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Central European time with the EU rule: +2 h from the last Sunday of March 01:00 UTC to the
// last Sunday of October 01:00 UTC, +1 h otherwise. Enough of Europe/Berlin for 1996 onwards.
class BerlinZone final : public core::TimeZone
{
public:
    seconds utcOffsetAt(core::Instant at) const override
    {
        using namespace std::chrono;
        const year y = year_month_day {floor<days>(at)}.year();
        const core::Instant summerStart = sys_days {y / March / Sunday[last]} + 1h;
        const core::Instant summerEnd = sys_days {y / October / Sunday[last]} + 1h;
        return at >= summerStart && at < summerEnd ? 2h : 1h;
    }
};

// Draws from the engine alone: the standard's distributions differ between library
// implementations, std::mt19937_64's output does not.
double uniform01(std::mt19937_64 &engine)
{
    return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

std::chrono::duration<double> exponential(std::mt19937_64 &engine, std::chrono::duration<double> mean)
{
    return mean * -std::log1p(-uniform01(engine));
}

// Rank k of n is drawn with probability proportional to 1 / (k + 1)^exponent.
class ZipfTable
{
public:
    ZipfTable(int n, double exponent)
    {
        double sum = 0;
        for (int k = 0; k < n; ++k) {
            sum += 1.0 / std::pow(k + 1, exponent);
            m_cumulative.push_back(sum);
        }
        for (double &value : m_cumulative) {
            value /= sum;
        }
    }
    int draw(std::mt19937_64 &engine) const
    {
        const auto found = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), uniform01(engine));
        return static_cast<int>(std::min<std::ptrdiff_t>(
            found - m_cumulative.begin(), static_cast<std::ptrdiff_t>(m_cumulative.size()) - 1));
    }

private:
    std::vector<double> m_cumulative;
};

// One heartbeat, compactly: the Heartbeat itself is a prototype shared by all heartbeats with
// the same app and site, so the ingest loop only sets two fields and allocates nothing.
struct Beat {
    core::Instant at;
    std::uint32_t prototype = 0;
    bool idle = false;
};

struct Workload {
    std::vector<core::Heartbeat> prototypes;
    std::vector<Beat> beats;
    std::size_t changes = 0;
    std::size_t idleBeats = 0;
    std::size_t distinctApps = 0;
    std::size_t distinctDomains = 0;
    // What the recorder must count as active: the time from each non-idle heartbeat to the
    // next one of the same stretch of use.
    seconds active {0};
    std::vector<seconds> activePerDay;
    std::vector<seconds> domainActivePerDay;
    std::array<std::array<seconds, 24>, 7> activePerWeekdayHour {};
};

Workload generateWorkload(int days, const core::TimeZone &zone)
{
    std::mt19937_64 engine {kSeed};
    std::vector<int> otherApps;
    for (int app = 0; app < kApps; ++app) {
        if (std::find(kBrowsers.begin(), kBrowsers.end(), app) == kBrowsers.end()) {
            otherApps.push_back(app);
        }
    }
    const ZipfTable browserPopularity {static_cast<int>(kBrowsers.size()), kZipfExponent};
    const ZipfTable appPopularity {static_cast<int>(otherApps.size()), kZipfExponent};
    const ZipfTable sitePopularity {kDomains, kZipfExponent};

    Workload work;
    work.activePerDay.assign(static_cast<std::size_t>(days), seconds {0});
    work.domainActivePerDay.assign(static_cast<std::size_t>(days), seconds {0});
    work.beats.reserve(static_cast<std::size_t>(days) * 8 * 3600 / kHeartbeatEvery.count());
    std::unordered_map<int, std::uint32_t> prototypeOf; // app * (kDomains + 1) + domain + 1
    std::unordered_set<int> appsSeen;
    std::unordered_set<int> domainsSeen;
    const auto prototypeFor = [&](int app, int domain) {
        const int key = app * (kDomains + 1) + domain + 1;
        if (const auto found = prototypeOf.find(key); found != prototypeOf.end()) {
            return found->second;
        }
        core::Heartbeat heartbeat;
        const std::string name = "app" + std::to_string(app);
        heartbeat.app = {"/usr/bin/" + name, name, kCategories[static_cast<std::size_t>(app) % kCategories.size()]};
        if (domain >= 0) {
            heartbeat.domain = "site" + std::to_string(domain) + ".example";
        }
        const auto index = static_cast<std::uint32_t>(work.prototypes.size());
        work.prototypes.push_back(std::move(heartbeat));
        prototypeOf.emplace(key, index);
        return index;
    };

    for (int day = 0; day < days; ++day) {
        const core::LocalDate date = kFirstDay + std::chrono::days {day};
        const auto weekday = std::chrono::weekday {date}.c_encoding();
        for (const auto &[from, to] : kActiveBlocks) {
            const core::Instant start = zone.fromLocal(date, seconds {from});
            const core::Instant end = zone.fromLocal(date, seconds {to});
            int app = -1;
            int domain = -1;
            bool idle = false;
            core::Instant nextChange = start;
            for (core::Instant at = start; at < end; at += kHeartbeatEvery) {
                if (at >= nextChange) {
                    ++work.changes;
                    idle = app >= 0 && uniform01(engine) < kIdleShare;
                    if (!idle && uniform01(engine) < kBrowserShare) {
                        app = kBrowsers[static_cast<std::size_t>(browserPopularity.draw(engine))];
                        domain = sitePopularity.draw(engine);
                    } else if (!idle) {
                        app = otherApps[static_cast<std::size_t>(appPopularity.draw(engine))];
                        domain = -1;
                    }
                    const std::chrono::duration<double> wait = exponential(engine, kMeanChangeEvery);
                    nextChange = at + std::chrono::ceil<seconds>(wait);
                }
                work.beats.push_back({at, prototypeFor(app, domain), idle});
                appsSeen.insert(app);
                if (domain >= 0) {
                    domainsSeen.insert(domain);
                }
                work.idleBeats += idle ? 1 : 0;
                // The last heartbeat of a block ends the stretch: the gap after it is longer than
                // the pulse, so nothing after it counts.
                if (!idle && at + kHeartbeatEvery < end) {
                    const auto hour = zone.toLocal(at).sinceMidnight / 1h;
                    work.active += kHeartbeatEvery;
                    work.activePerDay[static_cast<std::size_t>(day)] += kHeartbeatEvery;
                    work.domainActivePerDay[static_cast<std::size_t>(day)] += domain >= 0 ? kHeartbeatEvery : 0s;
                    work.activePerWeekdayHour[weekday][static_cast<std::size_t>(hour)] += kHeartbeatEvery;
                }
            }
        }
    }
    work.distinctApps = appsSeen.size();
    work.distinctDomains = domainsSeen.size();
    return work;
}

// The database, its store and its report, opened together and closed together.
struct Session {
    std::unique_ptr<core::Database> db;
    std::unique_ptr<core::ActivityStore> store;
    std::unique_ptr<core::UsageReport> report;

    void close()
    {
        report.reset();
        store.reset();
        db.reset();
    }
};

Session openSession(const std::string &path, core::Database::Options options)
{
    auto opened = core::Database::open(path, options);
    if (!opened) {
        throw BenchFailure {"cannot open " + path + ": " + opened.error().describe()};
    }
    Session session;
    session.db = std::move(opened.value());
    session.store = std::make_unique<core::ActivityStore>(*session.db);
    session.report = std::make_unique<core::UsageReport>(*session.store);
    return session;
}

void checkpoint(core::Database &db)
{
    core::Statement statement = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!statement.ok() || !statement.step() || statement.integer(0) != 0) {
        throw BenchFailure {"the WAL checkpoint did not complete: " + statement.error()};
    }
}

std::uint64_t fileSize(const std::string &path)
{
    struct stat info {
    };
    return ::stat(path.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
}

// Writes back and drops the file's pages from the page cache. Returns the share of its pages
// still cached afterwards (0 when the drop worked), or 0 for a missing or empty file.
double dropFromPageCache(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    double resident = 0;
    struct stat info {
    };
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
        const auto length = static_cast<std::size_t>(info.st_size);
        void *mapped = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
        if (mapped != MAP_FAILED) {
            const auto pageSize = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
            std::vector<unsigned char> pages((length + pageSize - 1) / pageSize);
            if (::mincore(mapped, length, pages.data()) == 0) {
                const auto cached = std::count_if(pages.begin(), pages.end(), [](unsigned char p) { return p & 1; });
                resident = static_cast<double>(cached) / static_cast<double>(pages.size());
            }
            ::munmap(mapped, length);
        }
    }
    ::close(fd);
    return resident;
}

Milliseconds median(std::vector<Milliseconds> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

template <typename Function> Milliseconds timed(Function &&function)
{
    const auto start = SteadyClock::now();
    function();
    return std::chrono::duration_cast<Milliseconds>(SteadyClock::now() - start);
}

std::int64_t scalar(core::Database &db, const std::string &sql)
{
    core::Statement statement = db.prepare(sql);
    return statement.ok() && statement.step() ? statement.integer(0) : -1;
}

void require(bool condition, const std::string &what)
{
    if (!condition) {
        throw BenchFailure {"sanity check failed: " + what};
    }
}

bool near(seconds measured, seconds expected)
{
    const auto difference = std::abs(static_cast<double>((measured - expected).count()));
    return difference <= kTolerance * static_cast<double>(std::max(expected.count(), std::int64_t {1}));
}

std::string hours(seconds value)
{
    return std::to_string(value.count() / 3600) + " h";
}

struct Range {
    core::LocalDate from;
    core::LocalDate to;
};

// A dashboard query: `run` returns how many result rows it produced.
struct Query {
    std::string key;
    std::string label;
    std::function<std::size_t(const core::UsageReport &)> run;
    std::size_t rows = 0;
    Milliseconds warm {0};
    Milliseconds cold {0};
    Milliseconds coldOpen {0};
    double worstResidentAfterDrop = 0;
};

// Checks every query's result against what was generated, on the ingest connection.
void checkResults(const core::UsageReport &report, const Workload &work, Range year, Range month)
{
    const auto totals = report.dayTotals(kChild, year.from, year.to);
    require(totals.size() == work.activePerDay.size(),
        "dayTotals has " + std::to_string(totals.size()) + " days, expected "
            + std::to_string(work.activePerDay.size()));
    seconds totalActive {0};
    for (const core::DayTotal &day : totals) {
        const auto index = static_cast<std::size_t>((day.day - year.from).count());
        require(index < work.activePerDay.size() && near(day.active, work.activePerDay[index]),
            "dayTotals for " + core::formatDate(day.day) + " is off");
        require(day.charged == day.active, "with default rules every active second is charged");
        totalActive += day.active;
    }
    require(
        near(totalActive, work.active), "dayTotals sum to " + hours(totalActive) + ", generated " + hours(work.active));

    const core::HourHeatmap heatmap = report.hourHeatmap(kChild, year.from, year.to);
    seconds heatmapTotal {0};
    for (std::size_t weekday = 0; weekday < 7; ++weekday) {
        for (std::size_t hour = 0; hour < 24; ++hour) {
            const seconds cell = heatmap[weekday][hour];
            const seconds expected = work.activePerWeekdayHour[weekday][hour];
            require(near(cell, expected),
                "heatmap cell " + std::to_string(weekday) + "/" + std::to_string(hour) + " has "
                    + std::to_string(cell.count()) + " s, generated " + std::to_string(expected.count()) + " s");
            heatmapTotal += cell;
        }
    }
    require(near(heatmapTotal, totalActive), "the heatmap does not sum to the day totals");

    const auto apps = report.appsPerDay(kChild, year.from, year.to);
    seconds appsTotal {0};
    std::unordered_set<std::int64_t> distinctApps;
    for (const core::AppDayTotal &row : apps) {
        appsTotal += row.active;
        distinctApps.insert(row.app);
    }
    require(near(appsTotal, totalActive),
        "appsPerDay sums to " + hours(appsTotal) + ", day totals to " + hours(totalActive));
    require(distinctApps.size() == work.distinctApps,
        "appsPerDay has " + std::to_string(distinctApps.size()) + " apps, generated "
            + std::to_string(work.distinctApps));

    // Every generated app has a category, so the categories add up to the day totals.
    seconds categoriesTotal {0};
    for (const core::CategoryDayTotal &row : report.categoriesPerDay(kChild, year.from, year.to)) {
        require(!row.category.empty() || row.active <= seconds {1}, "categoriesPerDay has uncategorised time");
        categoriesTotal += row.active;
    }
    require(near(categoriesTotal, totalActive),
        "categoriesPerDay sums to " + hours(categoriesTotal) + ", day totals to " + hours(totalActive));

    const auto sites = report.top(kChild, core::UsageDimension::Domain, month.from, month.to, 20);
    seconds monthDomainActive {0};
    for (auto day = month.from; day <= month.to; day += std::chrono::days {1}) {
        monthDomainActive += work.domainActivePerDay[static_cast<std::size_t>((day - year.from).count())];
    }
    require(!sites.empty() && sites.size() <= 20, "top sites returned " + std::to_string(sites.size()) + " rows");
    seconds sitesTotal {0};
    for (std::size_t i = 0; i < sites.size(); ++i) {
        require(sites[i].name.starts_with("site") && sites[i].name.ends_with(".example"),
            "top sites named '" + sites[i].name + "'");
        require(i == 0 || sites[i].active <= sites[i - 1].active, "top sites are not in descending order");
        sitesTotal += sites[i].active;
    }
    require(sitesTotal > seconds {0} && sitesTotal <= monthDomainActive + monthDomainActive / 50,
        "top sites sum to " + std::to_string(sitesTotal.count()) + " s of " + std::to_string(monthDomainActive.count())
            + " s on sites");
}

struct Options {
    int runs = 7;
    int days = 365;
    std::string dbPath;
};

int positiveNumber(std::string_view option, const char *text)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 1 || value > 100000) {
        throw BenchFailure {std::string {option} + " needs a positive number, not '" + text + "'"};
    }
    return static_cast<int>(value);
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            std::printf("usage: sundial-bench-year [--runs N] [--days N] [--db PATH]\n"
                        "  --runs N   timed warm runs per query (default 7; the median is reported)\n"
                        "  --days N   days of activity to generate (default 365; fewer for a smoke run)\n"
                        "  --db PATH  create the database here and keep it (must not exist yet);\n"
                        "             default: a temporary directory, removed afterwards\n");
            std::exit(0);
        }
        if (i + 1 >= argc) {
            throw BenchFailure {"unknown option or missing value: " + std::string {argument}};
        }
        if (argument == "--runs") {
            options.runs = positiveNumber(argument, argv[++i]);
        } else if (argument == "--days") {
            options.days = positiveNumber(argument, argv[++i]);
        } else if (argument == "--db") {
            options.dbPath = argv[++i];
        } else {
            throw BenchFailure {"unknown option: " + std::string {argument}};
        }
    }
    return options;
}

// Removes the temporary directory on every way out.
class TemporaryDirectory
{
public:
    TemporaryDirectory()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "sundial-bench-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw BenchFailure {"cannot create a temporary directory: " + std::string {std::strerror(errno)}};
        }
        m_path = pattern;
    }
    ~TemporaryDirectory()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TemporaryDirectory(const TemporaryDirectory &) = delete;
    TemporaryDirectory &operator=(const TemporaryDirectory &) = delete;
    const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

const char *verdict(std::optional<bool> met)
{
    return !met ? "n/a" : *met ? "yes" : "NO";
}
std::string json(std::optional<bool> met)
{
    return !met ? "null" : *met ? "true" : "false";
}

int run(const Options &options)
{
    std::unique_ptr<TemporaryDirectory> temporary;
    std::string path = options.dbPath;
    if (path.empty()) {
        temporary = std::make_unique<TemporaryDirectory>();
        path = (temporary->path() / "year.db").string();
    } else if (std::filesystem::exists(path)) {
        throw BenchFailure {path + " exists; the benchmark needs a new database"};
    }

    const BerlinZone zone;
    const Workload work = generateWorkload(options.days, zone);
    const Range year {kFirstDay, kFirstDay + std::chrono::days {options.days - 1}};
    const core::LocalDate middle = year.from + std::chrono::days {(options.days - 1) / 2};
    const std::chrono::year_month monthOfMiddle
        = std::chrono::year_month_day {middle}.year() / std::chrono::year_month_day {middle}.month();
    const Range month {std::max(year.from, core::LocalDate {monthOfMiddle / 1}),
        std::min(year.to, core::LocalDate {monthOfMiddle / std::chrono::last})};

    Session session = openSession(path, {});
    const core::Rules rules {};
    Milliseconds flushTime {0};
    std::size_t flushes = 0;
    std::vector<core::Heartbeat> prototypes = work.prototypes;
    const auto flushOrFail = [&](core::ActivityRecorder &recorder) {
        flushTime += timed([&] {
            if (core::Status flushed = recorder.flush(); !flushed) {
                throw BenchFailure {"flush failed: " + flushed.error().describe()};
            }
        });
        ++flushes;
    };
    const Milliseconds ingestTime = timed([&] {
        core::ActivityRecorder recorder {*session.store, kChild, zone, rules, kPulse};
        std::size_t sinceFlush = 0;
        for (const Beat &beat : work.beats) {
            core::Heartbeat &heartbeat = prototypes[beat.prototype];
            heartbeat.at = beat.at;
            heartbeat.idle = beat.idle;
            recorder.record(heartbeat);
            if (++sinceFlush == kFlushEvery) {
                flushOrFail(recorder);
                sinceFlush = 0;
            }
        }
        flushOrFail(recorder);
    });
    const double ingestSeconds = ingestTime.count() / 1000.0;
    const double heartbeatsPerSecond = static_cast<double>(work.beats.size()) / ingestSeconds;

    checkpoint(*session.db);
    const std::uint64_t dbBytes = fileSize(path) + fileSize(path + "-wal");
    const std::int64_t activityRows = scalar(*session.db, "SELECT COUNT(*) FROM activity");
    const std::int64_t dailyRows = scalar(*session.db, "SELECT COUNT(*) FROM daily_usage");
    const std::int64_t hourlyRows = scalar(*session.db, "SELECT COUNT(*) FROM hourly_usage");
    std::vector<std::pair<std::string, std::int64_t>> bytesByObject;
    {
        core::Statement objects
            = session.db->prepare("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6");
        while (objects.ok() && objects.step()) {
            bytesByObject.emplace_back(objects.text(0), objects.integer(1));
        }
    }

    checkResults(*session.report, work, year, month);

    const auto topApps = session.report->top(kChild, core::UsageDimension::App, year.from, year.to, 1);
    require(!topApps.empty(), "top apps of the year is empty");
    const std::int64_t topApp = topApps.front().id;
    std::vector<Query> queries {
        {"apps_per_day_year", "appsPerDay, year",
            [&](const core::UsageReport &report) { return report.appsPerDay(kChild, year.from, year.to).size(); }},
        {"hour_heatmap_year", "hourHeatmap, year",
            [&](const core::UsageReport &report) {
                const core::HourHeatmap heatmap = report.hourHeatmap(kChild, year.from, year.to);
                std::size_t cells = 0;
                for (const auto &weekday : heatmap) {
                    cells += static_cast<std::size_t>(
                        std::count_if(weekday.begin(), weekday.end(), [](seconds cell) { return cell > 0s; }));
                }
                return cells;
            }},
        {"top_sites_month", "top 20 sites, month",
            [&](const core::UsageReport &report) {
                return report.top(kChild, core::UsageDimension::Domain, month.from, month.to, 20).size();
            }},
        {"day_totals_year", "dayTotals, year",
            [&](const core::UsageReport &report) { return report.dayTotals(kChild, year.from, year.to).size(); }},
        {"categories_per_day_year", "categoriesPerDay, year",
            [&](const core::UsageReport &report) {
                return report.categoriesPerDay(kChild, year.from, year.to).size();
            }},
        {"app_day_totals_year", "keyDayTotals (one app), year",
            [&](const core::UsageReport &report) {
                return report.keyDayTotals(kChild, core::UsageDimension::App, topApp, year.from, year.to).size();
            }},
    };

    // Warm: the open connection, after one untimed run.
    for (Query &query : queries) {
        query.rows = query.run(*session.report);
        std::vector<Milliseconds> samples;
        for (int i = 0; i < options.runs; ++i) {
            std::size_t rows = 0;
            samples.push_back(timed([&] { rows = query.run(*session.report); }));
            require(rows == query.rows, query.key + " returned a different number of rows on a warm run");
        }
        query.warm = median(samples);
    }

    // Cold: nothing of the file in SQLite's cache or the kernel's; the query is timed, the
    // reopen separately.
    for (Query &query : queries) {
        std::vector<Milliseconds> samples;
        std::vector<Milliseconds> opens;
        for (int i = 0; i < kColdRuns; ++i) {
            checkpoint(*session.db);
            session.close();
            query.worstResidentAfterDrop
                = std::max({query.worstResidentAfterDrop, dropFromPageCache(path), dropFromPageCache(path + "-wal")});
            core::Database::Options reopen;
            reopen.skipIntegrityCheck = true;
            opens.push_back(timed([&] { session = openSession(path, reopen); }));
            std::size_t rows = 0;
            samples.push_back(timed([&] { rows = query.run(*session.report); }));
            require(rows == query.rows, query.key + " returned a different number of rows on a cold run");
        }
        query.cold = median(samples);
        query.coldOpen = median(opens);
    }
    session.close();

    // Targets are for a whole year; a shorter smoke run reports them as n/a.
    const bool fullYear = options.days >= 365;
    const auto target = [&](bool met) { return fullYear ? std::optional<bool> {met} : std::nullopt; };
    const std::optional<bool> ingestMet = target(ingestTime < kIngestTarget);
    const std::optional<bool> sizeMet = target(dbBytes <= kSizeTargetBytes);
    bool allWarm = true;
    bool allCold = true;
    for (const Query &query : queries) {
        allWarm = allWarm && query.warm < kWarmTarget;
        allCold = allCold && query.cold < kColdTarget;
    }

    std::printf("Sundial year benchmark: child %lld, %d days from %s, zone Europe/Berlin (EU rule, built in)\n",
        static_cast<long long>(kChild), options.days, core::formatDate(kFirstDay).c_str());
    std::printf("  workload   %zu heartbeats every %lld s, %zu changes (mean %lld s), %zu apps, %zu domains, "
                "%.1f %% idle, %s active\n",
        work.beats.size(), static_cast<long long>(kHeartbeatEvery.count()), work.changes,
        static_cast<long long>(kMeanChangeEvery.count()), work.distinctApps, work.distinctDomains,
        100.0 * static_cast<double>(work.idleBeats) / static_cast<double>(work.beats.size()),
        hours(work.active).c_str());
    std::printf("  recorder   pulse %lld s, flush every %zu heartbeats, default Rules (titles off)\n",
        static_cast<long long>(kPulse.count()), kFlushEvery);
    std::printf("  database   %s\n\n", path.c_str());

    std::printf("%-34s %14s %12s %5s\n", "Ingest", "measured", "target", "met");
    std::printf("  %-32s %12.3f s %10s s %5s\n", "wall time", ingestSeconds, "< 3", verdict(ingestMet));
    std::printf("  %-32s %14.0f\n", "heartbeats per second", heartbeatsPerSecond);
    std::printf("  %-32s %12.3f s\n", "  of which record()", (ingestTime - flushTime).count() / 1000.0);
    std::printf("  %-32s %12.3f s   (%zu flushes)\n", "  of which flush()", flushTime.count() / 1000.0, flushes);
    std::printf("  %-32s %14lld\n", "activity rows", static_cast<long long>(activityRows));
    std::printf("  %-32s %14lld\n", "daily_usage rows", static_cast<long long>(dailyRows));
    std::printf("  %-32s %14lld\n\n", "hourly_usage rows", static_cast<long long>(hourlyRows));

    std::printf("%-34s %14s %12s %5s\n", "Size after checkpoint", "measured", "target", "met");
    std::printf("  %-32s %10.2f MiB %10s MB %5s\n", "database file", static_cast<double>(dbBytes) / kMib, "<= 30",
        verdict(sizeMet));
    std::printf("  %-32s %10.2f MB\n", "  (decimal)", static_cast<double>(dbBytes) / 1e6);
    for (const auto &[name, bytes] : bytesByObject) {
        std::printf("  %-32s %10.2f MiB\n", ("  " + name).c_str(), static_cast<double>(bytes) / kMib);
    }

    std::printf("\n%-22s %8s %11s %11s %11s %8s %5s\n", "Query (ms)", "rows", "warm med", "cold med", "cold open",
        "cached", "met");
    for (const Query &query : queries) {
        const std::optional<bool> met = target(query.warm < kWarmTarget && query.cold < kColdTarget);
        std::printf("  %-20s %8zu %11.3f %11.3f %11.3f %7.1f%% %5s\n", query.label.c_str(), query.rows,
            query.warm.count(), query.cold.count(), query.coldOpen.count(), 100.0 * query.worstResidentAfterDrop,
            verdict(met));
    }
    std::printf("  targets: warm < %.0f ms (median of %d), cold < %.0f ms (median of %d; 'cached' = file pages "
                "still in the page cache after the drop, worst run)\n\n",
        kWarmTarget.count(), options.runs, kColdTarget.count(), kColdRuns);

    std::string line = "{\"benchmark\":\"year\",\"days\":" + std::to_string(options.days)
        + ",\"heartbeats\":" + std::to_string(work.beats.size());
    char number[64];
    const auto add = [&](const char *key, double value, const char *format) {
        std::snprintf(number, sizeof number, format, value);
        line += std::string {",\""} + key + "\":" + number;
    };
    add("ingest_seconds", ingestSeconds, "%.3f");
    add("heartbeats_per_second", heartbeatsPerSecond, "%.0f");
    add("flush_seconds", flushTime.count() / 1000.0, "%.3f");
    line += ",\"activity_rows\":" + std::to_string(activityRows);
    line += ",\"db_bytes\":" + std::to_string(dbBytes);
    add("db_mib", static_cast<double>(dbBytes) / kMib, "%.2f");
    line += ",\"queries\":{";
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const Query &query = queries[i];
        line += (i ? ",\"" : "\"") + query.key + "\":{\"rows\":" + std::to_string(query.rows);
        add("warm_ms", query.warm.count(), "%.3f");
        add("cold_ms", query.cold.count(), "%.3f");
        add("cold_open_ms", query.coldOpen.count(), "%.3f");
        line += "}";
    }
    line += "},\"targets_met\":{\"ingest_under_3s\":" + json(ingestMet)
        + ",\"queries_warm_under_10ms\":" + json(target(allWarm))
        + ",\"queries_cold_under_50ms\":" + json(target(allCold)) + ",\"db_at_most_30mb\":" + json(sizeMet) + "}}";
    std::printf("%s\n", line.c_str());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        return run(parseOptions(argc, argv));
    } catch (const std::exception &error) {
        std::fflush(stdout);
        std::fprintf(stderr, "sundial-bench-year: %s\n", error.what());
        return 1;
    }
}
