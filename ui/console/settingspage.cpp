// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/settingspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

SettingsPage::SettingsPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_titles(new QCheckBox(tr("Record window titles"), this))
    , m_urls(new QCheckBox(tr("Record full web addresses (otherwise only the site's name)"), this))
    , m_activityDays(new QSpinBox(this))
    , m_dailyDays(new QSpinBox(this))
    , m_helpName(new QLineEdit(this))
    , m_helpPhone(new QLineEdit(this))
    , m_helpUrl(new QLineEdit(this))
    , m_helpNote(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_titles->setObjectName(QStringLiteral("recordTitles"));
    m_urls->setObjectName(QStringLiteral("recordFullUrls"));
    for (QSpinBox *days : {m_activityDays, m_dailyDays}) {
        days->setRange(1, 3650);
        days->setSuffix(tr(" days"));
    }
    m_helpName->setObjectName(QStringLiteral("helpLineName"));
    m_helpPhone->setObjectName(QStringLiteral("helpLinePhone"));
    m_helpUrl->setObjectName(QStringLiteral("helpLineUrl"));
    m_helpNote->setObjectName(QStringLiteral("helpLineNote"));
    m_helpNote->setToolTip(tr("Shown to the child under the number. Say only what is true of this line."));
    auto *privacy = new QGroupBox(tr("What is recorded"), this);
    auto *privacyLayout = new QFormLayout(privacy);
    privacyLayout->addRow(m_titles);
    privacyLayout->addRow(m_urls);
    privacyLayout->addRow(tr("Keep details for:"), m_activityDays);
    privacyLayout->addRow(tr("Keep daily totals for:"), m_dailyDays);
    auto *help = new QGroupBox(tr("Help line the child always sees"), this);
    auto *helpLayout = new QFormLayout(help);
    helpLayout->addRow(tr("Name:"), m_helpName);
    helpLayout->addRow(tr("Phone:"), m_helpPhone);
    helpLayout->addRow(tr("Web address:"), m_helpUrl);
    helpLayout->addRow(tr("What it offers:"), m_helpNote);
    auto *save = new QPushButton(tr("Save settings"), this);
    save->setObjectName(QStringLiteral("saveSettings"));
    auto *top = new QHBoxLayout;
    auto *childLabel = new QLabel(tr("&Child:"), this);
    childLabel->setBuddy(m_child);
    top->addWidget(childLabel);
    top->addWidget(m_child);
    top->addStretch();
    top->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(privacy);
    layout->addWidget(help);
    layout->addStretch();
    connect(save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_child, &QComboBox::activated, this, &SettingsPage::refresh);
}

void SettingsPage::refresh()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        fillChildren(*m_child, children);
        if (m_child->count() == 0) {
            emit loaded();
            return;
        }
        m_client.getRules(uint(m_child->currentData().toLongLong()), [this](const QString &json) {
            m_rules = json;
            const QJsonObject rules = QJsonDocument::fromJson(json.toUtf8()).object();
            const QJsonObject privacy = rules.value(QStringLiteral("privacy")).toObject();
            const QJsonObject help = rules.value(QStringLiteral("helpLine")).toObject();
            m_titles->setChecked(privacy.value(QStringLiteral("recordTitles")).toBool());
            m_urls->setChecked(privacy.value(QStringLiteral("recordFullUrls")).toBool());
            m_activityDays->setValue(privacy.value(QStringLiteral("activityRetentionDays")).toInt(30));
            m_dailyDays->setValue(privacy.value(QStringLiteral("dailyRetentionDays")).toInt(365));
            m_helpName->setText(help.value(QStringLiteral("name")).toString());
            m_helpPhone->setText(help.value(QStringLiteral("phone")).toString());
            m_helpUrl->setText(help.value(QStringLiteral("url")).toString());
            m_helpNote->setText(help.value(QStringLiteral("note")).toString());
            m_message->setText(tr("The child can see these settings in their own window."));
            if (!m_helpName->text().isEmpty() || !m_helpPhone->text().isEmpty() || !m_helpUrl->text().isEmpty()) {
                emit loaded();
                return;
            }
            // No line chosen: the child sees the service's default for this computer's country;
            // show that one, so that saving keeps what the child sees.
            m_client.childStatus(uint(m_child->currentData().toLongLong()), [this](const QVariantMap &status) {
                m_helpName->setText(status.value(QStringLiteral("helpLineName")).toString());
                m_helpPhone->setText(status.value(QStringLiteral("helpLinePhone")).toString());
                m_helpUrl->setText(status.value(QStringLiteral("helpLineUrl")).toString());
                m_helpNote->setText(status.value(QStringLiteral("helpLineNote")).toString());
                m_message->setText(tr("No help line was chosen for this child, so they see this one, this computer's "
                                      "default. Save to keep it, or change it."));
                emit loaded();
            });
        });
    });
}

void SettingsPage::save()
{
    if (m_child->count() == 0) {
        return;
    }
    // The child always sees a help line: one with no way to reach it is not saved (with the
    // fields cleared the child would see the country's line, which the parent may not expect).
    if (m_helpPhone->text().trimmed().isEmpty() && m_helpUrl->text().trimmed().isEmpty()) {
        m_message->setText(tr("Not saved: give the help line a phone number or a web address. The child sees it "
                              "everywhere, even when their time is up."));
        return;
    }
    QJsonObject rules = QJsonDocument::fromJson(m_rules.toUtf8()).object();
    QJsonObject privacy = rules.value(QStringLiteral("privacy")).toObject();
    privacy[QStringLiteral("recordTitles")] = m_titles->isChecked();
    privacy[QStringLiteral("recordFullUrls")] = m_urls->isChecked();
    privacy[QStringLiteral("activityRetentionDays")] = m_activityDays->value();
    privacy[QStringLiteral("dailyRetentionDays")] = m_dailyDays->value();
    rules[QStringLiteral("privacy")] = privacy;
    QJsonObject help = rules.value(QStringLiteral("helpLine")).toObject();
    help[QStringLiteral("name")] = m_helpName->text().trimmed();
    help[QStringLiteral("phone")] = m_helpPhone->text().trimmed();
    help[QStringLiteral("url")] = m_helpUrl->text().trimmed();
    help[QStringLiteral("note")] = m_helpNote->text().trimmed();
    rules[QStringLiteral("helpLine")] = help;
    const QString json = QString::fromUtf8(QJsonDocument(rules).toJson());
    m_client.setRules(
        uint(m_child->currentData().toLongLong()), json,
        [this, json] {
            m_rules = json;
            m_message->setText(tr("Saved."));
        },
        [this](const QString &error) { m_message->setText(tr("Not saved: %1").arg(error)); });
}

} // namespace sundial::ui
