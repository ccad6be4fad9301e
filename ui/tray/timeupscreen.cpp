// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/timeupscreen.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/tray/helplinebox.h"

namespace sundial::ui
{

TimeUpScreen::TimeUpScreen(QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint | Qt::FramelessWindowHint)
    , m_reason(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_helpLine(new HelpLineBox(this))
{
    setObjectName(QStringLiteral("timeUpScreen"));
    setWindowTitle(tr("Time is up"));
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *title = new QLabel(tr("Time is up"), this);
    title->setObjectName(QStringLiteral("timeUpTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 3);
    big.setBold(true);
    title->setFont(big);
    QFont medium = m_countdown->font();
    medium.setPointSizeF(medium.pointSizeF() * 1.5);
    m_countdown->setFont(medium);
    m_reason->setFont(medium);
    m_reason->setObjectName(QStringLiteral("timeUpReason"));
    m_countdown->setObjectName(QStringLiteral("countdown"));
    auto *ask = new QPushButton(tr("Ask for more time"), this);
    ask->setObjectName(QStringLiteral("timeUpAsk"));
    connect(ask, &QPushButton::clicked, this, [this] { emit askForMoreTime(15, QString {}); });
    // Labels take the full width (word wrap needs it); the rest sits in the middle.
    for (QLabel *label : {title, m_reason, m_countdown}) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        layout->addWidget(label);
    }
    layout->addWidget(ask, 0, Qt::AlignHCenter);
    layout->addWidget(m_helpLine, 0, Qt::AlignHCenter);
    m_helpLine->setMinimumWidth(420);
    layout->addStretch();
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TimeUpScreen::tick);
}

void TimeUpScreen::start(const ChildStatus &status, const QString &reason, std::chrono::seconds grace)
{
    m_reason->setText(reason);
    m_helpLine->setStatus(status);
    m_left = grace;
    tick();
    m_timer.start();
    showFullScreen();
    raise();
    activateWindow();
}

void TimeUpScreen::tick()
{
    m_countdown->setText(tr("Save your work: the screen locks in %n seconds.", nullptr, int(m_left.count())));
    if (m_left.count() > 0) {
        m_left -= std::chrono::seconds {1};
    } else {
        m_timer.stop();
    }
}

} // namespace sundial::ui
