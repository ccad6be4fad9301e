// SPDX-License-Identifier: GPL-3.0-or-later
// The console's Rules page against the real service: a private bus (dbus-daemon), a demo state
// (sundialctl demo: this user is the child, two weeks of use, the starter rules) and sundiald in
// try-out mode on that bus. The page is driven offscreen with real events and widget calls; what
// the service stored is read back with Admin.GetRules. No logind: the service only counts with
// it, and nothing here counts.
#include <memory>

#include <unistd.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/gridcell.h"
#include "ui/console/adminclient.h"
#include "ui/console/appruletable.h"
#include "ui/console/limitsform.h"
#include "ui/console/rulespage.h"
#include "ui/console/schedulegrid.h"
#include "ui/console/settingspage.h"
#include "ui/console/siteruletable.h"
#include "ui/console/usedapppicker.h"

using namespace sundial::ui;

class RulesPageTest : public QObject
{
    Q_OBJECT

private:
    // Presses at `from`, moves over every quarter to `to` and releases there, as a mouse does.
    static void drag(ScheduleGrid &grid, int day, int fromMinute, int toMinute)
    {
        QTest::mousePress(&grid, Qt::LeftButton, {}, gridCell(grid, day, fromMinute / 60, fromMinute % 60));
        for (int minute = fromMinute; minute <= toMinute; minute += 15) {
            const QPoint at = gridCell(grid, day, minute / 60, minute % 60);
            QMouseEvent move(QEvent::MouseMove, at, grid.mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(&grid, &move);
        }
        QTest::mouseRelease(&grid, Qt::LeftButton, {}, gridCell(grid, day, toMinute / 60, toMinute % 60));
    }

    QDBusMessage admin(const QString &method, const QVariantList &arguments)
    {
        QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.sundial.Agent1"),
            QStringLiteral("/org/sundial/Agent1"), QStringLiteral("org.sundial.Agent1.Admin"), method);
        call.setArguments(arguments);
        return m_bus.call(call, QDBus::Block, 10'000);
    }

    // What the service stored for the child.
    QJsonObject serviceRules()
    {
        const QDBusMessage reply = admin(QStringLiteral("GetRules"), {m_uid});
        return QJsonDocument::fromJson(reply.arguments().value(0).toString().toUtf8()).object();
    }

    // Clicks Save and waits for the service's answer; true when the rules were saved.
    bool clickSave()
    {
        QSignalSpy answered(m_page.get(), &RulesPage::saveAnswered);
        auto *save = m_page->findChild<QPushButton *>(QStringLiteral("saveRules"));
        QTest::mouseClick(save, Qt::LeftButton);
        if (!answered.wait(10'000)) {
            qWarning("no answer from the service");
            return false;
        }
        return answered.first().first().toBool();
    }

    QTabWidget *tabs() const { return m_page->findChild<QTabWidget *>(QStringLiteral("rulesTabs")); }
    QWidget *tab(const char *name) const { return m_page->findChild<QWidget *>(QLatin1String(name)); }
    template <typename T> T *in(QWidget *parent, const QString &name) const { return parent->findChild<T *>(name); }

    QTemporaryDir m_dir;
    QProcess m_busDaemon;
    QProcess m_service;
    QDBusConnection m_bus {QStringLiteral("none")};
    uint m_uid = uint(getuid());
    QString m_starterRules;
    std::unique_ptr<AdminClient> m_client;
    std::unique_ptr<RulesPage> m_page;
    bool m_failed = false;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString state = m_dir.filePath(QStringLiteral("state"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        QProcess seed;
        seed.setProcessEnvironment(environment);
        seed.start(QStringLiteral(SUNDIALCTL), {QStringLiteral("--state"), state, QStringLiteral("demo")});
        QVERIFY(seed.waitForFinished(60'000));
        QVERIFY2(seed.exitCode() == 0, seed.readAllStandardError().constData());

        m_busDaemon.start(QStringLiteral("dbus-daemon"),
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        QVERIFY(m_busDaemon.waitForStarted(10'000));
        for (QDeadlineTimer deadline(10'000); !m_busDaemon.canReadLine() && !deadline.hasExpired();) {
            m_busDaemon.waitForReadyRead(100);
        }
        const QString address = QString::fromUtf8(m_busDaemon.readLine()).trimmed();
        QVERIFY2(!address.isEmpty(), "dbus-daemon printed no address");
        m_bus = QDBusConnection::connectToBus(address, QStringLiteral("rulespage-test"));
        QVERIFY(m_bus.isConnected());

        // Try-out mode serves on the session bus; its logind calls go to the same bus and find
        // no logind there, which the service survives (it counts nothing without sessions).
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), address);
        m_service.setProcessEnvironment(environment);
        m_service.setProcessChannelMode(QProcess::MergedChannels);
        m_service.setStandardOutputFile(m_dir.filePath(QStringLiteral("sundiald.log")));
        m_service.start(QStringLiteral(SUNDIALD), {QStringLiteral("--user"), QStringLiteral("--state"), state});
        QVERIFY(m_service.waitForStarted(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.interface()->isServiceRegistered(QStringLiteral("org.sundial.Agent1")), 20'000);
        const QDBusMessage rules = admin(QStringLiteral("GetRules"), {m_uid});
        QVERIFY2(rules.type() == QDBusMessage::ReplyMessage, qPrintable(rules.errorMessage()));
        m_starterRules = rules.arguments().value(0).toString();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_client.reset();
        m_service.terminate();
        m_service.waitForFinished(10'000);
        m_busDaemon.terminate();
        m_busDaemon.waitForFinished(10'000);
        if (m_failed) {
            QFile log(m_dir.filePath(QStringLiteral("sundiald.log")));
            if (log.open(QIODevice::ReadOnly)) {
                qWarning("--- sundiald log ---\n%s", log.readAll().constData());
            }
        }
    }

    // Every test starts from the demo's starter rules, on a freshly loaded page.
    void init()
    {
        const QDBusMessage reset = admin(QStringLiteral("SetRules"), {m_uid, m_starterRules});
        QVERIFY2(reset.type() == QDBusMessage::ReplyMessage, qPrintable(reset.errorMessage()));
        m_client = std::make_unique<AdminClient>(m_bus);
        m_page = std::make_unique<RulesPage>(*m_client);
        m_page->resize(1100, 750);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy loaded(m_page.get(), &RulesPage::loaded);
        m_page->refresh();
        QVERIFY(loaded.wait(10'000));
        QVERIFY(!m_page->hasUnsavedChanges());
    }

    void cleanup()
    {
        m_failed = m_failed || QTest::currentTestFailed();
        m_page.reset();
        m_client.reset();
    }

    void theSettingsPageSavesNoHelpLineWithoutAWayToReachIt()
    {
        const QJsonObject before = serviceRules()[QStringLiteral("helpLine")].toObject();
        SettingsPage settings(*m_client);
        QSignalSpy loaded(&settings, &SettingsPage::loaded);
        settings.refresh();
        QVERIFY(loaded.wait(10'000));
        auto *phone = settings.findChild<QLineEdit *>(QStringLiteral("helpLinePhone"));
        auto *url = settings.findChild<QLineEdit *>(QStringLiteral("helpLineUrl"));
        auto *note = settings.findChild<QLineEdit *>(QStringLiteral("helpLineNote"));
        auto *message = settings.findChild<QLabel *>(QStringLiteral("settingsMessage"));
        phone->clear();
        url->setText(QStringLiteral("   "));
        settings.findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QVERIFY(message->text().startsWith(QLatin1String("Not saved: give the help line a phone number")));
        QTest::qWait(300);
        QCOMPARE(serviceRules()[QStringLiteral("helpLine")].toObject(), before);

        // A number and what it offers are saved, as typed.
        phone->setText(QStringLiteral("111"));
        note->setText(QStringLiteral("Miễn phí, cả ngày lẫn đêm"));
        settings.findChild<QPushButton *>(QStringLiteral("saveSettings"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Saved."), 10'000);
        const QJsonObject saved = serviceRules()[QStringLiteral("helpLine")].toObject();
        QCOMPARE(saved[QStringLiteral("phone")].toString(), QStringLiteral("111"));
        QCOMPARE(saved[QStringLiteral("note")].toString(), QStringLiteral("Miễn phí, cả ngày lẫn đêm"));
    }

    void paintedHoursAndBudgetsAreSavedExactly()
    {
        const QJsonObject before = serviceRules();
        QCOMPARE(before[QStringLiteral("days")][QStringLiteral("wednesday")][QStringLiteral("windows")].toArray(),
            QJsonArray {QStringLiteral("07:00-21:00")});
        auto *grid = m_page->findChild<ScheduleGrid *>(QStringLiteral("scheduleGrid"));
        // Wednesday until 22:30; Thursday from 08:00 (a drag from a painted cell clears).
        drag(*grid, 2, 21 * 60, 22 * 60 + 15);
        drag(*grid, 3, 7 * 60, 7 * 60 + 45);
        m_page->findChild<QSpinBox *>(QStringLiteral("budget-1"))->setValue(90);
        m_page->findChild<QSpinBox *>(QStringLiteral("budget-6"))->setValue(-15); // Sunday: no limit
        QVERIFY(m_page->hasUnsavedChanges());
        QCOMPARE(tabs()->currentWidget(), tab("scheduleTab")); // saved from the form, not the JSON tab
        QVERIFY(clickSave());
        QVERIFY(!m_page->hasUnsavedChanges());

        const QJsonObject days = serviceRules()[QStringLiteral("days")].toObject();
        const auto windows
            = [&days](const char *day) { return days[QLatin1String(day)][QStringLiteral("windows")].toArray(); };
        const auto budget
            = [&days](const char *day) { return days[QLatin1String(day)][QStringLiteral("budgetMinutes")]; };
        QCOMPARE(windows("wednesday"), QJsonArray {QStringLiteral("07:00-22:30")});
        QCOMPARE(windows("thursday"), QJsonArray {QStringLiteral("08:00-21:00")});
        for (const char *day : {"monday", "tuesday", "friday", "saturday", "sunday"}) {
            QCOMPARE(windows(day), QJsonArray {QStringLiteral("07:00-21:00")});
        }
        QCOMPARE(budget("tuesday").toInt(), 90);
        QVERIFY(!budget("sunday").isDouble());
        QCOMPARE(budget("monday").toInt(), 120);
        QCOMPARE(budget("saturday").toInt(), 180);
        // Untouched forms send what they were given.
        QCOMPARE(serviceRules()[QStringLiteral("apps")], before[QStringLiteral("apps")]);
        QCOMPARE(serviceRules()[QStringLiteral("lockout")], before[QStringLiteral("lockout")]);
    }

    void aBudgetRuleWithoutMinutesIsRefusedBesideItsMinutes()
    {
        tabs()->setCurrentWidget(tab("appsTab"));
        auto *apps = m_page->findChild<AppRuleTable *>();
        QCOMPARE(apps->rowCount(), 2); // the starter's Games and Learning apps
        QTest::mouseClick(in<QPushButton>(apps, QStringLiteral("addRule")), Qt::LeftButton);
        QCOMPARE(apps->rowCount(), 3);
        auto *kind = static_cast<QComboBox *>(apps->cell(2, AppRuleTable::Match));
        kind->setCurrentIndex(kind->findData(QStringLiteral("desktopId")));
        QTest::keyClicks(apps->cell(2, AppRuleTable::Pattern), QStringLiteral("org.kde.ktuberling"));
        auto *minutes = static_cast<QSpinBox *>(apps->cell(2, AppRuleTable::DailyMinutes));
        minutes->setValue(minutes->minimum()); // "not set"
        QCOMPARE(minutes->text(), QStringLiteral("not set"));
        QVERIFY(m_page->hasUnsavedChanges());

        QVERIFY(!clickSave());
        QCOMPARE(tabs()->currentWidget(), tab("appsTab"));
        QCOMPARE(apps->markedRow(), 2);
        QVERIFY(apps->errorLabel()->isVisible());
        QVERIFY2(apps->errorLabel()->text().contains(QStringLiteral("needs a daily budget")),
            qPrintable(apps->errorLabel()->text()));
        QVERIFY(apps->errorLabel()->text().startsWith(QStringLiteral("Rule 3:")));
        QCOMPARE(m_page->focusWidget(), minutes);
        QVERIFY(minutes->accessibleDescription().contains(QStringLiteral("needs a daily budget")));
        QVERIFY(
            m_page->findChild<QLabel *>(QStringLiteral("rulesMessage"))->text().contains(QStringLiteral("Not saved")));
        QVERIFY(m_page->hasUnsavedChanges());
        QCOMPARE(serviceRules()[QStringLiteral("apps")].toArray().size(), 2);

        // Giving it minutes is enough.
        minutes->setValue(45);
        QVERIFY(clickSave());
        QCOMPARE(apps->markedRow(), -1);
        QVERIFY(!apps->errorLabel()->isVisible());
        const QJsonArray saved = serviceRules()[QStringLiteral("apps")].toArray();
        QCOMPARE(saved.size(), 3);
        QCOMPARE(saved[2][QStringLiteral("match")][QStringLiteral("desktopId")].toString(),
            QStringLiteral("org.kde.ktuberling"));
        QCOMPARE(saved[2][QStringLiteral("dailyMinutes")].toInt(), 45);
    }

    void theKeyboardWalksFromThePickerThroughTheRules()
    {
        tabs()->setCurrentWidget(tab("appsTab"));
        auto *pick = m_page->findChild<QPushButton *>(QStringLiteral("pickFromUsage"));
        auto *apps = m_page->findChild<AppRuleTable *>();
        pick->setFocus();
        QTest::keyClick(pick, Qt::Key_Tab);
        QCOMPARE(m_page->focusWidget(), in<QPushButton>(apps, QStringLiteral("addRule")));
        QTest::keyClick(m_page->focusWidget(), Qt::Key_Tab);
        QCOMPARE(m_page->focusWidget(), apps->cell(0, AppRuleTable::Match));
        for (int column = AppRuleTable::Pattern; column <= AppRuleTable::Label; ++column) {
            QTest::keyClick(m_page->focusWidget(), Qt::Key_Tab);
            QCOMPARE(m_page->focusWidget(), apps->cell(0, column));
        }
        QCOMPARE(apps->cell(0, AppRuleTable::DailyMinutes)->accessibleName(), QStringLiteral("Daily minutes, rule 1"));
        QCOMPARE(apps->cell(1, AppRuleTable::Label + 1)->accessibleName(), QStringLiteral("Remove rule 2"));
    }

    void aRefusedSiteRuleMarksItsRow()
    {
        tabs()->setCurrentWidget(tab("appsTab"));
        auto *sites = m_page->findChild<SiteRuleTable *>();
        QCOMPARE(sites->rowCount(), 0);
        QTest::mouseClick(in<QPushButton>(sites, QStringLiteral("addRule")), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(sites, QStringLiteral("addRule")), Qt::LeftButton);
        QTest::keyClicks(sites->cell(0, SiteRuleTable::Domain), QStringLiteral("Example.COM"));
        QTest::keyClicks(sites->cell(1, SiteRuleTable::Domain), QStringLiteral("not a domain!"));
        QVERIFY(!clickSave());
        QCOMPARE(sites->markedRow(), 1);
        QCOMPARE(m_page->focusWidget(), sites->cell(1, SiteRuleTable::Domain));
        QVERIFY(sites->errorLabel()->text().startsWith(QStringLiteral("Rule 2:")));

        // Removing the wrong row with its own button clears the mark and lets the rest be saved.
        QTest::mouseClick(static_cast<QPushButton *>(sites->cell(1, 3)), Qt::LeftButton);
        QCOMPARE(sites->rowCount(), 1);
        QCOMPARE(sites->markedRow(), -1);
        QVERIFY(clickSave());
        const QJsonArray saved = serviceRules()[QStringLiteral("sites")].toArray();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved[0][QStringLiteral("domain")].toString(), QStringLiteral("example.com"));
        QCOMPARE(saved[0][QStringLiteral("action")].toString(), QStringLiteral("blocked"));
    }

    void aLockoutOutOfRangeInTheJsonIsShownOnTheLimitsTab()
    {
        tabs()->setCurrentWidget(m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor")));
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        QJsonObject rules = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        QJsonObject lockout = rules[QStringLiteral("lockout")].toObject();
        lockout[QStringLiteral("graceSeconds")] = 900;
        rules[QStringLiteral("lockout")] = lockout;
        editor->setPlainText(QString::fromUtf8(QJsonDocument(rules).toJson()));

        QVERIFY(!clickSave());
        QCOMPARE(tabs()->currentWidget(), tab("limitsTab"));
        auto *limits = m_page->findChild<LimitsForm *>();
        QLabel *error = limits->errorLabel(QStringLiteral("lockout.graceSeconds"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("900 seconds is out of range")), qPrintable(error->text()));
        auto *grace = in<QSpinBox>(limits, QStringLiteral("lockout.graceSeconds"));
        QCOMPARE(m_page->focusWidget(), grace);
        QVERIFY(!limits->errorLabel(QStringLiteral("idleThresholdSeconds"))->isVisible());

        grace->setValue(300);
        QVERIFY(clickSave());
        QCOMPARE(serviceRules()[QStringLiteral("lockout")][QStringLiteral("graceSeconds")].toInt(), 300);
    }

    void aDayBudgetOutOfRangeInTheJsonIsShownOnTheScheduleTab()
    {
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        tabs()->setCurrentWidget(editor);
        QJsonObject rules = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        QJsonObject days = rules[QStringLiteral("days")].toObject();
        QJsonObject wednesday = days[QStringLiteral("wednesday")].toObject();
        wednesday[QStringLiteral("budgetMinutes")] = 2000;
        days[QStringLiteral("wednesday")] = wednesday;
        rules[QStringLiteral("days")] = days;
        editor->setPlainText(QString::fromUtf8(QJsonDocument(rules).toJson()));

        QVERIFY(!clickSave());
        QCOMPARE(tabs()->currentWidget(), tab("scheduleTab"));
        auto *error = m_page->findChild<QLabel *>(QStringLiteral("scheduleError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(QLocale().dayName(3) + QStringLiteral(": ")), qPrintable(error->text()));
        QVERIFY(error->text().contains(QStringLiteral("2000")));
        QCOMPARE(m_page->focusWidget(), m_page->findChild<QSpinBox *>(QStringLiteral("budget-2")));
    }

    void aMessageWithoutAFieldGoesToThePageMessage()
    {
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        tabs()->setCurrentWidget(editor);
        editor->setPlainText(QStringLiteral("{ not json"));
        QVERIFY(!clickSave());
        QCOMPARE(tabs()->currentWidget(), editor);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("rulesMessage"))
                    ->text()
                    .startsWith(QStringLiteral("Not saved: ")));
        QVERIFY(m_page->hasUnsavedChanges());
    }

    void thePickerListsWhatTheChildUsedAndAddsRules()
    {
        tabs()->setCurrentWidget(tab("appsTab"));
        auto *pick = m_page->findChild<QPushButton *>(QStringLiteral("pickFromUsage"));
        QVERIFY(pick->text().startsWith(QStringLiteral("Add from what ")));
        QTest::mouseClick(pick, Qt::LeftButton);
        auto *picker = m_page->findChild<UsedAppPicker *>();
        QVERIFY(picker);
        QTRY_VERIFY_WITH_TIMEOUT(picker->usedList()->count() > 0, 10'000);
        const auto tick = [picker](const QString &start) {
            for (int row = 0; row < picker->usedList()->count(); ++row) {
                if (QListWidgetItem *item = picker->usedList()->item(row); item->text().startsWith(start)) {
                    item->setCheckState(Qt::Checked);
                    return true;
                }
            }
            return false;
        };
        QVERIFY(tick(QStringLiteral("net.minetest.minetest (program")));
        QVERIFY(tick(QStringLiteral("www.youtube.com (site")));
        picker->actionBox()->setCurrentIndex(picker->actionBox()->findData(QStringLiteral("blocked")));
        picker->categoryBox()->setCurrentIndex(picker->categoryBox()->findData(QStringLiteral("AudioVideo")));
        auto *buttons = picker->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

        auto *apps = m_page->findChild<AppRuleTable *>();
        QCOMPARE(apps->rowCount(), 4);
        QCOMPARE(m_page->findChild<SiteRuleTable *>()->rowCount(), 1);
        QVERIFY(m_page->hasUnsavedChanges());
        QVERIFY(clickSave());
        const QJsonObject rules = serviceRules();
        const QJsonArray savedApps = rules[QStringLiteral("apps")].toArray();
        QCOMPARE(savedApps.size(), 4);
        QCOMPARE(savedApps[2].toObject(),
            (QJsonObject {{QStringLiteral("match"),
                              QJsonObject {{QStringLiteral("desktopId"), QStringLiteral("net.minetest.minetest")}}},
                {QStringLiteral("action"), QStringLiteral("blocked")}}));
        QCOMPARE(
            savedApps[3][QStringLiteral("match")][QStringLiteral("category")].toString(), QStringLiteral("AudioVideo"));
        QCOMPARE(rules[QStringLiteral("sites")].toArray(),
            (QJsonArray {QJsonObject {{QStringLiteral("domain"), QStringLiteral("www.youtube.com")},
                {QStringLiteral("action"), QStringLiteral("blocked")}}}));
    }

    void limitsAreSavedAndShownInTheJson()
    {
        tabs()->setCurrentWidget(tab("limitsTab"));
        auto *limits = m_page->findChild<LimitsForm *>();
        auto *weekly = in<QCheckBox>(limits, QStringLiteral("weeklyBudgetMinutes"));
        QVERIFY(!weekly->isChecked());
        QTest::keyClick(weekly, Qt::Key_Space);
        QVERIFY(weekly->isChecked());
        in<QSpinBox>(limits, QStringLiteral("weeklyHours"))->setValue(10);
        in<QSpinBox>(limits, QStringLiteral("weeklyMinutes"))->setValue(30);
        auto *action = in<QComboBox>(limits, QStringLiteral("lockout.action"));
        action->setCurrentIndex(action->findData(QStringLiteral("logout")));
        auto *downtime = in<QCheckBox>(limits, QStringLiteral("lockout.downtime"));
        QVERIFY(downtime->isChecked()); // the default: downtime when some app is always allowed
        QTest::keyClick(downtime, Qt::Key_Space);
        auto *warnings = in<QLineEdit>(limits, QStringLiteral("warningMinutes"));
        warnings->clear();
        QTest::keyClicks(warnings, QStringLiteral("10, 2"));
        QVERIFY(m_page->hasUnsavedChanges());

        // The JSON tab shows the form's edits, and leaving it keeps them in the form.
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        tabs()->setCurrentWidget(editor);
        const QJsonObject shown = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        QCOMPARE(shown[QStringLiteral("weeklyBudgetMinutes")].toInt(), 630);
        tabs()->setCurrentWidget(tab("limitsTab"));
        QCOMPARE(action->currentData().toString(), QStringLiteral("logout"));

        QVERIFY(clickSave());
        QVERIFY(!m_page->hasUnsavedChanges());
        const QJsonObject rules = serviceRules();
        QCOMPARE(rules[QStringLiteral("weeklyBudgetMinutes")].toInt(), 630);
        QCOMPARE(rules[QStringLiteral("lockout")][QStringLiteral("action")].toString(), QStringLiteral("logout"));
        QCOMPARE(rules[QStringLiteral("lockout")][QStringLiteral("downtime")].toBool(true), false);
        QCOMPARE(rules[QStringLiteral("lockout")][QStringLiteral("graceSeconds")].toInt(), 60);
        QCOMPARE(rules[QStringLiteral("warningMinutes")].toArray(), (QJsonArray {10, 2}));
        QCOMPARE(rules[QStringLiteral("idleThresholdSeconds")].toInt(), 180);

        // Loading again shows what was stored.
        in<QSpinBox>(limits, QStringLiteral("weeklyHours"))->setValue(1);
        m_page->findChild<QPushButton *>(QStringLiteral("revertRules"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(in<QSpinBox>(limits, QStringLiteral("weeklyHours"))->value(), 10, 10'000);
        QVERIFY(!m_page->hasUnsavedChanges());
        QVERIFY(weekly->isChecked());
        QCOMPARE(warnings->text(), QStringLiteral("10, 2"));
    }

    void browserChoicesAreSavedAndShownInTheJson()
    {
        tabs()->setCurrentWidget(tab("limitsTab"));
        auto *limits = m_page->findChild<LimitsForm *>();
        auto *privateWindows = in<QComboBox>(limits, QStringLiteral("browsers.privateWindows"));
        auto *withoutExtension = in<QComboBox>(limits, QStringLiteral("browsers.withoutExtension"));
        QVERIFY(privateWindows && withoutExtension);
        QCOMPARE(privateWindows->currentData().toString(), QStringLiteral("allowed"));
        QCOMPARE(withoutExtension->currentData().toString(), QStringLiteral("allowed"));
        QVERIFY(in<QLabel>(limits, QStringLiteral("browsersNote"))->text().contains(QStringLiteral("every account")));
        privateWindows->setCurrentIndex(privateWindows->findData(QStringLiteral("off")));
        withoutExtension->setCurrentIndex(withoutExtension->findData(QStringLiteral("closed")));
        QVERIFY(m_page->hasUnsavedChanges());

        // Form to JSON.
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        tabs()->setCurrentWidget(editor);
        const QJsonObject shown = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        QCOMPARE(shown[QStringLiteral("browsers")].toObject(),
            (QJsonObject {{QStringLiteral("privateWindows"), QStringLiteral("off")},
                {QStringLiteral("withoutExtension"), QStringLiteral("closed")}}));

        // To the service and back.
        tabs()->setCurrentWidget(tab("limitsTab"));
        QVERIFY(clickSave());
        QCOMPARE(serviceRules()[QStringLiteral("browsers")].toObject(),
            (QJsonObject {{QStringLiteral("privateWindows"), QStringLiteral("off")},
                {QStringLiteral("withoutExtension"), QStringLiteral("closed")}}));
        privateWindows->setCurrentIndex(0);
        m_page->findChild<QPushButton *>(QStringLiteral("revertRules"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(privateWindows->currentData().toString(), QStringLiteral("off"), 10'000);
        QCOMPARE(withoutExtension->currentData().toString(), QStringLiteral("closed"));
        QVERIFY(!m_page->hasUnsavedChanges());

        // JSON to form: one choice edited there, and rules without the group show the defaults.
        tabs()->setCurrentWidget(editor);
        QJsonObject rules = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        rules[QStringLiteral("browsers")] = QJsonObject {{QStringLiteral("privateWindows"), QStringLiteral("allowed")},
            {QStringLiteral("withoutExtension"), QStringLiteral("closed")}};
        editor->setPlainText(QString::fromUtf8(QJsonDocument(rules).toJson()));
        tabs()->setCurrentWidget(tab("limitsTab"));
        QCOMPARE(privateWindows->currentData().toString(), QStringLiteral("allowed"));
        QCOMPARE(withoutExtension->currentData().toString(), QStringLiteral("closed"));
        tabs()->setCurrentWidget(editor);
        rules.remove(QStringLiteral("browsers"));
        editor->setPlainText(QString::fromUtf8(QJsonDocument(rules).toJson()));
        tabs()->setCurrentWidget(tab("limitsTab"));
        QCOMPARE(privateWindows->currentData().toString(), QStringLiteral("allowed"));
        QCOMPARE(withoutExtension->currentData().toString(), QStringLiteral("allowed"));
        // Untouched in the form, the absent group stays absent: the service's defaults apply.
        QVERIFY(clickSave());
        QCOMPARE(serviceRules()[QStringLiteral("browsers")].toObject(),
            (QJsonObject {{QStringLiteral("privateWindows"), QStringLiteral("allowed")},
                {QStringLiteral("withoutExtension"), QStringLiteral("allowed")}}));
    }

    void aRefusedBrowserChoiceIsShownBesideIt()
    {
        auto *editor = m_page->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        tabs()->setCurrentWidget(editor);
        QJsonObject rules = QJsonDocument::fromJson(editor->toPlainText().toUtf8()).object();
        rules[QStringLiteral("browsers")]
            = QJsonObject {{QStringLiteral("withoutExtension"), QStringLiteral("sometimes")}};
        editor->setPlainText(QString::fromUtf8(QJsonDocument(rules).toJson()));
        QVERIFY(!clickSave());
        QCOMPARE(tabs()->currentWidget(), tab("limitsTab"));
        auto *limits = m_page->findChild<LimitsForm *>();
        QLabel *error = limits->errorLabel(QStringLiteral("browsers.withoutExtension"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("allowed or closed")), qPrintable(error->text()));
        QCOMPARE(m_page->focusWidget(), in<QComboBox>(limits, QStringLiteral("browsers.withoutExtension")));
    }
};

QTEST_MAIN(RulesPageTest)
#include "test_ui_rulespage.moc"
