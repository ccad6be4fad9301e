// SPDX-License-Identifier: GPL-3.0-or-later
// LocalAccounts lists the human accounts of a passwd file within login.defs' UID range.
#include <QtTest>

#include "ui/console/localaccounts.h"

using namespace sundial::ui;

namespace
{

QString fixture(const char *name)
{
    return QStringLiteral(SUNDIAL_FIXTURES "/accounts/") + QLatin1String(name);
}

QStringList namesOf(const QList<LocalAccount> &accounts)
{
    QStringList names;
    for (const LocalAccount &account : accounts) {
        names.append(account.name);
    }
    return names;
}

} // namespace

class LocalAccountsTest : public QObject
{
    Q_OBJECT

private slots:
    void humansAreTheLoginAccountsInsideLoginDefsRange()
    {
        const QList<LocalAccount> humans = LocalAccounts(fixture("passwd"), fixture("login.defs")).humans();
        // UID_MIN is 1001 there: mum (1000) is outside; nologin and false shells are skipped.
        QCOMPARE(namesOf(humans), (QStringList {QStringLiteral("an"), QStringLiteral("binh")}));
        QCOMPARE(humans[0].uid, 1001u);
        QCOMPARE(humans[0].fullName, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(humans[0].label(), QStringLiteral("Nguyễn Văn An (an)"));
        QCOMPARE(humans[1].fullName, QString());
        QCOMPARE(humans[1].label(), QStringLiteral("binh"));
    }

    void withoutLoginDefsTheRangeIs1000To60000()
    {
        QCOMPARE(LocalAccounts::uidRange(fixture("missing")), (std::pair<uint, uint> {1000, 60000}));
        const QList<LocalAccount> humans = LocalAccounts(fixture("passwd"), fixture("missing")).humans();
        QCOMPARE(namesOf(humans), (QStringList {QStringLiteral("mum"), QStringLiteral("an"), QStringLiteral("binh")}));
    }

    void loginDefsIgnoresCommentedSettings()
    {
        QCOMPARE(LocalAccounts::uidRange(fixture("login.defs")), (std::pair<uint, uint> {1001, 60000}));
    }

    void anUnreadablePasswdFileListsNoOne()
    {
        QVERIFY(LocalAccounts(fixture("missing"), fixture("login.defs")).humans().isEmpty());
    }

    void accountsAlreadyLimitedAreNotOfferedAgain()
    {
        const QList<LocalAccount> humans = LocalAccounts(fixture("passwd"), fixture("missing")).humans();
        QCOMPARE(namesOf(LocalAccounts::without(humans, {1001})),
            (QStringList {QStringLiteral("mum"), QStringLiteral("binh")}));
        QVERIFY(LocalAccounts::without(humans, {1000, 1001, 1002}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(LocalAccountsTest)
#include "test_ui_localaccounts.moc"
