// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/ruletable.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sundial::ui
{

namespace
{

// A budget rule whose minutes box shows this ("not set") is sent without "dailyMinutes": the
// service's refusal then points at the box, rather than the form guessing a budget.
constexpr int kNoMinutes = -1;

} // namespace

RuleTable::RuleTable(const QStringList &columns, int wideColumn, const QString &addText, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, int(columns.size()) + 1, this))
    , m_add(new QPushButton(addText, this))
    , m_error(new QLabel(this))
    , m_columns(columns)
{
    QStringList headers = columns;
    headers << QString();
    m_table->setHorizontalHeaderLabels(headers);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(wideColumn, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab walks through the cell widgets, not the table's items.
    m_table->setTabKeyNavigation(false);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    m_add->setObjectName(QStringLiteral("addRule"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        appendRule(newRule());
        if (QWidget *first = cell(rowCount() - 1, 0)) {
            first->setFocus(Qt::TabFocusReason);
        }
    });
}

void RuleTable::setRules(const QJsonArray &rules)
{
    m_loading = true;
    clearError();
    m_table->setRowCount(0);
    for (const QJsonValue &rule : rules) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        fillRow(row, rule.toObject());
    }
    renumber();
    m_loading = false;
    m_edited = false;
}

QJsonArray RuleTable::rules() const
{
    QJsonArray out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        out.append(rowRule(row));
    }
    return out;
}

void RuleTable::appendRule(const QJsonObject &rule)
{
    const bool loading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    fillRow(row, rule);
    renumber();
    m_loading = loading;
    markEdited();
}

int RuleTable::rowCount() const
{
    return m_table->rowCount();
}

QWidget *RuleTable::cell(int row, int column) const
{
    if (row < 0 || row >= m_table->rowCount() || column < 0 || column > m_columns.size()) {
        return nullptr;
    }
    return m_table->cellWidget(row, column);
}

void RuleTable::showError(int row, const QString &field, const QString &message)
{
    clearError();
    m_error->show();
    if (row < 0 || row >= m_table->rowCount()) {
        m_error->setText(message);
        return;
    }
    m_error->setText(tr("Rule %1: %2").arg(row + 1).arg(message));
    m_markedRow = row;
    auto *marker = new QTableWidgetItem(tr("⚠ %1").arg(row + 1));
    marker->setToolTip(message);
    marker->setForeground(QColor(0xb0, 0x00, 0x20));
    m_table->setVerticalHeaderItem(row, marker);
    m_table->selectRow(row);
    if (QWidget *target = cell(row, columnFor(field))) {
        m_table->scrollTo(m_table->model()->index(row, columnFor(field)));
        // A screen reader says why when the focus lands there.
        target->setAccessibleDescription(message);
        m_described = target;
        target->setFocus(Qt::OtherFocusReason);
    }
}

void RuleTable::clearError()
{
    if (m_markedRow >= 0 && m_markedRow < m_table->rowCount()) {
        delete m_table->takeVerticalHeaderItem(m_markedRow);
    }
    m_markedRow = -1;
    if (m_described) {
        m_described->setAccessibleDescription(QString());
    }
    m_table->clearSelection();
    m_error->clear();
    m_error->hide();
}

void RuleTable::setCell(int row, int column, QWidget *widget)
{
    m_table->setCellWidget(row, column, widget);
    widget->installEventFilter(this);
    if (auto *box = qobject_cast<QComboBox *>(widget)) {
        connect(box, &QComboBox::currentIndexChanged, this, &RuleTable::markEdited);
        connect(box, &QComboBox::editTextChanged, this, &RuleTable::markEdited);
    } else if (auto *spin = qobject_cast<QSpinBox *>(widget)) {
        connect(spin, &QSpinBox::valueChanged, this, &RuleTable::markEdited);
    } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        connect(line, &QLineEdit::textChanged, this, &RuleTable::markEdited);
    }
}

