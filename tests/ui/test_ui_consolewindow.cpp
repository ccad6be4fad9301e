// SPDX-License-Identifier: GPL-3.0-or-later
// The console window keeps unsaved rules: closing with changes asks first; the Activity page's
// charts follow the palette into dark mode and back; audit kinds are shown in words (offscreen).
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDBusConnection>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimer>
#include <QtTest>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/auditpage.h"
#include "ui/console/consolewindow.h"
#include "ui/console/rulespage.h"

using namespace sundial::ui;

class ConsoleWindowTest : public QObject
{
    Q_OBJECT

private:
    // Answers the next modal question with `button`, and remembers that it was asked.
    void answerNextQuestion(QMessageBox::StandardButton button)
    {
        QTimer::singleShot(50, this, [this, button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                m_asked = box->text();
                box->button(button)->click();
            }
        });
    }

    QString m_asked;

private slots:
    void closingWithUnsavedRulesAsksAndCancelKeepsThem()
    {
        // No service is needed: the question comes before anything is sent.
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        ConsoleWindow window(client);
        window.show();
        auto *rules = window.findChild<RulesPage *>();
        QVERIFY(rules);
        auto *editor = rules->findChild<QPlainTextEdit *>(QStringLiteral("rulesEditor"));
        editor->setPlainText(QStringLiteral("{\"version\": 1}"));
        QVERIFY(rules->hasUnsavedChanges());

        answerNextQuestion(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(m_asked.contains(QStringLiteral("not saved")));
        QVERIFY(window.isVisible());
        QCOMPARE(editor->toPlainText(), QStringLiteral("{\"version\": 1}"));

        m_asked.clear();
        answerNextQuestion(QMessageBox::Discard);
        QVERIFY(window.close());
        QVERIFY(!m_asked.isEmpty());
    }

    void closingWithoutChangesDoesNotAsk()
    {
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        ConsoleWindow window(client);
        window.show();
        m_asked.clear();
        QVERIFY(window.close());
        QVERIFY(m_asked.isEmpty());
    }

    void chartsFollowTheDarkPalette()
    {
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        ActivityPage page(client);
        const auto views = page.findChildren<QChartView *>();
        QVERIFY(!views.isEmpty());
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        page.setPalette(dark);
        for (QChartView *view : views) {
            QCOMPARE(view->chart()->theme(), QChart::ChartThemeDark);
            QCOMPARE(view->chart()->backgroundBrush().color(), dark.color(QPalette::Window));
            QCOMPARE(view->chart()->titleBrush().color(), dark.color(QPalette::WindowText));
        }
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
        light.setColor(QPalette::WindowText, Qt::black);
        page.setPalette(light);
        for (QChartView *view : views) {
            QCOMPARE(view->chart()->theme(), QChart::ChartThemeLight);
            QCOMPARE(view->chart()->backgroundBrush().color(), light.color(QPalette::Window));
        }
    }

    void theBrowserAuditKindsAreWords()
    {
        QCOMPARE(
            AuditPage::kindText(QStringLiteral("site-report-untrusted")), QStringLiteral("Site report not trusted"));
        QCOMPARE(AuditPage::kindText(QStringLiteral("site-tracking-off")),
            QStringLiteral("Browser used without site tracking"));
        QCOMPARE(AuditPage::kindText(QStringLiteral("browser-policies")), QStringLiteral("Browser policies changed"));
        QCOMPARE(AuditPage::kindText(QStringLiteral("kind-from-a-newer-service")),
            QStringLiteral("kind-from-a-newer-service"));
    }

    void everyControlHasANameForScreenReaders()
    {
        // A control is named by its own text, its accessible name, or a label it is the buddy
        // of; a screen reader has nothing else to say.
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        ConsoleWindow window(client);
        window.show();
        QSet<const QWidget *> labelled;
        for (const QLabel *label : window.findChildren<QLabel *>()) {
            if (label->buddy()) {
                labelled.insert(label->buddy());
            }
        }
        QStringList unnamed;
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
                || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QLineEdit *>(widget)
                || qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QPlainTextEdit *>(widget);
            if (!control || widget->isHidden() || widget->focusPolicy() == Qt::NoFocus
                || qobject_cast<QLineEdit *>(widget->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QComboBox *>(widget->parentWidget())) {
                continue; // hidden, not reachable from the keyboard, or part of a composite control
            }
            const auto *button = qobject_cast<QAbstractButton *>(widget);
            const bool named = !widget->accessibleName().isEmpty() || labelled.contains(widget)
                || (button && !button->text().isEmpty());
            if (!named) {
                unnamed.append(QStringLiteral("%1 %2 in %3")
                                   .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                       widget->parentWidget()
                                           ? QString::fromLatin1(widget->parentWidget()->metaObject()->className())
                                           : QString()));
            }
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
    }
};

QTEST_MAIN(ConsoleWindowTest)
#include "test_ui_consolewindow.moc"
