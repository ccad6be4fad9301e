// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/heartbeatparser.h"

#include "agent/core/rules.h"
#include "agent/core/text.h"

namespace sundial::daemon
{

namespace
{

core::Error keyError(const QString &key, const std::string &message)
{
    return core::Error {key.toStdString(), message};
}

// A report's string value: a D-Bus string, valid UTF-8, within kMaxReportString.
core::Result<std::string> reportString(const QString &key, const QVariant &value)
{
    if (value.typeId() != QMetaType::QString) {
        return keyError(key, "must be a string (D-Bus type s)");
    }
    std::string text = value.toString().toStdString();
    if (text.size() > static_cast<std::size_t>(kMaxReportString)) {
        return keyError(key, "is " + std::to_string(text.size()) + " bytes; at most 16384");
    }
    if (!core::isValidUtf8(text)) {
        return keyError(key, "is not valid UTF-8");
    }
    return text;
}

core::Result<std::string> reportDomain(const QString &key, const std::string &text)
{
    std::string host = core::hostOf(text);
    if (host.size() > core::kMaxDomainBytes) {
        return keyError(key, "is longer than 253 bytes");
    }
    return host;
}

} // namespace

core::Result<core::Heartbeat> parseHeartbeatReport(const QVariantMap &report)
{
    core::Heartbeat heartbeat;
    if (report.size() > 16) {
        return core::Error {"report", "has " + std::to_string(report.size()) + " keys; at most 16"};
    }
    for (auto it = report.constBegin(); it != report.constEnd(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == QLatin1String("idle") || key == QLatin1String("media") || key == QLatin1String("fullscreen")) {
            if (value.typeId() != QMetaType::Bool) {
                return keyError(key, "must be a boolean (D-Bus type b)");
            }
            if (key == QLatin1String("idle")) {
                heartbeat.idle = value.toBool();
            } else if (key == QLatin1String("media")) {
                heartbeat.mediaPlaying = value.toBool();
            }
            continue;
        }
        const core::Result<std::string> read = reportString(key, value);
        if (!read) {
            return read.error();
        }
        const std::string &text = *read;
        if (key == QLatin1String("exe")) {
            if (!text.empty() && (text.front() != '/' || text.size() > core::kMaxPathBytes)) {
                return keyError(key, "must be an absolute path of at most 4096 bytes");
            }
            heartbeat.app.exe = text;
        } else if (key == QLatin1String("desktopId")) {
            if (text.size() > core::kMaxNameBytes) {
                return keyError(key, "is longer than 512 bytes");
            }
            heartbeat.app.desktopId = text;
        } else if (key == QLatin1String("category")) {
            // Accepted (the contract has the key) and never believed: a category rule covers a
            // whole class of apps, and no reporter can vouch for which class an app is in.
        } else if (key == QLatin1String("domain")) {
            const core::Result<std::string> host = reportDomain(key, text);
            if (!host) {
                return host.error();
            }
            heartbeat.domain = *host;
        } else if (key == QLatin1String("url")) {
            heartbeat.url = text;
            if (heartbeat.domain.empty()) {
                heartbeat.domain = core::hostOf(text);
            }
        } else if (key == QLatin1String("title")) {
            heartbeat.title = text; // cut to kMaxTitleBytes when stored, and only if titles are on
        } else {
            return keyError(key,
                "is not a known key (exe, desktopId, category, title, domain, url, idle, media, "
                "fullscreen)");
        }
    }
    return heartbeat;
}

core::Result<SiteReportFields> parseSiteReport(const QVariantMap &report)
{
    SiteReportFields site;
    if (report.size() > 16) {
        return core::Error {"report", "has " + std::to_string(report.size()) + " keys; at most 16"};
    }
    for (auto it = report.constBegin(); it != report.constEnd(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        bool *flag = key == QLatin1String("focused") ? &site.focused
            : key == QLatin1String("audible")        ? &site.audible
            : key == QLatin1String("incognito")      ? &site.incognito
            : key == QLatin1String("check")          ? &site.checkOnly
                                                     : nullptr;
        if (flag) {
            if (value.typeId() != QMetaType::Bool) {
                return keyError(key, "must be a boolean (D-Bus type b)");
            }
            *flag = value.toBool();
            continue;
        }
        const core::Result<std::string> text = reportString(key, value);
        if (!text) {
            return text.error();
        }
        if (key == QLatin1String("domain")) {
            const core::Result<std::string> host = reportDomain(key, *text);
            if (!host) {
                return host.error();
            }
            site.domain = *host;
        } else if (key == QLatin1String("url")) {
            site.url = *text;
        } else {
            return keyError(key, "is not a known key (domain, url, focused, audible, incognito, check)");
        }
    }
    if (site.domain.empty() && !site.url.empty()) {
        site.domain = core::hostOf(site.url);
    }
    return site;
}

} // namespace sundial::daemon
