// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped helpline table: every entry is usable and sourced; the default follows the
// computer's country, and falls back to the international entry.
#include <QtTest>

#include "ui/console/helplinetable.h"

using namespace sundial::ui;

class HelpLineTableTest : public QObject
{
    Q_OBJECT

private slots:
    void everyShippedEntryHasANamePhoneOrUrlAndASource()
    {
        QString error;
        const HelpLineTable table = HelpLineTable::load(QString::fromLatin1(HelpLineTable::kResource), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(table.entries().size() >= 22);
        QSet<QString> countries;
        for (const HelpLineEntry &entry : table.entries()) {
            QVERIFY2(!entry.name.isEmpty(), qPrintable(entry.country));
            QVERIFY2(!entry.phone.isEmpty() || !entry.url.isEmpty(), qPrintable(entry.name));
            QVERIFY2(entry.source.startsWith(QLatin1String("http")), qPrintable(entry.name));
            countries.insert(entry.country);
        }
        for (const char *country : {"VN", "ID", "DE", "FR", "GB", "IE", "US", "CA", "AU", "NZ", "NL", "BE", "ES", "IT",
                 "SE", "NO", "DK", "FI", "PL", "JP", "IN", "ZZ"}) {
            QVERIFY2(countries.contains(QLatin1String(country)), country);
        }
    }

    void theInstalledFileIsTheEmbeddedOne()
    {
        QFile embedded(QString::fromLatin1(HelpLineTable::kResource));
        QFile source(QStringLiteral(SUNDIAL_SOURCE_DIR "/resources/helplines/helplines.json"));
        QVERIFY(embedded.open(QIODevice::ReadOnly) && source.open(QIODevice::ReadOnly));
        QCOMPARE(embedded.readAll(), source.readAll());
    }

    void vietnameseInVietnamGetsTheNationalLine111()
    {
        const HelpLineTable table = HelpLineTable::load();
        const int index = table.defaultIndex(QLocale(QStringLiteral("vi_VN")));
        QVERIFY(index >= 0);
        QCOMPARE(table.entries()[index].country, QStringLiteral("VN"));
        QCOMPARE(table.entries()[index].phone, QStringLiteral("111"));
    }

    void aCountryWithALinePerLanguageFollowsTheLanguage()
    {
        const HelpLineTable table = HelpLineTable::load();
        QCOMPARE(table.entries()[table.defaultIndex(QLocale(QStringLiteral("nl_BE")))].phone, QStringLiteral("102"));
        QCOMPARE(table.entries()[table.defaultIndex(QLocale(QStringLiteral("fr_BE")))].phone, QStringLiteral("103"));
        // German in Belgium: no line of its own, the country's first.
        QCOMPARE(table.entries()[table.defaultIndex(QLocale(QStringLiteral("de_BE")))].country, QStringLiteral("BE"));
    }

    void anUnknownCountryGetsTheInternationalEntry()
    {
        const HelpLineTable table = HelpLineTable::load();
        for (const QLocale &locale :
            {QLocale::c(), QLocale(QStringLiteral("pt_BR")), QLocale(QStringLiteral("sw_KE"))}) {
            const int index = table.defaultIndex(locale);
            QVERIFY(index >= 0);
            QVERIFY2(table.entries()[index].isInternational(), qPrintable(locale.name()));
        }
    }

    void theSystemLocaleComesFromLcAllThenLang()
    {
        qputenv("LC_ALL", "vi_VN.UTF-8");
        qputenv("LANG", "de_DE.UTF-8");
        QCOMPARE(HelpLineTable::systemLocale().territory(), QLocale::Vietnam);
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
        QCOMPARE(HelpLineTable::systemLocale().territory(), QLocale::Germany);
        qputenv("LANG", "C.UTF-8");
        const HelpLineTable table = HelpLineTable::load();
        QVERIFY(table.entries()[table.defaultIndex(HelpLineTable::systemLocale())].isInternational());
    }

    void entriesWithoutSourceOrContactAreRefused()
    {
        const QByteArray noSource = "{\"helplines\": [{\"country\": \"VN\", \"name\": \"X\", \"phone\": \"111\"}]}";
        const QByteArray noContact
            = "{\"helplines\": [{\"country\": \"VN\", \"name\": \"X\", \"source\": \"https://example.org\"}]}";
        QString error;
        QVERIFY(HelpLineTable::fromJson(noSource, &error).entries().isEmpty());
        QVERIFY(error.contains(QLatin1String("source")));
        QVERIFY(HelpLineTable::fromJson(noContact, &error).entries().isEmpty());
        QVERIFY(error.contains(QLatin1String("phone")));
    }
};

QTEST_GUILESS_MAIN(HelpLineTableTest)
#include "test_ui_helplinetable.moc"
