// SPDX-License-Identifier: GPL-3.0-or-later
// StateDatabase: the service's open database and every store on it, made and replaced as one.
// The service holds one; when its file fails while running (Service::replaceDatabase), a new one
// is opened on a fresh file, everything that refers to the old one's stores is moved to the new
// one's, and only then is the old one destroyed: no reference outlives its store.
#pragma once

#include <memory>

#include "agent/core/activitystore.h"
#include "agent/core/auditlog.h"
#include "agent/core/childstore.h"
#include "agent/core/database.h"
#include "agent/core/grantstore.h"
#include "agent/core/requeststore.h"
#include "agent/core/rulestore.h"

namespace sundial::core
{

class StateDatabase
{
public:
    explicit StateDatabase(std::unique_ptr<Database> db);
    StateDatabase(const StateDatabase &) = delete;
    StateDatabase &operator=(const StateDatabase &) = delete;

    Database &database() { return *m_db; }
    ChildStore &children() { return m_children; }
    RuleStore &rules() { return m_rules; }
    GrantStore &grants() { return m_grants; }
    RequestStore &requests() { return m_requests; }
    AuditLog &audit() { return m_audit; }
    ActivityStore &activity() { return m_activity; }

private:
    std::unique_ptr<Database> m_db; // first: the stores below are made on it and go before it
    ChildStore m_children;
    RuleStore m_rules;
    GrantStore m_grants;
    RequestStore m_requests;
    AuditLog m_audit;
    ActivityStore m_activity;
};

} // namespace sundial::core
