// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/rulespage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

RulesPage::RulesPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_message(new QLabel(this))
{
    m_editor->setObjectName(QStringLiteral("rulesEditor"));
    m_editor->setAccessibleName(tr("Rules"));
    m_editor->setFont(QFont(QStringLiteral("monospace")));
    m_message->setObjectName(QStringLiteral("rulesMessage"));
    m_message->setWordWrap(true);
    auto *save = new QPushButton(tr("Save rules"), this);
    auto *revert = new QPushButton(tr("Revert"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Child:"), this));
    top->addWidget(m_child);
    top->addStretch();
    top->addWidget(revert);
    top->addWidget(save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_editor, 1);
    connect(save, &QPushButton::clicked, this, &RulesPage::save);
    connect(revert, &QPushButton::clicked, this, [this] {
        m_dirty = false;
        refresh();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { m_dirty = true; });
    connect(m_child, &QComboBox::activated, this, &RulesPage::refresh);
}

void RulesPage::refresh()
{
    if (m_dirty) {
        emit loaded(); // never replace what the parent is editing
        return;
    }
    m_client.listChildren([this](const QJsonDocument &children) {
        const QVariant selected = m_child->currentData();
        m_child->clear();
        for (const QJsonValue &child : children.array()) {
            m_child->addItem(child.toObject().value(QStringLiteral("name")).toString(),
                child.toObject().value(QStringLiteral("uid")).toInteger());
        }
        if (const int index = m_child->findData(selected); index >= 0) {
            m_child->setCurrentIndex(index);
        }
        if (m_child->count() == 0) {
            emit loaded();
            return;
        }
        m_client.getRules(uint(m_child->currentData().toLongLong()), [this](const QString &rules) {
            m_editor->setPlainText(rules);
            m_dirty = false;
            m_message->setText(tr("The rules' format is described in docs/RULES-JSON.md."));
            emit loaded();
        });
    });
}

void RulesPage::save()
{
    if (m_child->count() == 0) {
        return;
    }
    m_client.setRules(
        uint(m_child->currentData().toLongLong()), m_editor->toPlainText(),
        [this] {
            m_dirty = false;
            m_message->setText(tr("Saved. The new rules apply now."));
        },
        [this](const QString &error) { m_message->setText(tr("Not saved: %1").arg(error)); });
}

} // namespace sundial::ui
