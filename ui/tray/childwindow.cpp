// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/childwindow.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ui/shared/categorynames.h"
#include "ui/tray/helplinebox.h"
#include "ui/tray/staysafebox.h"

namespace sundial::ui
{

ChildWindow::ChildWindow(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_reason(new QLabel(this))
    , m_until(new QLabel(this))
    , m_budgets(new QLabel(this))
    , m_minutes(new QSpinBox(this))
    , m_requestReason(new QLineEdit(this))
    , m_ask(new QPushButton(tr("Ask for more time"), this))
    , m_requestState(new QLabel(this))
    , m_recorded(new QLabel(this))
    , m_helpLine(new HelpLineBox(this))
    , m_staySafe(new StaySafeBox(this))
{
    setWindowTitle(tr("Sundial — your screen time"));
    setObjectName(QStringLiteral("childWindow"));
    auto *layout = new QVBoxLayout(this);

    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_until->setObjectName(QStringLiteral("allowedUntil"));
    m_budgets->setObjectName(QStringLiteral("budgets"));
    for (QLabel *label : {m_headline, m_reason, m_until, m_budgets}) {
        label->setWordWrap(true);
        layout->addWidget(label);
    }

    auto *ask = new QGroupBox(tr("Ask for more time"), this);
    auto *askLayout = new QFormLayout(ask);
    m_minutes->setRange(5, 240);
    m_minutes->setSingleStep(5);
    m_minutes->setValue(15);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setAccessibleName(tr("Minutes to ask for"));
    m_requestReason->setPlaceholderText(tr("Why? (optional)"));
    m_requestReason->setMaxLength(200);
    m_requestReason->setAccessibleName(tr("Reason for asking"));
    m_ask->setObjectName(QStringLiteral("askButton"));
    m_requestState->setObjectName(QStringLiteral("requestState"));
    m_requestState->setWordWrap(true);
    askLayout->addRow(tr("How long:"), m_minutes);
    askLayout->addRow(tr("Why:"), m_requestReason);
    askLayout->addRow(m_ask);
    askLayout->addRow(m_requestState);
    layout->addWidget(ask);
    connect(m_ask, &QPushButton::clicked, this, [this] {
        emit askForMoreTime(m_minutes->value(), m_requestReason->text());
        setRequestState(QStringLiteral("pending"));
    });

    auto *parentHere = new QGroupBox(tr("A parent is here"), this);
    parentHere->setObjectName(QStringLiteral("parentBox"));
    auto *parentLayout = new QHBoxLayout(parentHere);
    m_parentMinutes = new QSpinBox(parentHere);
    m_parentMinutes->setRange(5, 240);
    m_parentMinutes->setSingleStep(5);
    m_parentMinutes->setValue(30);
    m_parentMinutes->setSuffix(tr(" min"));
    m_parentMinutes->setAccessibleName(tr("Minutes a parent gives"));
    auto *approve = new QPushButton(tr("Give time with a parent's password"), parentHere);
    approve->setObjectName(QStringLiteral("approveButton"));
    parentLayout->addWidget(m_parentMinutes);
    parentLayout->addWidget(approve, 1);
    layout->addWidget(parentHere);
    connect(approve, &QPushButton::clicked, this, [this] { emit approveOnTheSpot(m_parentMinutes->value()); });

    auto *recorded = new QGroupBox(tr("What Sundial records"), this);
    recorded->setObjectName(QStringLiteral("recordedBox"));
    auto *recordedLayout = new QVBoxLayout(recorded);
    m_recorded->setWordWrap(true);
    m_recorded->setObjectName(QStringLiteral("recorded"));
    recordedLayout->addWidget(m_recorded);
    auto *whoSees = new QLabel(tr("Your parents can see this, and the reasons you write when you ask for more time. "
                                  "Sundial sends nothing over the internet, but your parents can save reports."),
        recorded);
    whoSees->setObjectName(QStringLiteral("recordedWhoSees"));
    whoSees->setWordWrap(true);
    recordedLayout->addWidget(whoSees);
    layout->addWidget(recorded);
    layout->addWidget(m_helpLine);
    connect(m_helpLine, &HelpLineBox::pageRequested, this, &ChildWindow::helpLinePageRequested);
    layout->addWidget(m_staySafe); // below the help line, which its tips point to
    layout->addStretch();
    setMinimumWidth(380);
}

void ChildWindow::setStatus(const ChildStatus &status)
{
    if (!status.limited) {
        m_headline->setText(tr("Sundial does not limit this account."));
        m_reason->clear();
    } else if (status.outOfTime()) {
        m_headline->setText(tr("Time is up for now"));
    } else if (status.remaining) {
        m_headline->setText(tr("%1 left today").arg(formatDuration(*status.remaining)));
    } else {
        m_headline->setText(tr("No limit today"));
    }
    m_reason->setText(status.localizedReason());
    m_until->setVisible(status.allowedUntil > 0 && !status.outOfTime());
    m_until->setText(
        tr("Allowed until %1")
            .arg(QDateTime::fromSecsSinceEpoch(status.allowedUntil).time().toString(QStringLiteral("HH:mm"))));
    QStringList budgets;
    for (const BudgetLine &budget : status.budgets) {
        // A category's key ("Game") in the child's language ("Trò chơi"); a label as the parent wrote it.
        const QString name
            = budget.scope == QLatin1String("category") ? CategoryNames::displayName(budget.name) : budget.name;
        budgets << tr("%1: %2 of %3 left").arg(name, formatDuration(budget.remaining), formatDuration(budget.limit));
    }
    m_budgets->setVisible(!budgets.isEmpty());
    m_budgets->setText(budgets.join(QLatin1Char('\n')));
    m_recorded->setText(status.localizedRecorded());
    m_helpLine->setStatus(status);
    m_staySafe->setStatus(status);
}

void ChildWindow::setRequestState(const QString &state, int minutes)
{
    m_requestState->setText(localizedRequestState(state, minutes));
}

} // namespace sundial::ui
