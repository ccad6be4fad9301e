// SPDX-License-Identifier: GPL-3.0-or-later
// RuleTable: an editable list of rules, one row of widgets per rule (the rules' JSON form, one
// object per row), with an Add button above and a Remove button on each row. Every cell widget
// is reachable with Tab and carries an accessible name ("Daily minutes, rule 2"). A refusal from
// the service is shown in a label under the table, with its row marked and the named cell
// focused. Subclasses say which columns exist and how a row reads and writes its rule.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QModelIndex>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace sundial::ui
{

class RuleTable : public QWidget
{
    Q_OBJECT
public:
    // Replaces every row with `rules` (an "apps" or "sites" array). Not an edit: edited() is not
    // emitted and isEdited() becomes false.
    void setRules(const QJsonArray &rules);
    // The rows as the JSON form's array, in row order.
    QJsonArray rules() const;
    // Adds `rule` as a new last row; an edit.
    void appendRule(const QJsonObject &rule);
    // True once the parent changed something since setRules().
    bool isEdited() const { return m_edited; }
    int rowCount() const;
    // The widget in `row` at `column` (a subclass's column number); nullptr outside the table.
    QWidget *cell(int row, int column) const;

    // Shows `message` under the table, marks `row` and focuses the cell for `field` (the path
    // after "apps[i]", such as ".dailyMinutes"; empty for the rule as a whole). A row outside the
    // table only shows the message.
    void showError(int row, const QString &field, const QString &message);
    void clearError();
    // The row marked by showError(), or -1.
    int markedRow() const { return m_markedRow; }
    QLabel *errorLabel() const { return m_error; }

signals:
    void edited();

protected:
    // `columns` are the header texts (translated); `addText` labels the Add button. A last column
    // with each row's Remove button is added after them. `wideColumn` takes the spare width.
    RuleTable(const QStringList &columns, int wideColumn, const QString &addText, QWidget *parent);

    // Fills `row` (already inserted) with cell widgets showing `rule`; uses setCell().
    virtual void fillRow(int row, const QJsonObject &rule) = 0;
    // The rule a filled row shows.
    virtual QJsonObject rowRule(int row) const = 0;
    // The column for a field path after "apps[i]"/"sites[i]" (".match.exe", ".dailyMinutes", "").
    virtual int columnFor(const QString &field) const = 0;
    // What a new row starts as when the parent presses Add.
    virtual QJsonObject newRule() const = 0;

    // Puts `widget` in the cell and reports its changes as edits.
    void setCell(int row, int column, QWidget *widget);

    // Shared cells: a rule's action ("budget", "blocked", "alwaysAllowed") and its daily minutes,
    // which only a budget rule has. The minutes box is kept enabled only for budget rules.
    QComboBox *makeActionBox(const QJsonObject &rule);
    QSpinBox *makeMinutesBox(const QJsonObject &rule);
    void linkActionToMinutes(QComboBox *action, QSpinBox *minutes);
    // Writes "action" and, for a budget rule with minutes set, "dailyMinutes" into `rule`.
    static void writeAction(QJsonObject &rule, const QComboBox *action, const QSpinBox *minutes);

private:
    void removeRowOf(QWidget *removeButton);
    // The cell holding `cellWidget`; invalid when it is not in the table.
    QModelIndex indexOf(const QObject *cellWidget) const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Accessible names and Tab order follow the rows after any row change.
    void renumber();
    void markEdited();

    QTableWidget *m_table;
    QPushButton *m_add;
    QLabel *m_error;
    QStringList m_columns;
    int m_markedRow = -1;
    QPointer<QWidget> m_described; // the cell whose accessible description is the error
    bool m_loading = false;
    bool m_edited = false;
};

} // namespace sundial::ui
