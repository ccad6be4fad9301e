// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsPage: what is recorded about a child and for how long, and the help line the child
// always sees. Saved into the child's rules through the service, which checks them.
#pragma once

#include "ui/console/consolepage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sundial::ui
{

class SettingsPage : public ConsolePage
{
    Q_OBJECT
public:
    SettingsPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    void save();

private:
    QComboBox *m_child;
    QCheckBox *m_titles;
    QCheckBox *m_urls;
    QSpinBox *m_activityDays;
    QSpinBox *m_dailyDays;
    QLineEdit *m_helpName;
    QLineEdit *m_helpPhone;
    QLineEdit *m_helpUrl;
    QLineEdit *m_helpNote;
    QLabel *m_message;
    QString m_rules; // the child's rules as last read, JSON
};

} // namespace sundial::ui
