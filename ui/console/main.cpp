// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-console: the parent's console, a client of the service's Admin interface.
// --screenshot DIR renders every page once its data has arrived (PNG plus the texts shown)
// and exits: for tests and documentation. With --step, it first acts on named widgets the way a
// parent would (click, or a row or bar picked and opened with Enter) and records each result.
// --setup opens the first-run setup; --setup-answers FILE (for tests) fills it in from FILE,
// finishes it, prints the outcome as JSON and exits.
#include <functional>
#include <iostream>
#include <memory>

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCommandLineParser>
#include <QDBusConnection>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QXYSeries>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/consolepage.h"
#include "ui/console/consolewindow.h"
#include "ui/console/localaccounts.h"
#include "ui/console/setupwizard.h"

namespace
{

using namespace sundial::ui;

QJsonObject textsOf(QWidget *root)
{
    QJsonObject texts;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        // Labels on other tabs count; a hidden empty one (the banner when all is well) does not.
        if (!label->objectName().isEmpty() && (label->isVisibleTo(root) || !label->text().isEmpty())) {
            texts[label->objectName()] = label->text();
        }
    }
    for (QPushButton *button : root->findChildren<QPushButton *>()) {
        if (!button->objectName().isEmpty() && (button->isVisibleTo(root) || !button->isHidden())) {
            texts[button->objectName()] = button->text();
        }
    }
    // Lists: one string per row, columns joined by a tab.
    for (QListWidget *list : root->findChildren<QListWidget *>()) {
        if (!list->objectName().isEmpty()) {
            QJsonArray rows;
            for (int i = 0; i < list->count(); ++i) {
                rows.append(list->item(i)->text());
            }
            texts[list->objectName()] = rows;
        }
    }
    for (QTreeWidget *tree : root->findChildren<QTreeWidget *>()) {
        if (!tree->objectName().isEmpty()) {
            QJsonArray rows;
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                QStringList columns;
                for (int column = 0; column < tree->columnCount(); ++column) {
                    columns << tree->topLevelItem(i)->text(column);
                }
                rows.append(columns.join(QLatin1Char('\t')));
            }
            texts[tree->objectName()] = rows;
        }
    }
    // Charts: the title, the bars' labels, each bar set's values and each line's points ([x, y],
    // lines of the same name joined). A chart on a tab not shown is left out: it may be drawn only
    // when its tab is opened.
    for (QChartView *view : root->findChildren<QChartView *>()) {
        if (view->objectName().isEmpty() || !view->chart() || !view->isVisibleTo(root)) {
            continue;
        }
        QJsonObject chart {{QStringLiteral("title"), view->chart()->title()}};
        QJsonObject sets;
        QJsonObject lines;
        for (QAbstractSeries *series : view->chart()->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
                for (QBarSet *set : bars->barSets()) {
                    QJsonArray values;
                    for (int i = 0; i < set->count(); ++i) {
                        values.append(set->at(i));
                    }
                    sets[set->label()] = values;
                }
            } else if (auto *line = qobject_cast<QXYSeries *>(series)) {
                QJsonArray points = lines.value(line->name()).toArray();
                for (const QPointF &point : line->points()) {
                    points.append(QJsonArray {point.x(), point.y()});
                }
                lines[line->name()] = points;
            }
        }
        chart[QStringLiteral("sets")] = sets;
        chart[QStringLiteral("lines")] = lines;
        for (QAbstractAxis *axis : view->chart()->axes(Qt::Horizontal)) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                chart[QStringLiteral("labels")] = QJsonArray::fromStringList(categories->categories());
            }
        }
        texts[view->objectName()] = chart;
    }
    return texts;
}

void pressKey(QWidget *widget, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}

// One --step: NAME clicks a button; NAME=ROW picks a list's row, or a chart's bar (Home, then
// Right), and presses Enter. False when there is no such widget or row.
bool act(QWidget *root, const QString &step)
{
    const QString name = step.section(QLatin1Char('='), 0, 0);
    bool numbered = false;
    const int row = step.section(QLatin1Char('='), 1).toInt(&numbered);
    QWidget *target = root->findChild<QWidget *>(name);
    if (auto *button = qobject_cast<QAbstractButton *>(target); button && !numbered) {
        button->click();
        return true;
    }
    if (auto *tree = qobject_cast<QTreeWidget *>(target); tree && numbered && row < tree->topLevelItemCount()) {
        tree->setCurrentItem(tree->topLevelItem(row));
        pressKey(tree, Qt::Key_Return);
        return true;
    }
    if (auto *view = qobject_cast<QChartView *>(target); view && numbered && row >= 0) {
        // A parent first opens the chart's tab (a QTabWidget's page sits in its stack).
        for (QWidget *page = view; page && page != root; page = page->parentWidget()) {
            QWidget *stack = page->parentWidget();
            auto *tabs = qobject_cast<QTabWidget *>(stack ? stack->parentWidget() : nullptr);
            if (tabs && tabs->indexOf(page) >= 0) {
                tabs->setCurrentWidget(page);
            }
        }
        pressKey(view, Qt::Key_Home);
        for (int i = 0; i < row; ++i) {
            pressKey(view, Qt::Key_Right);
        }
        pressKey(view, Qt::Key_Return);
        return true;
    }
    return false;
}

