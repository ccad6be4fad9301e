// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/setupwizard.h"

#include <algorithm>
#include <grp.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QWizardPage>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

namespace
{

constexpr const char *kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

QSettings settings()
{
    return QSettings(QStringLiteral("sundial"), QStringLiteral("sundial-console"));
}

// Members of the usual administrator groups are parents, not children: never preselected.
bool isAdministrator(const QString &name)
{
    for (const char *groupName : {"sudo", "admin", "wheel", "sundial-admin"}) {
        const group *entry = getgrnam(groupName);
        if (!entry) {
            continue;
        }
        for (char **member = entry->gr_mem; member && *member; ++member) {
            if (name == QString::fromLocal8Bit(*member)) {
                return true;
            }
        }
    }
    return false;
}

// The first step may only go on with at least one child chosen.
class ChildrenStep : public QWizardPage
{
public:
    explicit ChildrenStep(const QList<QCheckBox *> &boxes)
        : m_boxes(boxes)
    {
    }
    bool isComplete() const override
    {
        return std::any_of(m_boxes.begin(), m_boxes.end(), [](const QCheckBox *box) { return box->isChecked(); });
    }

private:
    const QList<QCheckBox *> &m_boxes;
};

} // namespace

SetupWizard::SetupWizard(AdminClient &client, const QList<LocalAccount> &accounts, const QSet<uint> &limited,
    const HelpLineTable &table, int defaultHelpLine, uint currentUid, QWidget *parent)
    : QWizard(parent)
    , m_client(client)
    , m_accounts(accounts)
    , m_limited(limited)
    , m_table(table)
    , m_starters(new QButtonGroup(this))
    , m_helpChoice(new QComboBox)
    , m_helpName(new QLineEdit)
    , m_helpPhone(new QLineEdit)
    , m_helpUrl(new QLineEdit)
    , m_helpNote(new QLineEdit)
    , m_helpSource(new QLabel)
    , m_message(new QLabel)
{
    setWindowTitle(tr("Set up Sundial"));
    setObjectName(QStringLiteral("setupWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);

    // 1. Who are the children?
    auto *children = new ChildrenStep(m_accountBoxes);
    children->setTitle(tr("Which accounts belong to children?"));
    children->setSubTitle(tr("Sundial limits and records only the accounts you choose. Each child needs an "
                             "account of their own on this computer."));
    auto *childrenLayout = new QVBoxLayout(children);
    for (const LocalAccount &account : m_accounts) {
        const bool already = m_limited.contains(account.uid);
        auto *box = new QCheckBox(already ? tr("%1 — already limited").arg(account.label()) : account.label());
        box->setObjectName(QStringLiteral("account-%1").arg(account.name));
        box->setProperty("uid", account.uid);
        box->setChecked(already || (account.uid != currentUid && !isAdministrator(account.name)));
        if (already) {
            box->setToolTip(tr("Sundial limits this account already; its rules are set again from your choice."));
        }
        connect(box, &QCheckBox::toggled, children, &QWizardPage::completeChanged);
        m_accountBoxes.append(box);
        childrenLayout->addWidget(box);
    }
    if (m_accounts.isEmpty()) {
        auto *none = new QLabel(tr("This computer has no other user accounts. Create an account for each child "
                                   "first (in the system settings, or with \"sudo adduser NAME\"), then open "
                                   "this setup again from the Family menu."));
        none->setObjectName(QStringLiteral("noAccounts"));
        none->setWordWrap(true);
        childrenLayout->addWidget(none);
    }
    childrenLayout->addStretch();
    setPage(ChildrenPage, children);

    // 2. Starting rules.
    auto *starter = new QWizardPage;
    starter->setTitle(tr("Starting rules"));
    starter->setSubTitle(tr("A start you can change at any time on the Rules page, for each child."));
    auto *starterLayout = new QVBoxLayout(starter);
    const std::pair<Starter, QString> starters[] = {
        {Starter::SchoolDays, tr("School days 2 h, weekends 3 h, between 07:00 and 21:00")},
        {Starter::EveryDay, tr("Every day 1 h, between 08:00 and 20:00")},
        {Starter::RecordOnly, tr("Record only, no limits")},
    };
    static const char *const kStarterNames[] = {"starter-school", "starter-daily", "starter-record"};
    for (const auto &[id, text] : starters) {
        auto *button = new QRadioButton(text);
        button->setObjectName(QLatin1String(kStarterNames[int(id)]));
        m_starters->addButton(button, int(id));
        starterLayout->addWidget(button);
    }
    m_starters->button(int(Starter::SchoolDays))->setChecked(true);
    starterLayout->addStretch();
    setPage(StarterPage, starter);

    // 3. The help line.
    auto *help = new QWizardPage;
    help->setTitle(tr("The help line"));
    help->setSubTitle(tr("Children always see this help line, even when their time is up, and can always "
                         "reach its website. Check that it is right for your country."));
    auto *helpLayout = new QFormLayout(help);
    m_helpChoice->setObjectName(QStringLiteral("helpLineChoice"));
    for (const HelpLineEntry &entry : m_table.entries()) {
        m_helpChoice->addItem(entry.isInternational() ? tr("International — %1").arg(entry.name)
                                                      : QStringLiteral("%1 — %2").arg(entry.country, entry.name));
    }
    m_helpName->setObjectName(QStringLiteral("setupHelpName"));
    m_helpPhone->setObjectName(QStringLiteral("setupHelpPhone"));
    m_helpUrl->setObjectName(QStringLiteral("setupHelpUrl"));
    m_helpNote->setObjectName(QStringLiteral("setupHelpNote"));
    m_helpNote->setToolTip(tr("Shown to the child under the number. Say only what is true of this line."));
    m_helpSource->setObjectName(QStringLiteral("helpLineSource"));
    m_helpSource->setWordWrap(true);
    m_helpSource->setOpenExternalLinks(true);
    m_message->setObjectName(QStringLiteral("setupMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    helpLayout->addRow(tr("Help line:"), m_helpChoice);
    helpLayout->addRow(tr("Name:"), m_helpName);
    helpLayout->addRow(tr("Phone:"), m_helpPhone);
    helpLayout->addRow(tr("Website:"), m_helpUrl);
    helpLayout->addRow(tr("What it offers:"), m_helpNote);
    helpLayout->addRow(m_helpSource);
    helpLayout->addRow(m_message);
    connect(m_helpChoice, &QComboBox::currentIndexChanged, this, &SetupWizard::selectHelpLine);
    setPage(HelpLinePage, help);
    if (defaultHelpLine >= 0) {
        m_helpChoice->setCurrentIndex(defaultHelpLine);
        selectHelpLine(defaultHelpLine);
    }
    setButtonText(QWizard::FinishButton, tr("Start limiting"));
    // Qt's own texts are English without qtbase's translations (Debian 12 has no Vietnamese).
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

QSet<uint> SetupWizard::chosenChildren() const
{
    QSet<uint> uids;
    for (const QCheckBox *box : m_accountBoxes) {
        if (box->isChecked()) {
            uids.insert(box->property("uid").toUInt());
        }
    }
    return uids;
}

void SetupWizard::setChosenChildren(const QSet<uint> &uids)
{
    for (QCheckBox *box : m_accountBoxes) {
        box->setChecked(uids.contains(box->property("uid").toUInt()));
    }
}

SetupWizard::Starter SetupWizard::starter() const
{
    return Starter(m_starters->checkedId());
}

void SetupWizard::setStarter(Starter starter)
{
    m_starters->button(int(starter))->setChecked(true);
}

void SetupWizard::selectHelpLine(int index)
{
    if (index < 0 || index >= m_table.entries().size()) {
        return;
    }
    if (m_helpChoice->currentIndex() != index) {
        m_helpChoice->setCurrentIndex(index); // comes back here through currentIndexChanged
        return;
    }
    const HelpLineEntry &entry = m_table.entries()[index];
    setHelpLineFields(entry);
    QString source = tr("Source: <a href=\"%1\">%1</a>").arg(entry.source.toHtmlEscaped());
    if (!entry.comment.isEmpty()) {
        source += QStringLiteral("<br>") + entry.comment.toHtmlEscaped();
    }
    m_helpSource->setText(source);
}

void SetupWizard::setHelpLineFields(const HelpLineEntry &line)
{
    m_helpName->setText(line.name);
    m_helpPhone->setText(line.phone);
    m_helpUrl->setText(line.url);
    m_helpNote->setText(line.note);
}

HelpLineEntry SetupWizard::helpLine() const
{
    HelpLineEntry line;
    line.name = m_helpName->text().trimmed();
    line.phone = m_helpPhone->text().trimmed();
    line.url = m_helpUrl->text().trimmed();
    line.note = m_helpNote->text().trimmed();
    return line;
}

QString SetupWizard::withStarter(
    const QString &rulesJson, Starter starter, const HelpLineEntry &helpLine, QString *error)
{
    const QJsonDocument document = QJsonDocument::fromJson(rulesJson.toUtf8());
    if (!document.isObject()) {
        if (error) {
            *error = tr("Sundial's service sent rules it cannot read. Restart it (sudo systemctl restart "
                        "sundiald) and try again.");
        }
        return {};
    }
    QJsonObject rules = document.object();
    QJsonObject days;
    for (int i = 0; i < 7; ++i) {
        const bool weekend = i >= 5;
        QJsonObject day;
        switch (starter) {
        case Starter::SchoolDays:
            day[QStringLiteral("budgetMinutes")] = weekend ? 180 : 120;
            day[QStringLiteral("windows")] = QJsonArray {QStringLiteral("07:00-21:00")};
            break;
        case Starter::EveryDay:
            day[QStringLiteral("budgetMinutes")] = 60;
            day[QStringLiteral("windows")] = QJsonArray {QStringLiteral("08:00-20:00")};
            break;
        case Starter::RecordOnly:
            day[QStringLiteral("budgetMinutes")] = QJsonValue::Null;
            day[QStringLiteral("windows")] = QJsonArray {};
            break;
        }
        days[QLatin1String(kWeekdays[i])] = day;
    }
    rules[QStringLiteral("days")] = days;
    QJsonObject help = rules.value(QStringLiteral("helpLine")).toObject();
    help[QStringLiteral("name")] = helpLine.name;
    help[QStringLiteral("phone")] = helpLine.phone;
    help[QStringLiteral("url")] = helpLine.url;
    help[QStringLiteral("note")] = helpLine.note;
    rules[QStringLiteral("helpLine")] = help;
    return QString::fromUtf8(QJsonDocument(rules).toJson(QJsonDocument::Compact));
}

bool SetupWizard::completed()
{
    return settings().value(QStringLiteral("setup/completed"), false).toBool();
}

void SetupWizard::accept()
{
    if (m_applying) {
        return;
    }
    // A child always sees a help line; one with no way to reach it would be an empty promise.
    if (const HelpLineEntry line = helpLine(); line.phone.isEmpty() && line.url.isEmpty()) {
        m_message->setText(tr("Give the help line a phone number or a web address: the child sees it everywhere, "
                              "even when their time is up."));
        m_message->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
        m_message->setVisible(true);
        emit applied(false, {m_message->text()});
        return;
    }
    m_applying = true;
    m_problems.clear();
    m_queue.clear();
    for (const LocalAccount &account : m_accounts) {
        if (chosenChildren().contains(account.uid)) {
            m_queue.append(account.uid);
        }
    }
    m_message->setText(tr("Setting up…"));
    m_message->setStyleSheet({});
    m_message->setVisible(true);
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    applyNext();
}

void SetupWizard::applyNext()
{
    if (m_queue.isEmpty()) {
        finishApplying();
        return;
    }
    const uint uid = m_queue.takeFirst();
    QString who = QString::number(uid);
    for (const LocalAccount &account : m_accounts) {
        if (account.uid == uid) {
            who = account.label();
        }
    }
    if (m_limited.contains(uid)) {
        writeRules(uid, who);
        return;
    }
    m_client.addChild(
        uid,
        [this, uid, who] {
            m_limited.insert(uid); // a second Finish after a later failure does not add it again
            writeRules(uid, who);
        },
        [this, who](const QString &message) {
            m_problems.append(tr("%1 could not be limited: %2").arg(who, message));
            applyNext();
        });
}

void SetupWizard::writeRules(uint uid, const QString &who)
{
    const auto failed = [this, who](const QString &message) {
        m_problems.append(tr("The rules of %1 could not be set: %2").arg(who, message));
        applyNext();
    };
    m_client.getRules(
        uid,
        [this, uid, failed](const QString &current) {
            QString error;
            const QString rules = withStarter(current, starter(), helpLine(), &error);
            if (rules.isEmpty()) {
                failed(error);
                return;
            }
            m_client.setRules(
                uid, rules, [this] { applyNext(); }, failed);
        },
        failed);
}

void SetupWizard::finishApplying()
{
    m_applying = false;
    button(QWizard::FinishButton)->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(true);
    if (m_problems.isEmpty()) {
        settings().setValue(QStringLiteral("setup/completed"), true);
        m_message->setText(tr("Done: Sundial limits the chosen accounts from now on."));
        emit applied(true, {});
        QWizard::accept();
        return;
    }
    m_message->setText(
        tr("Not everything could be set up:") + QStringLiteral("\n• ") + m_problems.join(QStringLiteral("\n• ")));
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    emit applied(false, m_problems);
}

} // namespace sundial::ui
