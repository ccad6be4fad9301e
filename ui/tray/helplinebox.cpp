// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/helplinebox.h"

#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

HelpLineBox::HelpLineBox(QWidget *parent)
    : QGroupBox(tr("Need to talk to someone?"), parent)
    , m_name(new QLabel(this))
    , m_when(new QLabel(this))
    , m_phone(new QLabel(this))
    , m_note(new QLabel(this))
    , m_link(new QLabel(this))
{
    setObjectName(QStringLiteral("helpLine"));
    setAccessibleName(tr("Help line"));
    auto *layout = new QVBoxLayout(this);
    // When to call, said to the child: the line is for more than emergencies, and it is never
    // blocked by a limit.
    m_when->setText(tr("Sad, scared, bullied or hurt by someone? You can call any time, even when your time is up."));
    for (QLabel *label : {m_name, m_when, m_phone, m_note, m_link}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        layout->addWidget(label);
    }
    connect(m_link, &QLabel::linkActivated, this, [this](const QString &link) { emit pageRequested(QUrl(link)); });
    m_name->setObjectName(QStringLiteral("helpLineName"));
    m_when->setObjectName(QStringLiteral("helpLineWhen"));
    m_phone->setObjectName(QStringLiteral("helpLinePhone"));
    m_note->setObjectName(QStringLiteral("helpLineNote"));
    m_link->setObjectName(QStringLiteral("helpLineUrl"));
    // Its wrapped lines need the height they take at the width it is given, wherever it sits.
    QSizePolicy policy = sizePolicy();
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void HelpLineBox::setStatus(const ChildStatus &status)
{
    // The service always names a line (the country's when the rules name none); an older one may
    // not, and a child at risk from a parent must not be sent to that parent.
    m_name->setText(status.helpLineName.isEmpty()
            ? tr("If you need help, talk to a teacher or another adult you trust.")
            : status.helpLineName);
    m_phone->setVisible(!status.helpLinePhone.isEmpty());
    // Only the number: whether a line is free, or open at night, depends on the line.
    m_phone->setText(tr("Call %1").arg(status.helpLinePhone));
    // What this line offers, from the line's own entry (or the parent): never a fixed promise.
    m_note->setVisible(!status.helpLineNote.isEmpty());
    m_note->setText(status.helpLineNote);
    m_link->setVisible(!status.helpLineUrl.isEmpty());
    m_link->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(status.helpLineUrl.toHtmlEscaped()));
    setAccessibleDescription(status.helpLineName + QLatin1Char(' ') + status.helpLinePhone);
}

} // namespace sundial::ui
