// SPDX-License-Identifier: GPL-3.0-or-later
// The setup writes the starter rules and help line into a child's rules and keeps the rest;
// the parent is never preselected as a child (offscreen).
#include <unistd.h>

#include <QCheckBox>
#include <QDBusConnection>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "ui/console/adminclient.h"
#include "ui/console/setupwizard.h"

using namespace sundial::ui;

namespace
{

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

const char *kCurrent = R"({"version": 1, "dayStart": "06:00",
    "days": {"monday": {"budgetMinutes": 30, "windows": ["10:00-11:00"]}},
    "privacy": {"recordTitles": true},
    "helpLine": {"name": "Old", "phone": "1", "url": "https://old.example", "sites": ["help.example"]}})";

} // namespace

class SetupWizardTest : public QObject
{
    Q_OBJECT

private slots:
    void schoolDaysGiveTwoHoursWeekdaysThreeWeekendsWithinSevenToNine()
    {
        const QJsonObject rules
            = parse(SetupWizard::withStarter(QString::fromLatin1(kCurrent), SetupWizard::Starter::SchoolDays,
                {{}, {}, QStringLiteral("Tổng đài 111"), QStringLiteral("111"), QStringLiteral("https://tongdai111.vn"),
                    QStringLiteral("Miễn phí, cả ngày lẫn đêm"), {}, {}}));
        const QJsonObject days = rules[QStringLiteral("days")].toObject();
        QCOMPARE(days.size(), 7);
        QCOMPARE(days[QStringLiteral("monday")][QStringLiteral("budgetMinutes")].toInt(), 120);
        QCOMPARE(days[QStringLiteral("friday")][QStringLiteral("budgetMinutes")].toInt(), 120);
        QCOMPARE(days[QStringLiteral("saturday")][QStringLiteral("budgetMinutes")].toInt(), 180);
        QCOMPARE(days[QStringLiteral("sunday")][QStringLiteral("windows")].toArray(),
            QJsonArray {QStringLiteral("07:00-21:00")});
        // The help line is replaced, its extra sites kept; other settings are untouched.
        const QJsonObject help = rules[QStringLiteral("helpLine")].toObject();
        QCOMPARE(help[QStringLiteral("phone")].toString(), QStringLiteral("111"));
        QCOMPARE(help[QStringLiteral("note")].toString(), QStringLiteral("Miễn phí, cả ngày lẫn đêm"));
        QCOMPARE(help[QStringLiteral("sites")].toArray(), QJsonArray {QStringLiteral("help.example")});
        QCOMPARE(rules[QStringLiteral("dayStart")].toString(), QStringLiteral("06:00"));
        QVERIFY(rules[QStringLiteral("privacy")][QStringLiteral("recordTitles")].toBool());
    }

    void everyDayIsOneHourWithinEightToEight()
    {
        const QJsonObject days = parse(SetupWizard::withStarter(
            QString::fromLatin1(kCurrent), SetupWizard::Starter::EveryDay, {}))[QStringLiteral("days")]
                                     .toObject();
        for (const QString &day : days.keys()) {
            QCOMPARE(days[day][QStringLiteral("budgetMinutes")].toInt(), 60);
            QCOMPARE(days[day][QStringLiteral("windows")].toArray(), QJsonArray {QStringLiteral("08:00-20:00")});
        }
    }

    void recordOnlyLimitsNothing()
    {
        const QJsonObject days = parse(SetupWizard::withStarter(
            QString::fromLatin1(kCurrent), SetupWizard::Starter::RecordOnly, {}))[QStringLiteral("days")]
                                     .toObject();
        QCOMPARE(days.size(), 7);
        for (const QString &day : days.keys()) {
            QVERIFY(days[day][QStringLiteral("budgetMinutes")].isNull());
            QVERIFY(days[day][QStringLiteral("windows")].toArray().isEmpty());
        }
    }

    void rulesThatAreNotJsonAreAnError()
    {
        QString error;
        QVERIFY(SetupWizard::withStarter(QStringLiteral("nope"), SetupWizard::Starter::EveryDay, {}, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void theParentIsNotPreselectedAndLimitedChildrenAre()
    {
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        const uint me = getuid() == 4242 ? 4243 : getuid();
        const QList<LocalAccount> accounts {{QStringLiteral("parent"), me, QStringLiteral("Parent"), {}},
            {QStringLiteral("kid"), 4242, {}, {}}, {QStringLiteral("older"), 4244, {}, {}}};
        SetupWizard wizard(client, accounts, {4244}, HelpLineTable::load(), 0, me);
        QCOMPARE(wizard.chosenChildren(), (QSet<uint> {4242, 4244}));
        QVERIFY(
            wizard.findChild<QCheckBox *>(QStringLiteral("account-older"))->text().contains(QLatin1String("already")));
        wizard.setChosenChildren({});
        QVERIFY(!wizard.page(SetupWizard::ChildrenPage)->isComplete());
        wizard.selectHelpLine(0);
        QCOMPARE(wizard.helpLine().phone, HelpLineTable::load().entries()[0].phone);
        QCOMPARE(wizard.helpLine().note, HelpLineTable::load().entries()[0].note); // the line's own words

        // A help line with no way to reach it is not saved.
        wizard.setHelpLineFields({});
        QSignalSpy applied(&wizard, &SetupWizard::applied);
        wizard.accept();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.first().first().toBool(), false);
        QVERIFY(wizard.findChild<QLabel *>(QStringLiteral("setupMessage"))->text().contains(QLatin1String("phone")));
    }
};

QTEST_MAIN(SetupWizardTest)
#include "test_ui_setupwizard.moc"
