// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/activityrecorder.h"

#include <algorithm>
#include <map>

#include <sqlite3.h>

#include "agent/core/rulematch.h"

namespace sundial::core
{

using std::chrono::seconds;

namespace
{

void add(UsageDelta &delta, seconds length, bool charged)
{
    delta.active += length;
    if (charged) {
        delta.charged += length;
    }
}

std::int64_t dayNumber(LocalDate day)
{
    return day.time_since_epoch().count();
}

} // namespace

ActivityRecorder::ActivityRecorder(
    ActivityStore &store, std::int64_t child, const TimeZone &zone, const Rules &rules, seconds pulse)
    : m_store(&store)
    , m_child(child)
    , m_zone(zone)
    , m_rules(rules)
    , m_calendar(zone, rules.dayStart)
    , m_merger(pulse)
{
    m_pending.child = child;
}

void ActivityRecorder::setRules(const Rules &rules)
{
    endActivity();
    m_rules = rules;
    m_calendar = DayCalendar {m_zone, rules.dayStart};
    m_chargeCache.clear();
}

ActivityKey ActivityRecorder::keyFor(const Heartbeat &heartbeat)
{
    ActivityKey key;
    // Most heartbeats repeat the previous one's app and site: skip the dictionary lookups.
    if (!m_lastAppId || heartbeat.app != m_lastApp) {
        m_lastApp = heartbeat.app;
        m_lastAppId = m_store->appId(heartbeat.app);
    }
    if (!m_lastDomainId || heartbeat.domain != m_lastDomain) {
        m_lastDomain = heartbeat.domain;
        m_lastDomainId = m_store->domainId(heartbeat.domain);
    }
    key.app = *m_lastAppId;
    key.domain = *m_lastDomainId;
    if (m_rules.privacy.recordTitles) {
        key.title = m_store->titleId(heartbeat.title);
    } else if (m_rules.privacy.recordFullUrls) {
        key.title = m_store->titleId(heartbeat.url);
    }
    const bool active = !heartbeat.idle || heartbeat.mediaPlaying;
    key.flags = (active ? ActivityFlag::Active : 0) | (heartbeat.idle ? ActivityFlag::Idle : 0)
        | (heartbeat.mediaPlaying ? ActivityFlag::MediaPlaying : 0)
        | (heartbeat.app == AppIdentity {} ? ActivityFlag::UnknownApp : 0);
    if (active) {
        const std::int64_t cacheKey = (key.app << 24) ^ key.domain;
        auto found = m_chargeCache.find(cacheKey);
        if (found == m_chargeCache.end()) {
            const RuleMatch match = matchRules(m_rules, heartbeat.app, heartbeat.domain);
            found = m_chargeCache.emplace(cacheKey, match.effect == RuleMatch::Effect::AlwaysAllowed ? 0 : 1).first;
        }
        key.flags |= found->second ? ActivityFlag::Charged : 0;
    }
    return key;
}

void ActivityRecorder::record(const Heartbeat &heartbeat)
{
    const ActivityKey key = keyFor(heartbeat);
    const HeartbeatMerger::Step step = m_merger.add(heartbeat.at, key);
    if (step.closed) {
        attribute(step.closed->key, {std::max(m_accountedUntil, step.closed->span.start), step.closed->span.end});
    }
    if (step.started) {
        m_accountedUntil = m_merger.open()->span.start;
    }
}

void ActivityRecorder::endActivity()
{
    attributeOpenTail();
    m_merger.close();
    finishRow();
}

void ActivityRecorder::finishRow()
{
    if (!m_row) {
        return;
    }
    if (m_finished.size() >= kMaxPendingRows) {
        m_finished.erase(m_finished.begin());
        ++m_droppedRows;
    }
    m_finished.push_back(std::move(m_row));
}

void ActivityRecorder::attributeOpenTail()
{
    if (const auto &open = m_merger.open()) {
        attribute(open->key, {std::max(m_accountedUntil, open->span.start), open->span.end});
        m_accountedUntil = std::max(m_accountedUntil, open->span.end);
    }
}

void ActivityRecorder::attribute(const ActivityKey &key, TimeSpan span)
{
    if (span.end <= span.start) {
        // A zero-length interval still opens a row, so the timeline shows the report.
        if (span.end < span.start || (m_row && m_row->key == key)) {
            return;
        }
    }
    const bool active = key.flags & ActivityFlag::Active;
    const bool charged = key.flags & ActivityFlag::Charged;
    const std::int64_t category = active ? m_store->categoryId(m_store->appById(key.app).category) : 0;
    const auto pieces = span.length() > seconds {0}
        ? m_calendar.split(span)
        : std::vector<DayHourPiece> {{m_calendar.dayOf(span.start), 0, span}};
    for (const DayHourPiece &piece : pieces) {
        const seconds length = piece.span.length();
        if (!m_row || !(m_row->key == key) || m_row->day != piece.day || m_row->span.end != piece.span.start) {
            finishRow();
            m_row = std::make_unique<ActivityRow>();
            m_row->day = piece.day;
            m_row->span = piece.span;
            m_row->utcOffset = m_zone.utcOffsetAt(piece.span.start);
            m_row->key = key;
        } else {
            m_row->span.end = piece.span.end;
        }
        if (!active || length == seconds {0}) {
            continue;
        }
        const std::int64_t day = dayNumber(piece.day);
        add(m_pending.daily[{static_cast<int>(UsageDimension::Total), day, 0}], length, charged);
        add(m_pending.daily[{static_cast<int>(UsageDimension::App), day, key.app}], length, charged);
        if (key.domain) {
            add(m_pending.daily[{static_cast<int>(UsageDimension::Domain), day, key.domain}], length, charged);
        }
        if (category) {
            add(m_pending.daily[{static_cast<int>(UsageDimension::Category), day, category}], length, charged);
        }
        add(m_pending.hourly[{day, piece.localHour}], length, charged);
    }
}

Status ActivityRecorder::flush(const std::function<Status()> &alsoWrite)
{
    attributeOpenTail();
    m_pending.rows.clear();
    for (const auto &row : m_finished) {
        m_pending.rows.push_back(row.get());
    }
    if (m_row) {
        m_pending.rows.push_back(m_row.get());
    }
    if (Status written = m_store->write(m_pending, alsoWrite); !written) {
        // Rows that got an id inside the failed transaction were rolled back with it.
        for (ActivityRow *row : m_pending.rows) {
            row->id = 0;
        }
        return written;
    }
    m_finished.clear();
    m_pending.rows.clear();
    m_pending.daily.clear();
    m_pending.hourly.clear();
    return success();
}

void ActivityRecorder::moveTo(ActivityStore &to, bool storedAreExtra)
{
    endActivity();
    ActivityStore &from = *m_store;
    std::optional<UsageSnapshot> floor;
    if (m_storedRead) {
        floor = storedUsage(m_stored.day);
    }
    std::map<std::int64_t, std::int64_t> apps, domains, titles, categories;
    const auto translate = [](std::map<std::int64_t, std::int64_t> &known, std::int64_t id, auto &&lookUp) {
        if (id == 0) {
            return std::int64_t {0};
        }
        const auto found = known.find(id);
        return found != known.end() ? found->second : known.emplace(id, lookUp(id)).first->second;
    };
    const auto app
        = [&](std::int64_t id) { return translate(apps, id, [&](auto i) { return to.appId(from.appById(i)); }); };
    const auto domain = [&](std::int64_t id) {
        return translate(domains, id, [&](auto i) { return to.domainId(from.domainById(i)); });
    };
    const auto title
        = [&](std::int64_t id) { return translate(titles, id, [&](auto i) { return to.titleId(from.titleById(i)); }); };
    const auto category = [&](std::int64_t id) {
        return translate(categories, id, [&](auto i) { return to.categoryId(from.categoryById(i)); });
    };
    // A row written to the old file and extended since is updated in the new one only if the
    // salvage brought it over; otherwise it is inserted whole.
    Statement salvaged = to.database().prepare("SELECT 1 FROM activity WHERE id = ?1 AND child = ?2 AND start = ?3");
    for (const auto &row : m_finished) {
        row->key.app = app(row->key.app);
        row->key.domain = domain(row->key.domain);
        row->key.title = title(row->key.title);
        if (row->id != 0) {
            salvaged.reset();
            salvaged.bind(1, row->id)
                .bind(2, m_child)
                .bind(3, std::int64_t {row->span.start.time_since_epoch().count()});
            if (!salvaged.step()) {
                row->id = 0;
            }
        }
    }
    std::map<std::tuple<int, std::int64_t, std::int64_t>, UsageDelta> daily;
    for (const auto &[key, delta] : m_pending.daily) {
        const auto &[dimension, day, id] = key;
        std::int64_t translated = 0;
        switch (static_cast<UsageDimension>(dimension)) {
        case UsageDimension::Total:
            break;
        case UsageDimension::App:
            translated = app(id);
            break;
        case UsageDimension::Domain:
            translated = domain(id);
            break;
        case UsageDimension::Category:
            translated = category(id);
            break;
        }
        UsageDelta &into = daily[{dimension, day, translated}];
        into.active += delta.active;
        into.charged += delta.charged;
    }
    m_pending.daily = std::move(daily);

    m_store = &to;
    m_lastAppId.reset();
    m_lastDomainId.reset();
    m_chargeCache.clear();
    m_snapshotQuery.reset();
    m_storedWriteCount = -1;
    m_storedRead = false;
    if (!floor) {
        return;
    }
    const UsageSnapshot now = storedAreExtra ? UsageSnapshot {} : storedUsage(floor->day);
    const std::int64_t day = dayNumber(floor->day);
    const auto raise = [&](UsageDimension dimension, std::int64_t key, seconds was, seconds is) {
        if (was > is) {
            add(m_pending.daily[{static_cast<int>(dimension), day, key}], was - is, true);
        }
    };
    raise(UsageDimension::Total, 0, floor->chargedToday, now.chargedToday);
    for (const auto &[identity, charged] : floor->chargedPerApp) {
        const auto found = now.chargedPerApp.find(identity);
        raise(UsageDimension::App, to.appId(identity), charged,
            found == now.chargedPerApp.end() ? seconds {0} : found->second);
    }
    for (const auto &[name, charged] : floor->chargedPerDomain) {
        const auto found = now.chargedPerDomain.find(name);
        raise(UsageDimension::Domain, to.domainId(name), charged,
            found == now.chargedPerDomain.end() ? seconds {0} : found->second);
    }
    for (const auto &[name, charged] : floor->chargedPerCategory) {
        const auto found = now.chargedPerCategory.find(name);
        raise(UsageDimension::Category, to.categoryId(name), charged,
            found == now.chargedPerCategory.end() ? seconds {0} : found->second);
    }
}

UsageSnapshot ActivityRecorder::snapshot(LocalDate day)
{
    attributeOpenTail();
    UsageSnapshot usage = storedUsage(day);
    const LocalDate weekStart = DayCalendar::weekStart(day, m_rules.firstWeekday);
    for (const auto &[key, delta] : m_pending.daily) {
        const auto &[dimension, rowDay, id] = key;
        addUsage(usage, static_cast<UsageDimension>(dimension), weekStart, rowDay, id, delta.charged);
    }
    return usage;
}

const UsageSnapshot &ActivityRecorder::storedUsage(LocalDate day)
{
    Database &db = m_store->database();
    if (m_stored.day == day && m_storedWriteCount == db.writeCount() && m_storedFirstWeekday == m_rules.firstWeekday) {
        return m_stored;
    }
    const UsageSnapshot lastRead = m_stored;
    const LocalDate weekStart = DayCalendar::weekStart(day, m_rules.firstWeekday);
    if (!m_snapshotQuery) {
        m_snapshotQuery = std::make_unique<Statement>(
            db.prepare("SELECT dim, day, key, charged_s FROM daily_usage WHERE child = ?1 AND "
                       "((dim = 0 AND day BETWEEN ?2 AND ?3) OR (dim > 0 AND day = ?3))"));
    }
    Statement &stored = *m_snapshotQuery;
    stored.reset();
    stored.bind(1, m_child).bind(2, dayNumber(weekStart)).bind(3, dayNumber(day));
    m_stored = UsageSnapshot {};
    m_stored.day = day;
    while (stored.step()) {
        addUsage(m_stored, static_cast<UsageDimension>(stored.integer(0)), weekStart, stored.integer(1),
            stored.integer(2), seconds {stored.integer(3)});
    }
    if (!stored.ok() || stored.lastCode() != SQLITE_DONE) {
        // A database that cannot be read must not hand the child a fresh budget: the day's figures
        // as last read stand, and the next call reads again.
        m_stored = m_storedRead && lastRead.day == day ? lastRead : m_stored;
        m_storedWriteCount = -1;
        return m_stored;
    }
    m_storedRead = true;
    m_storedWriteCount = db.writeCount();
    m_storedFirstWeekday = m_rules.firstWeekday;
    return m_stored;
}

void ActivityRecorder::addUsage(UsageSnapshot &usage, UsageDimension dimension, LocalDate weekStart,
    std::int64_t rowDay, std::int64_t key, seconds charged) const
{
    const std::int64_t today = dayNumber(usage.day);
    switch (dimension) {
    case UsageDimension::Total:
        if (rowDay >= dayNumber(weekStart) && rowDay <= today) {
            usage.chargedThisWeek += charged;
            if (rowDay == today) {
                usage.chargedToday += charged;
            }
        }
        return;
    case UsageDimension::App:
        if (rowDay == today) {
            usage.chargedPerApp[m_store->appById(key)] += charged;
        }
        return;
    case UsageDimension::Domain:
        if (rowDay == today) {
            usage.chargedPerDomain[m_store->domainById(key)] += charged;
        }
        return;
    case UsageDimension::Category:
        if (rowDay == today) {
            usage.chargedPerCategory[m_store->categoryById(key)] += charged;
        }
        return;
    }
}

} // namespace sundial::core
