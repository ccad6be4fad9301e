// SPDX-License-Identifier: GPL-3.0-or-later
// Service: sundiald's composition root. Owns the database and stores (one core::StateDatabase),
// the trusted clock, the logind monitor and one ChildSupervisor per limited child; carries out
// what the D-Bus edge (AgentObject) asks after it has checked who is asking.
//
// A database that fails while the service runs is not retried forever: after every flush
// core::DatabaseFailureJudge decides, and replaceDatabase() moves the failed file aside, opens a
// fresh one (salvaging what can be read, or the fallback file seeded from the state backup), moves
// the clock and the supervisors to it with what they counted, and audits "database-replaced".
// Without a fresh file (disk full) counting and enforcing go on in memory, retried with a backoff.
#pragma once

#include <map>
#include <memory>

#include <QDBusConnection>
#include <QObject>

#include "agent/core/databasefailurejudge.h"
#include "agent/core/statebackup.h"
#include "agent/core/statedatabase.h"
#include "agent/daemon/childsupervisor.h"
#include "agent/daemon/serviceclock.h"
#include "agent/platform/browserpolicies.h"
#include "agent/platform/logindmonitor.h"

namespace sundial::daemon
{

struct ServiceOptions {
    QString stateDir; // holds sundial.db and children.json; created 0700 (a failing chmod is logged)
    std::optional<uint> selfLimited; // try-out mode: this uid is limited (and is the parent)
    SupervisorSettings supervisor;
    // Where sundial-login-check records logins it allowed while the service was away; start()
    // audits up to 1000 lines as "login-unchecked" and deletes the file (with any lines past those).
    QString uncheckedLoginsPath = QStringLiteral("/run/sundial/unchecked-logins");
    // Where the browsers' machine-wide policies are kept (BrowserPolicies); none in try-out mode.
    std::optional<platform::BrowserPolicyPaths> browserPolicies;
};

class Service : public QObject
{
    Q_OBJECT
public:
    Service(ServiceOptions options, const QDBusConnection &systemBus, QObject *parent = nullptr);
    ~Service() override;

    // Opens the database (reporting and surviving damage), starts the clock and logind
    // monitoring and a supervisor per child. Without any file (a full disk) it runs on a database
    // in memory seeded from the state backup. Fails only when the state directory cannot be made.
    core::Status start();
    // Writes everything counted (at shutdown). Returns whether all of it was written.
    bool flushAll();

    ChildSupervisor *supervisor(std::int64_t uid);
    bool isChild(std::int64_t uid) const { return m_supervisors.count(uid) > 0; }
    // Private windows are off for the whole computer when any limited child's rules turn them off
    // (the browsers' policies are machine-wide): true then.
    bool privateWindowsOff() const;

    // Admin operations; `actor` is the caller's uid, already authorised.
    core::Status addChild(std::int64_t uid, std::int64_t actor);
    core::Status removeChild(std::int64_t uid, std::int64_t actor);
    core::Result<std::int64_t> setRules(std::int64_t uid, const std::string &json, std::int64_t actor);
    core::Status grant(std::int64_t uid, const core::Grant &grant, std::int64_t actor);
    core::Result<std::int64_t> requestMoreTime(
        std::int64_t uid, std::chrono::minutes minutes, const std::string &reason);
    core::Status answerRequest(std::int64_t id, std::chrono::minutes minutes, std::int64_t actor);
    // Extra time a parent approved with their password at the child's computer: recorded as a
    // request the child made and the parent approved (actor: the child's session).
    core::Status approveHere(std::int64_t uid, std::chrono::minutes minutes);
    // The account's login name, or "uid N".
    static std::string accountName(std::int64_t uid);
    void acceptClockChange(std::int64_t actor);

    // The stores of the database in use now: the failover replaces them, so hold none across events.
    core::Database &database() { return m_state->database(); }
    core::ChildStore &children() { return m_state->children(); }
    core::RequestStore &requests() { return m_state->requests(); }
    core::AuditLog &audit() { return m_state->audit(); }
    core::ActivityStore &activity() { return m_state->activity(); }
    ServiceClock &clock() { return *m_clock; }
    // The child's current day by its rules.
    core::LocalDate today(std::int64_t uid);

signals:
    void statusChanged(uint uid, const QVariantMap &status);
    void warning(uint uid, qint64 secondsLeft, const QString &reason);
    void timesUp(uint uid, qint64 graceSeconds, const QString &reason);
    void requestAnswered(uint uid, qint64 id, uint minutes);

private:
    void startSupervisor(std::int64_t uid, const core::Rules &rules);
    // The limited accounts and rules survive a damaged database through a second copy
    // (children.json beside it, core::StateBackup): what the database lost is put back at start
    // and audited, and the copy is rewritten after every change.
    void restoreFromBackup();
    void writeBackup();
    void auditUncheckedLogins();
    // Audits how the database was opened: the fallback in use (`unusable`: why `path` is not) and,
    // with `recovery`, damage found and recovered at start.
    void auditOpenReport(const std::string &unusable, const std::string &path, bool recovery);
    // After every flush: judges it and, when the database has failed, queues replaceDatabase()
    // (run from the event loop, never inside a supervisor's call).
    void onFlushed(const core::Status &written);
    // The runtime failover (see the top of this file). `why`: what failed.
    void replaceDatabase(const std::string &why);
    // sundial.db, or the fallback file when the database cannot be had. After a runtime failure,
    // `moveAsideBecause` says why the failed file is moved aside, and `salvageFrom` names a copy
    // taken through its connection to salvage from (core::Database::Options).
    core::Result<std::unique_ptr<core::Database>> openDatabase(
        const std::string &moveAsideBecause, const std::string &salvageFrom, std::string &unusable);

    ServiceOptions m_options;
    QDBusConnection m_systemBus;
    core::StateBackup m_backup;
    std::unique_ptr<core::StateDatabase> m_state;
    core::DatabaseFailureJudge m_failures;
    bool m_replaceQueued = false;
    std::string m_noFreshFile; // while holding in memory: why the first fresh file could not be had
    std::unique_ptr<ServiceClock> m_clock;
    std::unique_ptr<platform::LogindMonitor> m_logind;
    std::map<std::int64_t, std::unique_ptr<ChildSupervisor>> m_supervisors;
    // Writes the browsers' policies for the children's rules now; audits when that changes
    // private windows or fails.
    void applyBrowserPolicies();
    std::optional<bool> m_privateWindowsOffApplied;
};

} // namespace sundial::daemon
