// SPDX-License-Identifier: GPL-3.0-or-later
// OnlineSafetyPage: "Staying safe online" for parents: how to talk about life online, signs of
// bullying or grooming, what to do when something happens, and links to read more: the website
// of the help line the children see and the page Sundial took its number from (from the help line
// table; Sundial adds no address of its own).
#pragma once

#include <QList>
#include <QLocale>
#include <QVariantMap>

#include "ui/console/consolepage.h"
#include "ui/console/helplinetable.h"

class QLabel;

namespace sundial::ui
{

class OnlineSafetyPage : public ConsolePage
{
    Q_OBJECT
public:
    // Shows the line of `country`'s territory (HelpLineTable::defaultIndex) until the service
    // says which lines the children see.
    OnlineSafetyPage(
        AdminClient &client, const HelpLineTable &helpLines, const QLocale &country, QWidget *parent = nullptr);

    // Asks for each child's status; when every child has answered, shows their help lines. A
    // failed call leaves the links shown before (the window's banner says why).
    void refresh() override;

    // The links of the table's entries for the help lines in these statuses (Admin.GetChildStatus
    // maps: helpLineName, helpLinePhone, helpLineUrl), each once; the country's line when none of
    // them is in the table.
    void showSourcesFor(const QList<QVariantMap> &childStatuses);

private:
    HelpLineTable m_helpLines;
    QLocale m_country;
    QLabel *m_sources;
};

} // namespace sundial::ui
