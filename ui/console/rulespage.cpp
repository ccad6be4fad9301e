// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/rulespage.h"

#include <algorithm>

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"
#include "ui/console/appruletable.h"
#include "ui/console/limitsform.h"
#include "ui/console/schedulegrid.h"
#include "ui/console/siteruletable.h"
#include "ui/console/usedapppicker.h"

namespace sundial::ui
{

namespace
{

// The rules' JSON day keys, Monday first (the grid's row order).
const std::array<QString, 7> kDayKeys {QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
    QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("sunday")};

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

} // namespace

RulesPage::RulesPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_scheduleTab(new QWidget(this))
    , m_grid(new ScheduleGrid(this))
    , m_scheduleError(errorLabel(QStringLiteral("scheduleError"), this))
    , m_appsTab(new QWidget(this))
    , m_pick(new QPushButton(this))
    , m_apps(new AppRuleTable(this))
    , m_sites(new SiteRuleTable(this))
    , m_limitsTab(new QScrollArea(this))
    , m_limits(new LimitsForm)
    , m_message(new QLabel(this))
{
    m_child->setAccessibleName(tr("Child"));
    m_editor->setObjectName(QStringLiteral("rulesEditor"));
    m_editor->setAccessibleName(tr("Rules"));
    m_editor->setFont(QFont(QStringLiteral("monospace")));
    m_message->setObjectName(QStringLiteral("rulesMessage"));
    m_message->setWordWrap(true);
    auto *save = new QPushButton(tr("Save rules"), this);
    save->setObjectName(QStringLiteral("saveRules"));
    auto *revert = new QPushButton(tr("Revert"), this);
    revert->setObjectName(QStringLiteral("revertRules"));
    auto *top = new QHBoxLayout;
    auto *childLabel = new QLabel(tr("C&hild:"), this);
    childLabel->setBuddy(m_child);
    top->addWidget(childLabel);
    top->addWidget(m_child);
    top->addStretch();
    top->addWidget(revert);
    top->addWidget(save);

    m_grid->setObjectName(QStringLiteral("scheduleGrid"));
    m_grid->setAccessibleName(tr("Allowed hours"));
    auto *scheduleLayout = new QVBoxLayout(m_scheduleTab);
    scheduleLayout->addWidget(
        new QLabel(tr("Allowed hours (drag to paint, drag from a painted cell to clear):"), this));
    scheduleLayout->addWidget(m_grid, 1);
    scheduleLayout->addWidget(m_scheduleError);
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

    m_pick->setObjectName(QStringLiteral("pickFromUsage"));
    m_pick->setText(tr("Add from what the child used…"));
    auto *appsLayout = new QVBoxLayout(m_appsTab);
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(m_pick);
    pickRow->addStretch();
    appsLayout->addLayout(pickRow);
    auto *appsTitle = new QLabel(
        tr("Apps (a rule for an app beats its category's; blocked beats always allowed beats a budget):"), this);
    appsTitle->setWordWrap(true); // long in some languages: it wraps rather than widening the window
    appsTitle->setBuddy(m_apps);
    appsLayout->addWidget(appsTitle);
    appsLayout->addWidget(m_apps, 1);
    auto *sitesTitle = new QLabel(tr("Sites (a domain covers its subdomains; the longest match applies):"), this);
    sitesTitle->setWordWrap(true);
    sitesTitle->setBuddy(m_sites);
    appsLayout->addWidget(sitesTitle);
    appsLayout->addWidget(m_sites, 1);
    connect(m_apps, &RuleTable::edited, this, [this] { m_dirty = true; });
    connect(m_sites, &RuleTable::edited, this, [this] { m_dirty = true; });
    connect(m_pick, &QPushButton::clicked, this, &RulesPage::pickFromUsage);

    auto *limitsScroll = static_cast<QScrollArea *>(m_limitsTab);
    limitsScroll->setWidgetResizable(true);
    limitsScroll->setFrameShape(QFrame::NoFrame);
    limitsScroll->setWidget(m_limits);
    connect(m_limits, &LimitsForm::edited, this, [this] { m_dirty = true; });

    m_tabs->setObjectName(QStringLiteral("rulesTabs"));
    m_scheduleTab->setObjectName(QStringLiteral("scheduleTab"));
    m_appsTab->setObjectName(QStringLiteral("appsTab"));
    m_limitsTab->setObjectName(QStringLiteral("limitsTab"));
    m_tabs->addTab(m_scheduleTab, tr("&Schedule"));
    m_tabs->addTab(m_appsTab, tr("&Apps and sites"));
    m_tabs->addTab(m_limitsTab, tr("&Limits"));
    m_tabs->addTab(m_editor, tr("All rules (&JSON)"));
    m_shownTab = m_tabs->currentWidget();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget *now = m_tabs->widget(index);
        const bool dirty = m_dirty;
        if (m_shownTab != m_editor) {
            m_editor->setPlainText(withForms(m_editor->toPlainText()));
        } else if (now != m_editor) {
            showForms(m_editor->toPlainText());
        }
        m_dirty = dirty;
        m_shownTab = now;
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
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
        m_pick->setText(tr("Add from what %1 used…").arg(m_child->currentText()));
        m_client.getRules(uint(m_child->currentData().toLongLong()), [this](const QString &rules) {
            m_editor->setPlainText(rules);
            showForms(rules);
            m_dirty = false;
            clearRefusals();
            m_message->setText(tr("Saved rules apply at once. A mistake is not saved: the field it is in is marked, "
                                  "with what to write instead."));
            emit loaded();
        });
    });
}

