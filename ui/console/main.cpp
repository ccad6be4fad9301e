// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-console: the parent's console, a client of the service's Admin interface. This file
// reads the options and wires the window; what tests and benchmarks drive is elsewhere:
// --screenshot DIR [--step NAME[=ROW]]... ScreenshotDriver, --setup-answers FILE ScriptedSetup,
// --measure StartupMeasurement. --setup opens the first-run setup.
#include <iostream>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QDate>
#include <QElapsedTimer>
#include <QLocale>
#include <QTranslator>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/consolewindow.h"
#include "ui/console/localaccounts.h"
#include "ui/console/screenshotdriver.h"
#include "ui/console/scriptedsetup.h"
#include "ui/console/startupmeasurement.h"

using namespace sundial::ui;

int main(int argc, char **argv)
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sundial-console"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sundial's console for parents."));
    parser.addHelpOption();
    const QCommandLineOption user(
        QStringLiteral("user"), QStringLiteral("Use the try-out service on the session bus."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render every page into DIR as PNG and exit."), QStringLiteral("dir"));
    const QCommandLineOption period(QStringLiteral("period-days"),
        QStringLiteral("Activity period in days: 1, 7, 30 or 365 (default 7)."), QStringLiteral("days"),
        QStringLiteral("7"));
    const QCommandLineOption language(
        QStringLiteral("language"), QStringLiteral("Language (default: the system's)."), QStringLiteral("code"));
    const QCommandLineOption until(QStringLiteral("until"),
        QStringLiteral("Last day of the Activity period (YYYY-MM-DD; default today)."), QStringLiteral("date"));
    const QCommandLineOption measure(QStringLiteral("measure"),
        QStringLiteral("Print, as JSON, the milliseconds from start to the first "
                       "painted Activity page and to a switch of period, then exit."));
    const QCommandLineOption steps(QStringLiteral("step"),
        QStringLiteral("With --screenshot: once every page has loaded, act on the widget named NAME (a button is "
                       "clicked; NAME=ROW opens that row of a list or bar of a chart with the keyboard), wait "
                       "for its page to load again and record its texts in \"steps\". Repeatable."),
        QStringLiteral("name[=row]"));
    const QCommandLineOption setup(
        QStringLiteral("setup"), QStringLiteral("Open the setup: choose the children, starting rules, help line."));
    QCommandLineOption setupAnswers(QStringLiteral("setup-answers"),
        QStringLiteral("For tests: answer the setup from a JSON file and exit."), QStringLiteral("file"));
    setupAnswers.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption passwd(QStringLiteral("passwd"),
        QStringLiteral("For tests: read the accounts from this passwd file."), QStringLiteral("file"));
    passwd.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({user, screenshot, period, language, until, measure, steps, setup, setupAnswers, passwd});
    parser.process(app);

    QTranslator translator;
    const QString code = parser.isSet(language) ? parser.value(language) : QLocale::system().name();
    QLocale::setDefault(QLocale(code));
    if (translator.load(QLocale(code), QStringLiteral("sundial"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QDBusConnection bus = parser.isSet(user) ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    AdminClient client(bus);
    ConsoleWindow window(client);
    if (parser.isSet(passwd)) {
        window.setLocalAccounts(LocalAccounts(parser.value(passwd)));
    }
    if (parser.isSet(setupAnswers)) {
        const std::optional<QJsonObject> answers = ScriptedSetup::readAnswers(parser.value(setupAnswers));
        if (!answers) {
            std::cerr << "sundial-console: cannot read " << parser.value(setupAnswers).toStdString() << std::endl;
            return 2;
        }
        ScriptedSetup scripted(window, client, *answers, parser.value(screenshot));
        scripted.start();
        return QApplication::exec();
    }
    auto *activityPage = qobject_cast<ActivityPage *>(window.pages().at(1));
    activityPage->setPeriodDays(parser.value(period).toInt());
    if (parser.isSet(until)) {
        activityPage->setUntil(QDate::fromString(parser.value(until), Qt::ISODate));
    }
    if (parser.isSet(measure)) {
        StartupMeasurement measurement(window, client, startup, parser.value(period).toInt());
        measurement.start();
        return QApplication::exec();
    }
    if (parser.isSet(screenshot)) {
        ScreenshotDriver driver(window, client, parser.value(screenshot), parser.values(steps));
        driver.start();
        return QApplication::exec();
    }
    window.show();
    window.refreshAll();
    if (parser.isSet(setup)) {
        window.openSetup();
    } else {
        window.offerFirstRunSetup();
    }
    return QApplication::exec();
}
