// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/consolepage.h"

namespace sundial::ui
{

ConsolePage::ConsolePage(AdminClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
}

} // namespace sundial::ui
