// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/scriptedsetup.h"

#include <iostream>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSet>

#include "ui/console/adminclient.h"
#include "ui/console/consolewindow.h"
#include "ui/console/setupwizard.h"

namespace sundial::ui
{

std::optional<QJsonObject> ScriptedSetup::readAnswers(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

ScriptedSetup::ScriptedSetup(ConsoleWindow &window, AdminClient &client, const QJsonObject &answers,
    const QString &screenshotDirectory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_answers(answers)
    , m_screenshotDirectory(screenshotDirectory)
{
    connect(&client, &AdminClient::failed, this, [](const QString &message) {
        std::cerr << "sundial-console: " << message.toStdString() << std::endl;
        QApplication::exit(1);
    });
}

void ScriptedSetup::start()
{
    m_window.resize(1000, 700);
    m_window.openSetup([this](SetupWizard *wizard) {
        connect(wizard, &SetupWizard::applied, wizard,
            [wizard](bool ok, const QStringList &problems) { printOutcome(wizard, ok, problems); });
        answer(wizard);
    });
}

void ScriptedSetup::answer(SetupWizard *wizard)
{
    QSet<uint> children;
    for (const QJsonValue &name : m_answers.value(QStringLiteral("children")).toArray()) {
        for (const LocalAccount &account : wizard->accounts()) {
            if (account.name == name.toString()) {
                children.insert(account.uid);
            }
        }
    }
    wizard->setChosenChildren(children);
    const QString starter = m_answers.value(QStringLiteral("starter")).toString();
    wizard->setStarter(starter == QLatin1String("daily") ? SetupWizard::Starter::EveryDay
            : starter == QLatin1String("record")         ? SetupWizard::Starter::RecordOnly
                                                         : SetupWizard::Starter::SchoolDays);
    const QString country = m_answers.value(QStringLiteral("helpLine")).toString();
    for (int i = 0; i < wizard->table().entries().size(); ++i) {
        if (wizard->table().entries()[i].country == country) {
            wizard->selectHelpLine(i);
            break;
        }
    }
    if (m_answers.contains(QStringLiteral("phone"))) {
        HelpLineEntry line;
        line.name = m_answers.value(QStringLiteral("name")).toString();
        line.phone = m_answers.value(QStringLiteral("phone")).toString();
        line.url = m_answers.value(QStringLiteral("url")).toString();
        line.note = m_answers.value(QStringLiteral("note")).toString();
        wizard->setHelpLineFields(line);
    }
    for (int step = 0; step < 3; ++step) {
        if (!m_screenshotDirectory.isEmpty()) {
            QDir {}.mkpath(m_screenshotDirectory);
            wizard->grab().save(m_screenshotDirectory + QStringLiteral("/setup-%1.png").arg(step + 1));
        }
        if (step < 2) {
            wizard->next();
        }
    }
    wizard->accept();
}

void ScriptedSetup::printOutcome(SetupWizard *wizard, bool ok, const QStringList &problems)
{
    QJsonObject outcome {{QStringLiteral("ok"), ok}, {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
        {QStringLiteral("completed"), SetupWizard::completed()},
        {QStringLiteral("helpLineName"), wizard->helpLine().name},
        {QStringLiteral("helpLinePhone"), wizard->helpLine().phone},
        {QStringLiteral("helpLineUrl"), wizard->helpLine().url},
        {QStringLiteral("helpLineNote"), wizard->helpLine().note}};
    if (const auto *message = wizard->findChild<QLabel *>(QStringLiteral("setupMessage"))) {
        outcome[QStringLiteral("setupMessage")] = message->text();
    }
    std::cout << QJsonDocument(outcome).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    QApplication::exit(ok ? 0 : 1);
}

} // namespace sundial::ui
