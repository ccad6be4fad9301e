// SPDX-License-Identifier: GPL-3.0-or-later
// ScriptedSetup: the first-run setup answered from a file, for tests (--setup-answers FILE).
// It fills the wizard the way a parent would, saves each step as setup-N.png when given a
// directory, presses Finish, prints the outcome as one line of JSON and ends the application
// (status 0 when the setup was applied, 1 when not or when the service failed).
#pragma once

#include <optional>

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace sundial::ui
{

class AdminClient;
class ConsoleWindow;
class SetupWizard;

class ScriptedSetup : public QObject
{
    Q_OBJECT
public:
    // The answers: {"children": [account names], "starter": "school" | "daily" | "record",
    // "helpLine": "default" | a country code, optional "name", "phone", "url"}. nullopt when the
    // file cannot be read.
    static std::optional<QJsonObject> readAnswers(const QString &path);

    // `screenshotDirectory` may be empty: no pictures.
    ScriptedSetup(ConsoleWindow &window, AdminClient &client, const QJsonObject &answers,
        const QString &screenshotDirectory, QObject *parent = nullptr);

    // Opens the setup; the rest follows once the service has answered.
    void start();

private:
    void answer(SetupWizard *wizard);
    static void printOutcome(SetupWizard *wizard, bool ok, const QStringList &problems);

    ConsoleWindow &m_window;
    QJsonObject m_answers;
    QString m_screenshotDirectory;
};

} // namespace sundial::ui
