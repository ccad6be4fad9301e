// SPDX-License-Identifier: GPL-3.0-or-later
// RulesPage: the child's rules in their JSON form (docs/RULES-JSON.md), saved through the
// service; a refusal is shown with the field it names. Unsaved changes are kept until saved or
// reverted. The Schedule tab paints allowed hours on a grid and sets each day's budget; the JSON
// tab shows everything else. (Per-app pickers come later.)
#pragma once

#include <array>

#include "ui/console/consolepage.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace sundial::ui
{

class ScheduleGrid;

class RulesPage : public ConsolePage
{
    Q_OBJECT
public:
    RulesPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    bool hasUnsavedChanges() const { return m_dirty; }
    // Sends the rules to the service; the page then says whether they were saved.
    void save();

private:
    // The JSON text with the schedule tab's windows and daily budgets written into it.
    QString withSchedule(const QString &json) const;
    void showSchedule(const QString &json);

    QComboBox *m_child;
    QPlainTextEdit *m_editor;
    ScheduleGrid *m_grid;
    std::array<QSpinBox *, 7> m_budgets {};
    QLabel *m_message;
    bool m_dirty = false;
};

} // namespace sundial::ui
