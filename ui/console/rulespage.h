// SPDX-License-Identifier: GPL-3.0-or-later
// RulesPage: the child's rules in their JSON form (docs/RULES-JSON.md), saved through the
// service; a refusal is shown with the field it names. Unsaved changes are kept until saved or
// reverted. (The weekly schedule grid and per-app pickers come later.)
#pragma once

#include "ui/console/consolepage.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace sundial::ui
{

class RulesPage : public ConsolePage
{
    Q_OBJECT
public:
    RulesPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    bool hasUnsavedChanges() const { return m_dirty; }

private:
    void save();

    QComboBox *m_child;
    QPlainTextEdit *m_editor;
    QLabel *m_message;
    bool m_dirty = false;
};

} // namespace sundial::ui
