// SPDX-License-Identifier: GPL-3.0-or-later
// ScreenshotDriver: the console acting for tests and documentation (--screenshot DIR, --step).
// Once every page has loaded it acts on named widgets the way a parent would (a button is
// clicked; NAME=ROW picks a list's row, or a chart's bar, and presses Enter), one step after
// another, each waiting for its page to load again; then it saves every page as DIR/NAME.png,
// exports the Activity report as CSV and PDF, prints one line of JSON (each page's texts, each
// step's result) and quits the application. A failure from the service ends the wait: the
// banner says why and the pages show what they have.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace sundial::ui
{

class AdminClient;
class ConsolePage;
class ConsoleWindow;

class ScreenshotDriver : public QObject
{
    Q_OBJECT
public:
    // `steps`: NAME or NAME=ROW, in order. `directory` is made if needed.
    ScreenshotDriver(ConsoleWindow &window, AdminClient &client, const QString &directory, const QStringList &steps,
        QObject *parent = nullptr);

    // Sizes the window and asks every page for its data; the rest follows from the answers.
    void start();

    // A widget tree's texts by object name: labels, buttons, list, table and tree rows (columns joined
    // by a tab), and each shown chart's title, bar labels, bar values and line points.
    static QJsonObject textsOf(QWidget *root);

private:
    void pageLoaded(ConsolePage *page);
    // Runs the next step, or finishes when none is left.
    void next();
    // One step on `page`: false when it has no such widget or row.
    static bool act(QWidget *page, const QString &step);
    void finish();

    ConsoleWindow &m_window;
    QString m_directory;
    QStringList m_pendingSteps;
    qsizetype m_pagesToLoad;
    ConsolePage *m_acting = nullptr; // the page the current step acted on, until it loads again
    QJsonArray m_stepResults;
    QJsonObject m_report;
    bool m_finished = false;
};

} // namespace sundial::ui
