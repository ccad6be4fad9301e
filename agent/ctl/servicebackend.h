// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceBackend: sundialctl's commands answered by the running service (org.sundial.Agent1 on
// the system bus, or the try-out service on the session bus). The service decides what the
// caller may do from the bus's credentials; its errors keep their names and messages.
#pragma once

#include "agent/ctl/serviceclient.h"
#include "agent/ctl/sundialbackend.h"

namespace sundial::ctl
{

class ServiceBackend final : public SundialBackend
{
public:
    explicit ServiceBackend(bool sessionBus);

    core::Result<std::vector<core::Child>> children() override;
    core::Status addChild(std::int64_t uid) override;
    core::Status removeChild(std::int64_t uid) override;
    core::Result<nlohmann::json> status(std::optional<std::int64_t> child) override;
    core::Result<core::LocalDate> today(std::int64_t child) override;
    core::Result<std::string> rules(std::int64_t child) override;
    core::Result<std::int64_t> setRules(std::int64_t child, const std::string &rulesJson) override;
    // The service keeps no history to list: always an error.
    core::Result<std::vector<core::RuleVersion>> rulesHistory(std::int64_t child) override;
    core::Status grantExtraTime(std::int64_t child, std::chrono::minutes extra) override;
    core::Status grantFreeUntil(std::int64_t child, core::TimeOfDay until) override;
    core::Result<std::int64_t> requestMoreTime(std::chrono::minutes minutes, const std::string &reason) override;
    core::Result<std::vector<core::TimeRequest>> requests(bool pendingOnly, std::int64_t beforeId, int limit) override;
    core::Status answerRequest(std::int64_t id, std::chrono::minutes granted) override;
    core::Result<std::string> usage(std::int64_t child, core::LocalDate from, core::LocalDate to) override;
    core::Result<std::vector<core::TimelineEntry>> timeline(std::int64_t child, core::LocalDate day) override;
    core::Result<AuditTrail> audit() override;
    core::Status acceptClockChange() override;
    // A demo state is made on a state directory, never through the service: always an error.
    core::Result<DemoState> createDemo() override;

private:
    // The method's first result as text (the JSON answers), or its error.
    core::Result<std::string> text(const QString &interface, const QString &method, const QVariantList &arguments = {});
    core::Status done(const QString &interface, const QString &method, const QVariantList &arguments = {});

    ServiceClient m_client;
};

} // namespace sundial::ctl
