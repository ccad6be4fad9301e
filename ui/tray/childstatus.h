// SPDX-License-Identifier: GPL-3.0-or-later
// ChildStatus: the service's Child.GetStatus answer, typed for the child's window.
#pragma once

#include <chrono>
#include <optional>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace sundial::ui
{

struct BudgetLine {
    QString name; // a rule's label, a program, a domain, or a category's key ("Game")
    QString scope; // app, category or site
    std::chrono::seconds limit {0};
    std::chrono::seconds remaining {0};
};

// An always-allowed app the time's-up screen offers (its installed desktop entry).
struct OfferedApp {
    QString id;
    QString name; // in the UI's language when the entry has it
    QString icon; // a theme icon name or an absolute path
    QStringList command; // what starting it runs
    bool operator==(const OfferedApp &) const = default;
};

struct ChildStatus {
    bool limited = false;
    QString verdict; // allowed, warning, outside-hours, out-of-time
    QString reason;
    std::chrono::seconds used {0};
    std::optional<std::chrono::seconds> remaining; // nullopt: no limit
    qint64 allowedUntil = 0; // Unix time, 0 = not today
    QList<BudgetLine> budgets;
    QString recorded;
    // The reason in parts (see core::Reason), for saying it in the UI's language.
    QString reasonKind;
    qint64 reasonAt = 0;
    std::chrono::seconds reasonBudget {0};
    std::chrono::seconds reasonExtra {0};
    std::chrono::seconds reasonRemaining {0};
    int reasonWeekday = 1; // 0 = Sunday
    // What is recorded, in parts.
    bool recordTitles = false;
    bool recordFullUrls = false;
    qint64 activityRetentionDays = 30;
    qint64 dailyRetentionDays = 365;
    QString helpLineName;
    QString helpLinePhone;
    QString helpLineUrl;
    QString helpLineNote; // what the line offers, in its own words; may be empty
    // What happens when the grace ends: downtime, lock, logout or suspend.
    QString lockoutAction = QStringLiteral("lock");
    bool downtime = false; // in downtime now: only the offered apps may run
    QList<OfferedApp> offeredApps;

    static ChildStatus fromMap(const QVariantMap &map);
    // The reason and the privacy summary in the UI's language (QLocale() and the installed
    // translator); the service's English text when the parts are unknown.
    QString localizedReason() const;
    QString localizedRecorded() const;
    // What happens when the time is up, for the action the parent chose ("When it is up, the
    // screen locks."), in the UI's language.
    QString localizedTimeUpAction() const;
    bool outOfTime() const
    {
        return verdict == QLatin1String("out-of-time") || verdict == QLatin1String("outside-hours");
    }
};

// Where the child's request for more time is, in the UI's language: "pending", "approved" (with
// the minutes), "denied"; any other text is a message shown as it is.
QString localizedRequestState(const QString &state, int minutes = 0);

// "1 h 20 min", "45 min", "30 s" in the UI's language.
QString formatDuration(std::chrono::seconds duration);

} // namespace sundial::ui
