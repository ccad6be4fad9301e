// SPDX-License-Identifier: GPL-3.0-or-later
// UsedAppPicker: "Add from what <child> used…". Lists the apps, sites and categories of an
// Admin.Usage report (most used first) to tick, plus any freedesktop main category, and turns
// the choice into new app and site rules with one action for all of them.
#pragma once

#include <QDialog>
#include <QJsonArray>

class QComboBox;
class QJsonDocument;
class QLabel;
class QListWidget;
class QSpinBox;

namespace sundial::ui
{

class UsedAppPicker : public QDialog
{
    Q_OBJECT
public:
    UsedAppPicker(const QString &childName, QWidget *parent = nullptr);

    // Lists what the report says the child used. A usage app is named by its desktop id, or
    // by its executable path when it has none (the report's "name").
    void setUsage(const QJsonDocument &usage);
    // Says why nothing is listed (the service's answer).
    void setFailure(const QString &message);

    // The ticked apps and used categories, and the chosen category, as "apps" rules.
    QJsonArray chosenAppRules() const;
    // The ticked sites as "sites" rules.
    QJsonArray chosenSiteRules() const;
    QListWidget *usedList() const { return m_used; }
    QComboBox *categoryBox() const { return m_category; }
    QComboBox *actionBox() const { return m_action; }

private:
    // Writes the chosen action (and minutes for a budget) into `rule`.
    QJsonObject withAction(QJsonObject rule) const;

    QLabel *m_status;
    QListWidget *m_used;
    QComboBox *m_category;
    QComboBox *m_action;
    QSpinBox *m_minutes;
};

} // namespace sundial::ui
