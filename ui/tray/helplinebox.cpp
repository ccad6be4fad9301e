// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/helplinebox.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

HelpLineBox::HelpLineBox(QWidget *parent)
    : QGroupBox(tr("Need to talk to someone?"), parent)
    , m_name(new QLabel(this))
    , m_phone(new QLabel(this))
    , m_link(new QLabel(this))
{
    setObjectName(QStringLiteral("helpLine"));
    setAccessibleName(tr("Help line"));
    auto *layout = new QVBoxLayout(this);
    for (QLabel *label : {m_name, m_phone, m_link}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        layout->addWidget(label);
    }
    m_link->setOpenExternalLinks(true);
    m_name->setObjectName(QStringLiteral("helpLineName"));
    m_phone->setObjectName(QStringLiteral("helpLinePhone"));
    m_link->setObjectName(QStringLiteral("helpLineUrl"));
}

void HelpLineBox::setStatus(const ChildStatus &status)
{
    m_name->setText(status.helpLineName.isEmpty() ? tr("Ask a parent to set up a help line.") : status.helpLineName);
    m_phone->setVisible(!status.helpLinePhone.isEmpty());
    m_phone->setText(tr("Call %1 — free and confidential").arg(status.helpLinePhone));
    m_link->setVisible(!status.helpLineUrl.isEmpty());
    m_link->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(status.helpLineUrl.toHtmlEscaped()));
    setAccessibleDescription(status.helpLineName + QLatin1Char(' ') + status.helpLinePhone);
}

} // namespace sundial::ui
