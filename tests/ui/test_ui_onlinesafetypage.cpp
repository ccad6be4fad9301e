// SPDX-License-Identifier: GPL-3.0-or-later
// The parent's "Staying safe online" page: its three sections of advice, and links to read more
// that come from the help line table only: the line of the child's help line, else of the
// computer's country (offscreen, no service).
#include <QDBusConnection>
#include <QGroupBox>
#include <QLabel>
#include <QtTest>

#include "ui/console/adminclient.h"
#include "ui/console/helplinetable.h"
#include "ui/console/onlinesafetypage.h"

using namespace sundial::ui;

class OnlineSafetyPageTest : public QObject
{
    Q_OBJECT

private:
    static HelpLineEntry entryOf(const HelpLineTable &table, const QString &country)
    {
        for (const HelpLineEntry &entry : table.entries()) {
            if (entry.country == country) {
                return entry;
            }
        }
        return {};
    }

    static QString sourcesOf(const OnlineSafetyPage &page)
    {
        const auto *sources = page.findChild<QLabel *>(QStringLiteral("safetySources"));
        return sources ? sources->text() : QString {};
    }

    static QString link(const QString &url) { return QStringLiteral("href=\"%1\"").arg(url.toHtmlEscaped()); }

private slots:
    void theThreeSectionsOfAdviceAreShown()
    {
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        OnlineSafetyPage page(client, HelpLineTable::load(), QLocale(QStringLiteral("en_GB")));
        const QList<std::pair<const char *, const char *>> sections {
            {"safetyTalk", "How to talk about it"},
            {"safetySigns", "Signs of bullying or grooming"},
            {"safetyIncident", "If something happens"},
        };
        for (const auto &[name, title] : sections) {
            const auto *box = page.findChild<QGroupBox *>(QLatin1String(name) + QStringLiteral("Box"));
            QVERIFY2(box, name);
            QCOMPARE(box->title(), QLatin1String(title));
            const auto *text = page.findChild<QLabel *>(QLatin1String(name));
            QVERIFY2(text && text->text().contains(QStringLiteral("<li>")), name);
        }
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("safetyTalk"))->text().contains(QStringLiteral("Stay calm")));
        QVERIFY(
            page.findChild<QLabel *>(QStringLiteral("safetySigns"))->text().contains(QStringLiteral("private chat")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("safetyIncident"))
                    ->text()
                    .contains(QStringLiteral("Keep the evidence")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("safetySources"))->openExternalLinks());
    }

    void vietnamShowsTheLinksOfLine111()
    {
        const HelpLineTable table = HelpLineTable::load();
        const HelpLineEntry vietnam = entryOf(table, QStringLiteral("VN"));
        QVERIFY(!vietnam.source.isEmpty());
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        OnlineSafetyPage page(client, table, QLocale(QStringLiteral("vi_VN")));
        const QString sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(vietnam.source)), qPrintable(sources));
        QVERIFY2(sources.contains(link(vietnam.url)), qPrintable(sources));
        QVERIFY(sources.contains(QStringLiteral("this computer's country")));
    }

    void germanyShowsTheLinksOfNummerGegenKummer()
    {
        const HelpLineTable table = HelpLineTable::load();
        const HelpLineEntry germany = entryOf(table, QStringLiteral("DE"));
        QVERIFY(!germany.source.isEmpty());
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        OnlineSafetyPage page(client, table, QLocale(QStringLiteral("de_DE")));
        const QString sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(germany.source)), qPrintable(sources));
        QVERIFY(!sources.contains(link(entryOf(table, QStringLiteral("VN")).source)));
    }

    void theChildsHelpLineWinsOverTheComputersCountry()
    {
        const HelpLineTable table = HelpLineTable::load();
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        OnlineSafetyPage page(client, table, QLocale(QStringLiteral("de_DE")));
        // Matched by the number's digits, whatever its spacing ("116 111" is several countries' number:
        // the computer's country decides); a line not in the table adds nothing.
        page.showSourcesFor({{{QStringLiteral("helpLinePhone"), QStringLiteral("116111")}},
            {{QStringLiteral("helpLinePhone"), QStringLiteral("0123 456")}}});
        QString sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(entryOf(table, QStringLiteral("DE")).source)), qPrintable(sources));
        QVERIFY(sources.contains(QStringLiteral("your child sees")));
        page.showSourcesFor({{{QStringLiteral("helpLinePhone"), QStringLiteral("111")},
            {QStringLiteral("helpLineUrl"), QStringLiteral("https://tongdai111.vn")}}});
        sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(entryOf(table, QStringLiteral("VN")).source)), qPrintable(sources));
        QVERIFY(!sources.contains(link(entryOf(table, QStringLiteral("DE")).source)));
        // Only a line the table does not have: the computer's country again.
        page.showSourcesFor({{{QStringLiteral("helpLinePhone"), QStringLiteral("0123 456")}}});
        QVERIFY(sourcesOf(page).contains(link(entryOf(table, QStringLiteral("DE")).source)));
        QVERIFY(sourcesOf(page).contains(QStringLiteral("this computer's country")));
    }

    void aNumberSeveralCountriesShareIsNeverGuessed()
    {
        const HelpLineTable table = HelpLineTable::load();
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        OnlineSafetyPage page(client, table, QLocale(QStringLiteral("en_GB")));
        page.showSourcesFor({{{QStringLiteral("helpLinePhone"), QStringLiteral("116 111")}}});
        QString sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(entryOf(table, QStringLiteral("GB")).source)), qPrintable(sources));
        QVERIFY(!sources.contains(link(entryOf(table, QStringLiteral("DE")).source)));
        // With its web address (any case, a trailing slash), the line is Sweden's.
        page.showSourcesFor({{{QStringLiteral("helpLinePhone"), QStringLiteral("116 111")},
            {QStringLiteral("helpLineUrl"), QStringLiteral("https://www.BRIS.se/")}}});
        sources = sourcesOf(page);
        QVERIFY2(sources.contains(link(entryOf(table, QStringLiteral("SE")).source)), qPrintable(sources));
        QVERIFY(!sources.contains(link(entryOf(table, QStringLiteral("GB")).source)));
    }

    void everyLinkComesFromTheHelpLineTable()
    {
        // No address of Sundial's own: every href on the page is an entry's url or source.
        const HelpLineTable table = HelpLineTable::load();
        QSet<QString> known;
        for (const HelpLineEntry &entry : table.entries()) {
            known << entry.url.toHtmlEscaped() << entry.source.toHtmlEscaped();
        }
        AdminClient client(QDBusConnection(QStringLiteral("none")));
        for (const char *locale : {"vi_VN", "de_DE", "en_GB", "fr_FR", "ja_JP"}) {
            OnlineSafetyPage page(client, table, QLocale(QLatin1String(locale)));
            for (const QLabel *label : page.findChildren<QLabel *>()) {
                const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
                for (auto match = href.globalMatch(label->text()); match.hasNext();) {
                    const QString url = match.next().captured(1);
                    QVERIFY2(known.contains(url), qPrintable(url));
                }
            }
        }
    }
};

QTEST_MAIN(OnlineSafetyPageTest)
#include "test_ui_onlinesafetypage.moc"
