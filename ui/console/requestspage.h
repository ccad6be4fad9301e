// SPDX-License-Identifier: GPL-3.0-or-later
// RequestsPage: pending and past requests for more time, with who answered, when and how much.
// Newest first, a page at a time: "Older requests" fetches the page before the last row shown,
// so a long history is never asked for (or held) at once.
#pragma once

#include "ui/console/consolepage.h"

class QJsonArray;
class QPushButton;
class QTableWidget;

namespace sundial::ui
{

class RequestsPage : public ConsolePage
{
    Q_OBJECT
public:
    // Requests asked for in one call (the service answers at most 200).
    static constexpr uint kPageSize = 100;

    RequestsPage(AdminClient &client, QWidget *parent = nullptr);
    // Shows the newest page again, dropping the older pages fetched.
    void refresh() override;

private:
    void fetchOlder();
    void append(const QJsonArray &page);

    QTableWidget *m_table;
    QPushButton *m_older;
    qint64 m_oldestShown = 0; // the id the next page starts below; 0 before the first page
};

} // namespace sundial::ui
