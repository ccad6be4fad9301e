// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/usedapppicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/console/appruletable.h"
#include "ui/shared/categorynames.h"

namespace sundial::ui
{

namespace
{

constexpr int kKindRole = Qt::UserRole; // "exe", "desktopId", "category" or "site"
constexpr int kValueRole = Qt::UserRole + 1;

} // namespace

UsedAppPicker::UsedAppPicker(const QString &childName, QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(tr("Asking what %1 used in the last 30 days…").arg(childName), this))
    , m_used(new QListWidget(this))
    , m_category(new QComboBox(this))
    , m_action(new QComboBox(this))
    , m_minutes(new QSpinBox(this))
{
    setObjectName(QStringLiteral("usedAppPicker"));
    setWindowTitle(tr("Add from what %1 used").arg(childName));
    m_status->setWordWrap(true);
    m_used->setObjectName(QStringLiteral("usedList"));
    m_used->setAccessibleName(tr("Apps and sites %1 used; Space ticks one").arg(childName));
    m_category->setAccessibleName(tr("A whole category"));
    m_category->addItem(tr("(none)"), QString());
    for (const QString &category : CategoryNames::keys()) {
        m_category->addItem(CategoryNames::displayName(category), category);
    }
    m_action->setAccessibleName(tr("Action for the chosen apps and sites"));
    m_action->addItem(tr("Own daily budget"), QStringLiteral("budget"));
    m_action->addItem(tr("Blocked"), QStringLiteral("blocked"));
    m_action->addItem(tr("Always allowed"), QStringLiteral("alwaysAllowed"));
    m_minutes->setAccessibleName(tr("Daily minutes"));
    m_minutes->setRange(0, 24 * 60);
    m_minutes->setSingleStep(15);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" min"));
    connect(m_action, &QComboBox::currentIndexChanged, this,
        [this] { m_minutes->setEnabled(m_action->currentData().toString() == QLatin1String("budget")); });

    auto *choices = new QFormLayout;
    choices->addRow(tr("Also a whole &category:"), m_category);
    choices->addRow(tr("&Action:"), m_action);
    choices->addRow(tr("Daily &minutes:"), m_minutes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add rules"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_used, 1);
    layout->addLayout(choices);
    layout->addWidget(buttons);
    m_used->setFocus();
    resize(520, 560);
}

void UsedAppPicker::setUsage(const QJsonDocument &usage)
{
    m_used->clear();
    const QJsonObject report = usage.object();
    const auto add = [this](const QString &text, const QString &kind, const QString &value) {
        auto *item = new QListWidgetItem(text, m_used);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(kKindRole, kind);
        item->setData(kValueRole, value);
    };
    const auto minutes = [](const QJsonObject &entry) {
        return qMax(qint64 {1}, entry.value(QStringLiteral("activeSeconds")).toInteger() / 60);
    };
    for (const QJsonValue &value : report.value(QStringLiteral("apps")).toArray()) {
        const QJsonObject app = value.toObject();
        const QString name = app.value(QStringLiteral("name")).toString();
        if (name.isEmpty() || name == QLatin1String("unknown app")) {
            continue; // time no helper could name: there is nothing to match
        }
        const bool path = name.startsWith(QLatin1Char('/'));
        add(tr("%1 (program, %2 min)").arg(name).arg(minutes(app)),
            path ? QStringLiteral("exe") : QStringLiteral("desktopId"), name);
    }
    for (const QJsonValue &value : report.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject site = value.toObject();
        const QString domain = site.value(QStringLiteral("name")).toString();
        if (!domain.isEmpty()) {
            add(tr("%1 (site, %2 min)").arg(domain).arg(minutes(site)), QStringLiteral("site"), domain);
        }
    }
    for (const QJsonValue &value : report.value(QStringLiteral("categories")).toArray()) {
        const QJsonObject category = value.toObject();
        const QString name = category.value(QStringLiteral("name")).toString();
        if (!name.isEmpty()) {
            add(tr("%1 (category, %2 min)").arg(CategoryNames::displayName(name)).arg(minutes(category)),
                QStringLiteral("category"), name);
        }
    }
    m_status->setText(m_used->count() > 0 ? tr("Tick what the new rules are for (most used first):")
                                          : tr("Nothing was recorded in the last 30 days."));
    if (m_used->count() > 0) {
        m_used->setCurrentRow(0);
    }
}

void UsedAppPicker::setFailure(const QString &message)
{
    m_status->setText(tr("Could not ask what was used: %1").arg(message));
}

QJsonObject UsedAppPicker::withAction(QJsonObject rule) const
{
    const QString action = m_action->currentData().toString();
    rule[QStringLiteral("action")] = action;
    if (action == QLatin1String("budget")) {
        rule[QStringLiteral("dailyMinutes")] = m_minutes->value();
    }
    return rule;
}

QJsonArray UsedAppPicker::chosenAppRules() const
{
    QJsonArray rules;
    for (int row = 0; row < m_used->count(); ++row) {
        const QListWidgetItem *item = m_used->item(row);
        const QString kind = item->data(kKindRole).toString();
        if (item->checkState() == Qt::Checked && kind != QLatin1String("site")) {
            rules.append(
                withAction({{QStringLiteral("match"), QJsonObject {{kind, item->data(kValueRole).toString()}}}}));
        }
    }
    if (const QString category = m_category->currentData().toString(); !category.isEmpty()) {
        rules.append(withAction({{QStringLiteral("match"), QJsonObject {{QStringLiteral("category"), category}}},
            {QStringLiteral("label"), CategoryNames::displayName(category)}}));
    }
    return rules;
}

QJsonArray UsedAppPicker::chosenSiteRules() const
{
    QJsonArray rules;
    for (int row = 0; row < m_used->count(); ++row) {
        const QListWidgetItem *item = m_used->item(row);
        if (item->checkState() == Qt::Checked && item->data(kKindRole).toString() == QLatin1String("site")) {
            rules.append(withAction({{QStringLiteral("domain"), item->data(kValueRole).toString()}}));
        }
    }
    return rules;
}

} // namespace sundial::ui