QComboBox *RuleTable::makeActionBox(const QJsonObject &rule)
{
    auto *box = new QComboBox;
    box->addItem(tr("Own daily budget"), QStringLiteral("budget"));
    box->addItem(tr("Blocked"), QStringLiteral("blocked"));
    box->addItem(tr("Always allowed"), QStringLiteral("alwaysAllowed"));
    const int index = box->findData(rule.value(QStringLiteral("action")).toString(QStringLiteral("budget")));
    box->setCurrentIndex(qMax(0, index));
    return box;
}

QSpinBox *RuleTable::makeMinutesBox(const QJsonObject &rule)
{
    auto *spin = new QSpinBox;
    spin->setRange(kNoMinutes, 24 * 60);
    spin->setSingleStep(15);
    spin->setSpecialValueText(tr("not set"));
    spin->setSuffix(tr(" min"));
    const QJsonValue minutes = rule.value(QStringLiteral("dailyMinutes"));
    spin->setValue(minutes.isDouble() ? minutes.toInt() : kNoMinutes);
    return spin;
}

void RuleTable::linkActionToMinutes(QComboBox *action, QSpinBox *minutes)
{
    const auto isBudget = [action] { return action->currentData().toString() == QLatin1String("budget"); };
    minutes->setEnabled(isBudget());
    connect(action, &QComboBox::currentIndexChanged, minutes, [isBudget, minutes] {
        minutes->setEnabled(isBudget());
        // A rule the parent turns into a budget rule starts with a usable budget; one loaded
        // without minutes keeps showing "not set", so the service's refusal can point at it.
        if (isBudget() && minutes->value() == kNoMinutes) {
            minutes->setValue(60);
        }
    });
}

void RuleTable::writeAction(QJsonObject &rule, const QComboBox *action, const QSpinBox *minutes)
{
    const QString kind = action->currentData().toString();
    rule[QStringLiteral("action")] = kind;
    if (kind == QLatin1String("budget") && minutes->value() != kNoMinutes) {
        rule[QStringLiteral("dailyMinutes")] = minutes->value();
    }
}

void RuleTable::removeRowOf(QWidget *removeButton)
{
    const int row = indexOf(removeButton).row();
    if (row < 0) {
        return;
    }
    clearError();
    m_table->removeRow(row);
    renumber();
    markEdited();
    if (QWidget *next = cell(qMin(row, rowCount() - 1), 0)) {
        next->setFocus(Qt::TabFocusReason);
    } else {
        m_add->setFocus(Qt::TabFocusReason);
    }
}

QModelIndex RuleTable::indexOf(const QObject *cellWidget) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        for (int column = 0; column < m_table->columnCount(); ++column) {
            if (m_table->cellWidget(row, column) == cellWidget) {
                return m_table->model()->index(row, column);
            }
        }
    }
    return {};
}

bool RuleTable::eventFilter(QObject *watched, QEvent *event)
{
    // Tab into a cell that is scrolled away shows it.
    if (event->type() == QEvent::FocusIn) {
        if (const QModelIndex index = indexOf(watched); index.isValid()) {
            m_table->scrollTo(index);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RuleTable::renumber()
{
    const int removeColumn = int(m_columns.size());
    // Add comes first (setTabOrder() ignores the table itself, which takes no focus).
    QWidget *previous = m_add;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!m_table->cellWidget(row, removeColumn)) {
            auto *remove = new QPushButton(tr("Remove"));
            connect(remove, &QPushButton::clicked, this, [this, remove] { removeRowOf(remove); });
            m_table->setCellWidget(row, removeColumn, remove);
        }
        for (int column = 0; column <= removeColumn; ++column) {
            QWidget *widget = m_table->cellWidget(row, column);
            if (!widget) {
                continue;
            }
            widget->setAccessibleName(column == removeColumn ? tr("Remove rule %1").arg(row + 1)
                                                             : tr("%1, rule %2").arg(m_columns[column]).arg(row + 1));
            setTabOrder(previous, widget);
            previous = widget;
        }
    }
}

void RuleTable::markEdited()
{
    if (!m_loading) {
        m_edited = true;
        emit edited();
    }
}

} // namespace sundial::ui
