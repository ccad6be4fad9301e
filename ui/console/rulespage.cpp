// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/rulespage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"
#include "ui/console/schedulegrid.h"

namespace sundial::ui
{

RulesPage::RulesPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    m_editor->setObjectName(QStringLiteral("rulesEditor"));
    m_editor->setAccessibleName(tr("Rules"));
    m_editor->setFont(QFont(QStringLiteral("monospace")));
    m_message->setObjectName(QStringLiteral("rulesMessage"));
    m_message->setWordWrap(true);
    auto *save = new QPushButton(tr("Save rules"), this);
    auto *revert = new QPushButton(tr("Revert"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Child:"), this));
    top->addWidget(m_child);
    top->addStretch();
    top->addWidget(revert);
    top->addWidget(save);
    m_grid = new ScheduleGrid(this);
    m_grid->setObjectName(QStringLiteral("scheduleGrid"));
    auto *schedule = new QWidget(this);
    auto *scheduleLayout = new QVBoxLayout(schedule);
    scheduleLayout->addWidget(
        new QLabel(tr("Allowed hours (drag to paint, drag from a painted cell to clear):"), this));
    scheduleLayout->addWidget(m_grid, 1);
    auto *budgets = new QHBoxLayout;
    for (int day = 0; day < 7; ++day) {
        auto *spin = new QSpinBox(this);
        spin->setRange(-15, 24 * 60);
        spin->setSingleStep(15);
        spin->setSpecialValueText(tr("no limit"));
        spin->setSuffix(tr(" min"));
        spin->setAccessibleName(tr("Budget for %1").arg(QLocale().dayName(day + 1)));
        spin->setObjectName(QStringLiteral("budget-%1").arg(day));
        m_budgets[std::size_t(day)] = spin;
        budgets->addWidget(new QLabel(QLocale().dayName(day + 1, QLocale::ShortFormat), this));
        budgets->addWidget(spin);
        connect(spin, &QSpinBox::valueChanged, this, [this] { m_dirty = true; });
    }
    scheduleLayout->addLayout(budgets);
    connect(m_grid, &ScheduleGrid::edited, this, [this] { m_dirty = true; });
    auto *tabs = new QTabWidget(this);
    tabs->addTab(schedule, tr("Schedule"));
    tabs->addTab(m_editor, tr("All rules (JSON)"));
    // Switching to the JSON tab shows the painted schedule in it.
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs](int index) {
        if (tabs->widget(index) == m_editor) {
            const bool dirty = m_dirty;
            m_editor->setPlainText(withSchedule(m_editor->toPlainText()));
            m_dirty = dirty;
        } else {
            showSchedule(m_editor->toPlainText());
        }
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(tabs, 1);
    connect(save, &QPushButton::clicked, this, &RulesPage::save);
    connect(revert, &QPushButton::clicked, this, [this] {
        m_dirty = false;
        refresh();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { m_dirty = true; });
    connect(m_child, &QComboBox::activated, this, &RulesPage::refresh);
}

void RulesPage::refresh()
{
    if (m_dirty) {
        emit loaded(); // never replace what the parent is editing
        return;
    }
    m_client.listChildren([this](const QJsonDocument &children) {
        fillChildren(*m_child, children);
        if (m_child->count() == 0) {
            emit loaded();
            return;
        }
        m_client.getRules(uint(m_child->currentData().toLongLong()), [this](const QString &rules) {
            m_editor->setPlainText(rules);
            showSchedule(rules);
            m_dirty = false;
            m_message->setText(tr("The rules' format is described in docs/RULES-JSON.md."));
            emit loaded();
        });
    });
}

void RulesPage::save()
{
    if (m_child->count() == 0) {
        return;
    }
    m_client.setRules(
        uint(m_child->currentData().toLongLong()), m_editor->toPlainText(),
        [this] {
            m_dirty = false;
            m_message->setText(tr("Saved. The new rules apply now."));
        },
        [this](const QString &error) { m_message->setText(tr("Not saved: %1").arg(error)); });
}

namespace
{

// The rules' JSON day keys, Monday first (the grid's row order).
const std::array<QString, 7> kDayKeys {QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
    QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("sunday")};

} // namespace

QString RulesPage::withSchedule(const QString &json) const
{
    QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject()) {
        return json; // leave a broken text to the service's error message
    }
    QJsonObject rules = document.object();
    QJsonObject days = rules.value(QStringLiteral("days")).toObject();
    const std::array<QStringList, 7> windows = m_grid->windows();
    for (std::size_t day = 0; day < 7; ++day) {
        QJsonObject entry = days.value(kDayKeys[day]).toObject();
        entry[QStringLiteral("windows")] = QJsonArray::fromStringList(windows[day]);
        const int budget = m_budgets[day]->value();
        entry[QStringLiteral("budgetMinutes")] = m_grid->dayBlocked(int(day)) ? QJsonValue(0)
            : budget < 0                                                      ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(budget);
        days[kDayKeys[day]] = entry;
    }
    rules[QStringLiteral("days")] = days;
    return QString::fromUtf8(QJsonDocument(rules).toJson(QJsonDocument::Indented));
}

void RulesPage::showSchedule(const QString &json)
{
    const QJsonObject days = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("days")).toObject();
    std::array<QStringList, 7> windows;
    for (std::size_t day = 0; day < 7; ++day) {
        const QJsonObject entry = days.value(kDayKeys[day]).toObject();
        for (const QJsonValue &window : entry.value(QStringLiteral("windows")).toArray()) {
            windows[day] << window.toString();
        }
        const QJsonValue budget = entry.value(QStringLiteral("budgetMinutes"));
        const bool dirty = m_dirty;
        m_budgets[day]->setValue(budget.isDouble() ? budget.toInt() : -15);
        m_dirty = dirty;
    }
    const bool dirty = m_dirty;
    m_grid->setWindows(windows);
    m_dirty = dirty;
}

} // namespace sundial::ui