// Fills the wizard from `answers` ({"children": [names], "starter": "school" | "daily" | "record",
// "helpLine": "default" | country code, optional "name", "phone", "url"}), saves each step as
// setup-N.png in `dir` (when given) and presses Finish.
void answerSetup(SetupWizard *wizard, const QJsonObject &answers, const QString &dir)
{
    QSet<uint> children;
    for (const QJsonValue &name : answers.value(QStringLiteral("children")).toArray()) {
        for (const LocalAccount &account : wizard->accounts()) {
            if (account.name == name.toString()) {
                children.insert(account.uid);
            }
        }
    }
    wizard->setChosenChildren(children);
    const QString starter = answers.value(QStringLiteral("starter")).toString();
    wizard->setStarter(starter == QLatin1String("daily") ? SetupWizard::Starter::EveryDay
            : starter == QLatin1String("record")         ? SetupWizard::Starter::RecordOnly
                                                         : SetupWizard::Starter::SchoolDays);
    const QString country = answers.value(QStringLiteral("helpLine")).toString();
    for (int i = 0; i < wizard->table().entries().size(); ++i) {
        if (wizard->table().entries()[i].country == country) {
            wizard->selectHelpLine(i);
            break;
        }
    }
    if (answers.contains(QStringLiteral("phone"))) {
        wizard->setHelpLineFields(answers.value(QStringLiteral("name")).toString(),
            answers.value(QStringLiteral("phone")).toString(), answers.value(QStringLiteral("url")).toString());
    }
    for (int step = 0; step < 3; ++step) {
        if (!dir.isEmpty()) {
            QDir {}.mkpath(dir);
            wizard->grab().save(dir + QStringLiteral("/setup-%1.png").arg(step + 1));
        }
        if (step < 2) {
            wizard->next();
        }
    }
    wizard->accept();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer startup;
    startup.start();
    QElapsedTimer switchTimer;
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
        QFile file(parser.value(setupAnswers));
        if (!file.open(QIODevice::ReadOnly)) {
            std::cerr << "sundial-console: cannot read " << file.fileName().toStdString() << std::endl;
            return 2;
        }
        const QJsonObject answers = QJsonDocument::fromJson(file.readAll()).object();
        const QString dir = parser.value(screenshot);
        window.resize(1000, 700);
        window.openSetup([&answers, dir](SetupWizard *wizard) {
            QObject::connect(wizard, &SetupWizard::applied, wizard, [wizard](bool ok, const QStringList &problems) {
                QJsonObject outcome {{QStringLiteral("ok"), ok},
                    {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                    {QStringLiteral("completed"), SetupWizard::completed()},
                    {QStringLiteral("helpLineName"), wizard->helpLineName()},
                    {QStringLiteral("helpLinePhone"), wizard->helpLinePhone()},
                    {QStringLiteral("helpLineUrl"), wizard->helpLineUrl()}};
                if (const auto *message = wizard->findChild<QLabel *>(QStringLiteral("setupMessage"))) {
                    outcome[QStringLiteral("setupMessage")] = message->text();
                }
                std::cout << QJsonDocument(outcome).toJson(QJsonDocument::Compact).toStdString() << std::endl;
                QApplication::exit(ok ? 0 : 1);
            });
            answerSetup(wizard, answers, dir);
        });
        QObject::connect(&client, &AdminClient::failed, &app, [](const QString &message) {
            std::cerr << "sundial-console: " << message.toStdString() << std::endl;
            QApplication::exit(1);
        });
        return QApplication::exec();
    }
    auto *activityPage = qobject_cast<ActivityPage *>(window.pages().at(1));
    activityPage->setPeriodDays(parser.value(period).toInt());
    if (parser.isSet(until)) {
        activityPage->setUntil(QDate::fromString(parser.value(until), Qt::ISODate));
    }
    if (parser.isSet(measure)) {
        // Start to first paint of the Activity page, then a switch of period (benchmarks).
        window.show();
        window.showPage(1);
        auto step = std::make_shared<int>(0);
        auto firstPaint = std::make_shared<qint64>(0);
        QObject::connect(activityPage, &ConsolePage::loaded, &app, [&, step, firstPaint] {
            activityPage->grab(); // the page painted with its data
            if ((*step)++ == 0) {
                *firstPaint = startup.elapsed();
                switchTimer.start();
                activityPage->setPeriodDays(parser.value(period).toInt() == 30 ? 7 : 30);
                activityPage->refresh();
                return;
            }
            std::cout << "{\"first_paint_ms\":" << *firstPaint << ",\"switch_period_ms\":" << switchTimer.elapsed()
                      << "}" << std::endl;
            QApplication::quit();
        });
        QObject::connect(&client, &AdminClient::failed, &app, [](const QString &message) {
            std::cerr << "sundial-console: " << message.toStdString() << std::endl;
            QApplication::exit(1);
        });
        return QApplication::exec();
    }
    if (!parser.isSet(screenshot)) {
        window.show();
        window.refreshAll();
        if (parser.isSet(setup)) {
            window.openSetup();
        } else {
            window.offerFirstRunSetup();
        }
        return QApplication::exec();
    }

    const QString dir = parser.value(screenshot);
    QDir {}.mkpath(dir);
    static const char *const kNames[] = {"family", "activity", "rules", "requests", "audit", "settings"};
    auto report = std::make_shared<QJsonObject>();
    auto left = std::make_shared<int>(int(window.pages().size()));
    auto finished = std::make_shared<bool>(false);
    const auto finish = [&window, dir, report, finished] {
        if (*finished) {
            return;
        }
        *finished = true;
        for (int i = 0; i < window.pages().size(); ++i) {
            window.showPage(i);
            window.grab().save(dir + QStringLiteral("/%1.png").arg(QLatin1String(kNames[i])));
            (*report)[QLatin1String(kNames[i])] = textsOf(window.pages()[i]);
        }
        (*report)[QStringLiteral("window")] = textsOf(&window);
        auto *activity = qobject_cast<ActivityPage *>(window.pages().at(1));
        if (const auto *heatmap = activity->findChild<QWidget *>(QStringLiteral("heatmap"))) {
            (*report)[QStringLiteral("heatmap")] = heatmap->accessibleDescription();
        }
        QString error;
        (*report)[QStringLiteral("csv")]
            = activity->exportCsv(dir + QStringLiteral("/report.csv"), error) ? QString {} : error;
        (*report)[QStringLiteral("pdf")]
            = activity->exportPdf(dir + QStringLiteral("/report.pdf"), error) ? QString {} : error;
        std::cout << QJsonDocument(*report).toJson(QJsonDocument::Compact).toStdString() << std::endl;
        QApplication::quit();
    };
    // The steps, one after another: each waits for the page it acted on to load again.
    auto pending = std::make_shared<QStringList>(parser.values(steps));
    auto acting = std::make_shared<ConsolePage *>(nullptr);
    auto results = std::make_shared<QJsonArray>();
    auto next = std::make_shared<std::function<void()>>();
    *next = [&window, pending, acting, results, report, finish, next] {
        if (pending->isEmpty()) {
            (*report)[QStringLiteral("steps")] = *results;
            finish();
            return;
        }
        const QString current = pending->takeFirst();
        // The page is not brought to the front: that would refresh it and answer the wait early.
        for (ConsolePage *page : window.pages()) {
            if (page->findChild<QWidget *>(current.section(QLatin1Char('='), 0, 0))) {
                *acting = page;
                if (act(page, current)) {
                    return;
                }
            }
        }
        *acting = nullptr;
        results->append(QJsonObject {{QStringLiteral("error"), QStringLiteral("no widget for step ") + current}});
        (*next)();
    };
    for (ConsolePage *page : window.pages()) {
        QObject::connect(page, &ConsolePage::loaded, &app, [page, left, acting, results, next] {
            if (*left > 0) {
                if (--*left == 0) {
                    (*next)();
                }
                return;
            }
            if (*acting == page) {
                *acting = nullptr;
                results->append(textsOf(page));
                (*next)();
            }
        });
    }
    // A failure ends the wait: the banner says why, and the pages show what they have.
    QObject::connect(&client, &AdminClient::failed, &app, [finish] { QTimer::singleShot(200, finish); });
    window.resize(1000, 700);
    window.refreshAll();
    return QApplication::exec();
}
