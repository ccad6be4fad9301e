// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/screenshotdriver.h"

#include <iostream>

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QXYSeries>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/consolepage.h"
#include "ui/console/consolewindow.h"

namespace sundial::ui
{

namespace
{

// The pages' file and report names, in the window's order.
const char *const kPageNames[] = {"family", "activity", "rules", "requests", "audit", "settings"};

void pressKey(QWidget *widget, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
    QApplication::sendEvent(widget, &release);
}

} // namespace

ScreenshotDriver::ScreenshotDriver(
    ConsoleWindow &window, AdminClient &client, const QString &directory, const QStringList &steps, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
    , m_pendingSteps(steps)
    , m_pagesToLoad(window.pages().size())
{
    QDir {}.mkpath(m_directory);
    for (ConsolePage *page : window.pages()) {
        connect(page, &ConsolePage::loaded, this, [this, page] { pageLoaded(page); });
    }
    connect(&client, &AdminClient::failed, this, [this] { QTimer::singleShot(200, this, [this] { finish(); }); });
}

void ScreenshotDriver::start()
{
    m_window.resize(1000, 700);
    m_window.refreshAll();
}

void ScreenshotDriver::pageLoaded(ConsolePage *page)
{
    if (m_pagesToLoad > 0) {
        if (--m_pagesToLoad == 0) {
            next();
        }
        return;
    }
    if (m_acting == page) {
        m_acting = nullptr;
        m_stepResults.append(textsOf(page));
        next();
    }
}

void ScreenshotDriver::next()
{
    if (m_pendingSteps.isEmpty()) {
        m_report[QStringLiteral("steps")] = m_stepResults;
        finish();
        return;
    }
    const QString step = m_pendingSteps.takeFirst();
    // The page is not brought to the front: that would refresh it and answer the wait early.
    for (ConsolePage *page : m_window.pages()) {
        if (page->findChild<QWidget *>(step.section(QLatin1Char('='), 0, 0))) {
            m_acting = page;
            if (act(page, step)) {
                return;
            }
        }
    }
    m_acting = nullptr;
    m_stepResults.append(QJsonObject {{QStringLiteral("error"), QStringLiteral("no widget for step ") + step}});
    next();
}

bool ScreenshotDriver::act(QWidget *page, const QString &step)
{
    const QString name = step.section(QLatin1Char('='), 0, 0);
    bool numbered = false;
    const int row = step.section(QLatin1Char('='), 1).toInt(&numbered);
    QWidget *target = page->findChild<QWidget *>(name);
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
        for (QWidget *widget = view; widget && widget != page; widget = widget->parentWidget()) {
            QWidget *stack = widget->parentWidget();
            auto *tabs = qobject_cast<QTabWidget *>(stack ? stack->parentWidget() : nullptr);
            if (tabs && tabs->indexOf(widget) >= 0) {
                tabs->setCurrentWidget(widget);
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

void ScreenshotDriver::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    for (int i = 0; i < m_window.pages().size(); ++i) {
        m_window.showPage(i);
        m_window.grab().save(m_directory + QStringLiteral("/%1.png").arg(QLatin1String(kPageNames[i])));
        m_report[QLatin1String(kPageNames[i])] = textsOf(m_window.pages()[i]);
    }
    m_report[QStringLiteral("window")] = textsOf(&m_window);
    auto *activity = qobject_cast<ActivityPage *>(m_window.pages().at(1));
    if (const auto *heatmap = activity->findChild<QWidget *>(QStringLiteral("heatmap"))) {
        m_report[QStringLiteral("heatmap")] = heatmap->accessibleDescription();
    }
    QString error;
    m_report[QStringLiteral("csv")]
        = activity->exportCsv(m_directory + QStringLiteral("/report.csv"), error) ? QString {} : error;
    m_report[QStringLiteral("pdf")]
        = activity->exportPdf(m_directory + QStringLiteral("/report.pdf"), error) ? QString {} : error;
    std::cout << QJsonDocument(m_report).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    QApplication::quit();
}

QJsonObject ScreenshotDriver::textsOf(QWidget *root)
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
    for (QTableWidget *table : root->findChildren<QTableWidget *>()) {
        if (!table->objectName().isEmpty()) {
            QJsonArray rows;
            for (int i = 0; i < table->rowCount(); ++i) {
                QStringList columns;
                for (int column = 0; column < table->columnCount(); ++column) {
                    const QTableWidgetItem *item = table->item(i, column);
                    columns << (item ? item->text() : QString {});
                }
                rows.append(columns.join(QLatin1Char('\t')));
            }
            texts[table->objectName()] = rows;
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

} // namespace sundial::ui
