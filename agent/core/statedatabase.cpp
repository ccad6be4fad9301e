// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/statedatabase.h"

namespace sundial::core
{

StateDatabase::StateDatabase(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_children(*m_db)
    , m_rules(*m_db)
    , m_grants(*m_db)
    , m_requests(*m_db)
    , m_audit(*m_db)
    , m_activity(*m_db)
{
}

} // namespace sundial::core
