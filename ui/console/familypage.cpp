// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/familypage.h"

#include <memory>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"
#include "ui/tray/childstatus.h"

namespace sundial::ui
{

FamilyPage::FamilyPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_cards(new QVBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    auto *actions = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add a child…"), this);
    add->setObjectName(QStringLiteral("addChild"));
    connect(add, &QPushButton::clicked, this, &FamilyPage::addChildFromAccounts);
    actions->addWidget(add);
    actions->addStretch();
    layout->addLayout(actions);
    layout->addLayout(m_cards);
    layout->addStretch();
}

void FamilyPage::refresh()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        // At most 10 pending a child (core::RequestStore::kMaxPending): one page holds 20 children's.
        m_client.listRequests(true, 0, 200, [this, children](const QJsonDocument &requests) {
            while (QLayoutItem *item = m_cards->takeAt(0)) {
                delete item->widget();
                delete item;
            }
            const QJsonArray list = children.array();
            if (list.isEmpty()) {
                auto *empty = new QLabel(tr("No child accounts are limited yet. Choose one with \"Add a "
                                            "child…\", or set Sundial up from the Family menu."),
                    this);
                empty->setObjectName(QStringLiteral("familyEmpty"));
                empty->setWordWrap(true);
                m_cards->addWidget(empty);
                emit loaded();
                return;
            }
            auto remaining = std::make_shared<int>(int(list.size()));
            for (const QJsonValue &child : list) {
                const uint uid = uint(child.toObject().value(QStringLiteral("uid")).toInteger());
                const QString name = child.toObject().value(QStringLiteral("name")).toString();
                QJsonArray mine;
                for (const QJsonValue &request : requests.array()) {
                    if (uint(request.toObject().value(QStringLiteral("uid")).toInteger()) == uid) {
                        mine.append(request);
                    }
                }
                m_client.childStatus(uid, [this, uid, name, mine, remaining](const QVariantMap &status) {
                    addCard(uid, name, status, mine);
                    if (--*remaining == 0) {
                        emit loaded();
                    }
                });
            }
        });
    });
}

void FamilyPage::addChildFromAccounts()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        QSet<uint> limited;
        for (const QJsonValue &child : children.array()) {
            limited.insert(uint(child.toObject().value(QStringLiteral("uid")).toInteger()));
        }
        const QList<LocalAccount> offered = LocalAccounts::without(m_accounts.humans(), limited);
        if (offered.isEmpty()) {
            QMessageBox::information(this, tr("Add a child"),
                tr("Every user account on this computer is limited already, or there are no others. Create an "
                   "account for the child first (in the system settings, or with \"sudo adduser NAME\")."));
            return;
        }
        QStringList labels;
        for (const LocalAccount &account : offered) {
            labels.append(account.label());
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Add a child"), tr("Which account belongs to a child?"), labels, 0, false, &ok);
        const qsizetype index = labels.indexOf(chosen);
        if (!ok || index < 0) {
            return;
        }
        const LocalAccount account = offered[index];
        m_client.addChild(
            account.uid, [this] { refresh(); },
            [this, account](const QString &message) {
                QMessageBox::warning(
                    this, tr("Add a child"), tr("%1 could not be limited: %2").arg(account.label(), message));
            });
    });
}

void FamilyPage::addCard(uint uid, const QString &name, const QVariantMap &map, const QJsonArray &requests)
{
    const ChildStatus status = ChildStatus::fromMap(map);
    auto *card = new QGroupBox(name, this);
    card->setObjectName(QStringLiteral("card-%1").arg(uid));
    card->setAccessibleName(tr("Child %1").arg(name));
    auto *layout = new QVBoxLayout(card);
    auto *summary = new QLabel(card);
    summary->setObjectName(QStringLiteral("summary-%1").arg(uid));
    if (status.remaining) {
        summary->setText(
            tr("%1 used, %2 left today").arg(formatDuration(status.used), formatDuration(*status.remaining)));
        auto *bar = new QProgressBar(card);
        const qint64 budget = status.used.count() + status.remaining->count();
        bar->setRange(0, int(std::max<qint64>(budget, 1)));
        bar->setValue(int(std::min<qint64>(status.used.count(), budget)));
        bar->setFormat(tr("%p% of today's time used"));
        bar->setAccessibleName(tr("Time used today by %1").arg(name));
        layout->addWidget(bar);
    } else {
        summary->setText(tr("%1 used today, no limit").arg(formatDuration(status.used)));
    }
    layout->insertWidget(0, summary);
    auto *now = new QLabel(status.localizedReason(), card);
    now->setObjectName(QStringLiteral("reason-%1").arg(uid));
    now->setWordWrap(true);
    layout->addWidget(now);
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        const qint64 id = request.value(QStringLiteral("id")).toInteger();
        auto *row = new QHBoxLayout;
        auto *asks = new QLabel(tr("Asks for %1 min: %2")
                                    .arg(request.value(QStringLiteral("minutes")).toInteger())
                                    .arg(request.value(QStringLiteral("reason")).toString()),
            card);
        asks->setObjectName(QStringLiteral("request-%1").arg(id));
        row->addWidget(asks, 1);
        for (const int minutes : {15, 30, 60, 0}) {
            auto *button = new QPushButton(minutes == 0 ? tr("Deny") : tr("+%1 min").arg(minutes), card);
            button->setObjectName(QStringLiteral("answer-%1-%2").arg(id).arg(minutes));
            connect(button, &QPushButton::clicked, this,
                [this, id, minutes] { m_client.answerRequest(id, uint(minutes), [this] { refresh(); }); });
            row->addWidget(button);
        }
        layout->addLayout(row);
    }
    m_cards->addWidget(card);
}

} // namespace sundial::ui
