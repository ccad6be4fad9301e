// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/staysafebox.h"

#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

StaySafeBox::StaySafeBox(QWidget *parent)
    : QGroupBox(parent)
    , m_title(new QToolButton(this))
    , m_tips(new QWidget(this))
    , m_tellSomeone(new QLabel(m_tips))
{
    setObjectName(QStringLiteral("staySafe"));
    // The title is the button (a disclosure): its text is the section's name for screen readers.
    m_title->setObjectName(QStringLiteral("staySafeTitle"));
    m_title->setText(tr("Staying safe online"));
    m_title->setCheckable(true);
    m_title->setAutoRaise(true);
    m_title->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *sharing = new QLabel(tr("Think before you share photos or details like your address, school or phone "
                                  "number. Once sent, they can be copied, and you may never be able to delete them."),
        m_tips);
    sharing->setObjectName(QStringLiteral("staySafeSharing"));
    // Said plainly because a child who was tricked often blames themself and stays silent.
    auto *notYourFault = new QLabel(tr("If someone pressures you, threatens you or asks you for pictures, they are "
                                       "doing wrong. It is not your fault, even if you already sent something."),
        m_tips);
    notYourFault->setObjectName(QStringLiteral("staySafeNotYourFault"));
    m_tellSomeone->setObjectName(QStringLiteral("staySafeTellSomeone"));
    auto *block = new QLabel(tr("You can block and report them: most apps and games have Block and Report in the "
                                "person's profile or in the chat's menu."),
        m_tips);
    block->setObjectName(QStringLiteral("staySafeBlock"));
    auto *tipsLayout = new QVBoxLayout(m_tips);
    tipsLayout->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : {sharing, notYourFault, m_tellSomeone, block}) {
        label->setWordWrap(true);
        tipsLayout->addWidget(label);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tips);
    connect(m_title, &QToolButton::toggled, this, &StaySafeBox::setExpanded);
    setExpanded(false);
    setStatus(ChildStatus {});
    // Its wrapped lines need the height they take at the width it is given (as the help line's box).
    QSizePolicy policy = sizePolicy();
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void StaySafeBox::setStatus(const ChildStatus &status)
{
    // A status that names no way to reach a line (an older service) leaves nothing above to contact.
    m_tellSomeone->setText(status.helpLinePhone.isEmpty() && status.helpLineUrl.isEmpty()
            ? tr("Keep the messages and tell an adult you trust.")
            : tr("Keep the messages and tell an adult you trust, or contact the help line above."));
}

void StaySafeBox::setExpanded(bool expanded)
{
    if (m_title->isChecked() != expanded) {
        m_title->setChecked(expanded); // comes back here through toggled
        return;
    }
    m_title->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_tips->setVisible(expanded);
}

bool StaySafeBox::isExpanded() const
{
    return m_title->isChecked();
}

} // namespace sundial::ui
