// SPDX-License-Identifier: GPL-3.0-or-later
// RulesPage: the child's rules, saved through the service. Forms for every rule the core knows —
// Schedule (allowed hours on a grid, each day's budget), Apps and sites (rule tables, filled from
// what the child used), Limits (weekly budget, warnings, idle, lockout, day and week start) —
// and the JSON form (docs/RULES-JSON.md), which is the complete view. The JSON text is the one
// copy of the rules: leaving a form tab writes that tab's edits into it, leaving the JSON tab
// shows it in the forms again. A refusal is shown beside the field it names. Unsaved changes are
// kept until saved or reverted.
#pragma once

#include <array>

#include "ui/console/consolepage.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace sundial::ui
{

class AppRuleTable;
class LimitsForm;
class ScheduleGrid;
class SiteRuleTable;

class RulesPage : public ConsolePage
{
    Q_OBJECT
public:
    RulesPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    bool hasUnsavedChanges() const { return m_dirty; }
    // Sends the rules (with the current form tab's edits) to the service; the page then says
    // whether they were saved, and emits saveAnswered().
    void save();
    // Shows the service's refusal ("apps[2].dailyMinutes: ...") beside the field it names: that
    // field's tab becomes current, the message is shown next to it and it gets the focus. A
    // message naming no field the forms show goes to the page's message line.
    void showRefusal(const QString &message);

signals:
    void saveAnswered(bool saved);

private:
    // `json` with every form's edits written into it: the schedule's windows and daily budgets
    // always, the rule tables and limits only where the parent changed them. A text that is not
    // a JSON object is returned as it is (the service's answer names the problem).
    QString withForms(const QString &json) const;
    // Shows `json` in every form. A text that is not a JSON object leaves the forms as they are.
    void showForms(const QString &json);
    void clearRefusals();
    // Opens "Add from what <child> used…" with the last 30 days' usage.
    void pickFromUsage();

    QComboBox *m_child;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_editor;
    QWidget *m_scheduleTab;
    ScheduleGrid *m_grid;
    std::array<QSpinBox *, 7> m_budgets {};
    QLabel *m_scheduleError;
    QWidget *m_appsTab;
    QPushButton *m_pick; // before the tables: created first, it comes first in the Tab order
    AppRuleTable *m_apps;
    SiteRuleTable *m_sites;
    QWidget *m_limitsTab;
    LimitsForm *m_limits;
    QLabel *m_message;
    QWidget *m_shownTab = nullptr; // the tab shown before the current one, for the sync
    bool m_dirty = false;
};

} // namespace sundial::ui