void RulesPage::save()
{
    if (m_child->count() == 0) {
        return;
    }
    clearRefusals();
    QString json = m_editor->toPlainText();
    // On a form tab the forms hold the latest edits; on the JSON tab the text does.
    if (m_tabs->currentWidget() != m_editor) {
        json = withForms(json);
        const bool dirty = m_dirty;
        m_editor->setPlainText(json);
        m_dirty = dirty;
    }
    m_client.setRules(
        uint(m_child->currentData().toLongLong()), json,
        [this] {
            m_dirty = false;
            m_message->setText(tr("Saved. The new rules apply now."));
            emit saveAnswered(true);
        },
        [this](const QString &error) {
            showRefusal(error);
            emit saveAnswered(false);
        });
}

void RulesPage::showRefusal(const QString &message)
{
    // The service's refusals start with the field's path: "days.monday.windows[1]: ...".
    static const QRegularExpression withPath(
        QStringLiteral(R"(^([A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+(?:\[\d+\])?)*): (.*)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression dayPath(QStringLiteral(R"(^days\.([a-z]+)(.*)$)"));
    static const QRegularExpression rulePath(QStringLiteral(R"(^(apps|sites)\[(\d+)\](.*)$)"));
    clearRefusals();
    const QRegularExpressionMatch field = withPath.match(message);
    const QString path = field.captured(1);
    const QString detail = field.captured(2);
    const QString marked = tr("Not saved: correct the marked field.");
    if (const QRegularExpressionMatch day = dayPath.match(path); field.hasMatch() && day.hasMatch()) {
        const auto key = std::find(kDayKeys.begin(), kDayKeys.end(), day.captured(1));
        if (key != kDayKeys.end()) {
            const int index = int(key - kDayKeys.begin());
            m_tabs->setCurrentWidget(m_scheduleTab);
            m_scheduleError->setText(tr("%1: %2").arg(QLocale().dayName(index + 1), detail));
            m_scheduleError->show();
            if (day.captured(2).startsWith(QLatin1String(".budgetMinutes"))) {
                m_budgets[std::size_t(index)]->setFocus(Qt::OtherFocusReason);
            } else {
                m_grid->setFocus(Qt::OtherFocusReason);
            }
            m_message->setText(marked);
            return;
        }
    }
    if (const QRegularExpressionMatch rule = rulePath.match(path); field.hasMatch() && rule.hasMatch()) {
        m_tabs->setCurrentWidget(m_appsTab);
        RuleTable *table = rule.captured(1) == QLatin1String("apps") ? static_cast<RuleTable *>(m_apps) : m_sites;
        table->showError(rule.captured(2).toInt(), rule.captured(3), detail);
        m_message->setText(marked);
        return;
    }
    if (field.hasMatch() && m_limits->hasField(path)) {
        // Current first: leaving the JSON tab shows its text in the forms, clearing old marks.
        m_tabs->setCurrentWidget(m_limitsTab);
        m_limits->showError(path, detail);
        m_message->setText(marked);
        return;
    }
    m_message->setText(tr("Not saved: %1").arg(message));
}

void RulesPage::clearRefusals()
{
    m_scheduleError->clear();
    m_scheduleError->hide();
    m_apps->clearError();
    m_sites->clearError();
    m_limits->clearErrors();
}

QString RulesPage::withForms(const QString &json) const
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
    if (m_apps->isEdited()) {
        rules[QStringLiteral("apps")] = m_apps->rules();
    }
    if (m_sites->isEdited()) {
        rules[QStringLiteral("sites")] = m_sites->rules();
    }
    m_limits->writeTo(rules);
    return QString::fromUtf8(QJsonDocument(rules).toJson(QJsonDocument::Indented));
}

void RulesPage::showForms(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject()) {
        m_message->setText(tr("The JSON text cannot be read, so the forms still show the rules before the last "
                              "edit there. Correct it on the JSON tab."));
        return;
    }
    const QJsonObject rules = document.object();
    const bool dirty = m_dirty;
    const QJsonObject days = rules.value(QStringLiteral("days")).toObject();
    std::array<QStringList, 7> windows;
    for (std::size_t day = 0; day < 7; ++day) {
        const QJsonObject entry = days.value(kDayKeys[day]).toObject();
        for (const QJsonValue &window : entry.value(QStringLiteral("windows")).toArray()) {
            windows[day] << window.toString();
        }
        const QJsonValue budget = entry.value(QStringLiteral("budgetMinutes"));
        m_budgets[day]->setValue(budget.isDouble() ? budget.toInt() : -15);
    }
    m_grid->setWindows(windows);
    m_apps->setRules(rules.value(QStringLiteral("apps")).toArray());
    m_sites->setRules(rules.value(QStringLiteral("sites")).toArray());
    m_limits->setFrom(rules);
    m_dirty = dirty;
}

void RulesPage::pickFromUsage()
{
    if (m_child->count() == 0) {
        return;
    }
    auto *picker = new UsedAppPicker(m_child->currentText(), this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        for (const QJsonValue &rule : picker->chosenAppRules()) {
            m_apps->appendRule(rule.toObject());
        }
        for (const QJsonValue &rule : picker->chosenSiteRules()) {
            m_sites->appendRule(rule.toObject());
        }
    });
    picker->open();
    const QDate today = QDate::currentDate();
    const QPointer<UsedAppPicker> alive(picker);
    m_client.usage(
        uint(m_child->currentData().toLongLong()), today.addDays(-29), today,
        [alive](const QJsonDocument &usage) {
            if (alive) {
                alive->setUsage(usage);
            }
        },
        [alive](const QString &error) {
            if (alive) {
                alive->setFailure(error);
            }
        });
}

} // namespace sundial::ui
