// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/timeupscreen.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/tray/helplinebox.h"

namespace sundial::ui
{

namespace
{

constexpr int kMaxButtons = 9; // Ctrl+1 … Ctrl+9

// The entry's icon; without one (no icon theme, a missing file), the name's first letter.
QIcon appIcon(const QString &icon, const QString &name, const QPalette &palette)
{
    const QIcon found = QFileInfo(icon).isAbsolute() ? QIcon(icon) : QIcon::fromTheme(icon);
    if (!found.isNull() && !found.availableSizes().isEmpty()) {
        return found;
    }
    QPixmap letter(96, 96);
    letter.fill(Qt::transparent);
    QPainter painter(&letter);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(palette.color(QPalette::Highlight));
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(4, 4, 88, 88), 18, 18);
    QFont font = painter.font();
    font.setPixelSize(52);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::HighlightedText));
    painter.drawText(QRectF(0, 0, 96, 96), Qt::AlignCenter, name.left(1).toUpper());
    return QIcon(letter);
}

} // namespace

TimeUpScreen::TimeUpScreen(QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_reason(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_requestState(new QLabel(this))
    , m_appsBox(new QWidget(this))
    , m_appsRow(new QHBoxLayout)
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

    m_appsBox->setObjectName(QStringLiteral("offeredApps"));
    auto *appsLayout = new QVBoxLayout(m_appsBox);
    auto *appsTitle = new QLabel(tr("You can still use:"), m_appsBox);
    appsTitle->setObjectName(QStringLiteral("offeredAppsTitle"));
    appsTitle->setAlignment(Qt::AlignCenter);
    appsLayout->addWidget(appsTitle);
    appsLayout->addLayout(m_appsRow);
    m_appsRow->setAlignment(Qt::AlignHCenter);
    m_appsBox->hide();
    layout->addWidget(m_appsBox);

    layout->addWidget(ask, 0, Qt::AlignHCenter);
    m_requestState->setObjectName(QStringLiteral("timeUpRequestState"));
    m_requestState->setAlignment(Qt::AlignCenter);
    m_requestState->setWordWrap(true);
    m_requestState->hide();
    layout->addWidget(m_requestState);
    // Centred by stretches, not by alignment: an aligned box gets its size hint's height, which
    // cuts its wrapped lines; in a row it gets the height its width needs.
    m_helpLine->setFixedWidth(560);
    auto *helpRow = new QHBoxLayout;
    helpRow->addStretch();
    helpRow->addWidget(m_helpLine);
    helpRow->addStretch();
    layout->addLayout(helpRow);
    layout->addStretch();
    connect(m_helpLine, &HelpLineBox::pageRequested, this, &TimeUpScreen::helpLinePageRequested);
    auto *helpKey = new QShortcut(QKeySequence(Qt::Key_F1), this);
    connect(helpKey, &QShortcut::activated, this, [this] {
        if (m_helpLineUrl.isValid() && !m_helpLineUrl.isEmpty()) {
            emit helpLinePageRequested(m_helpLineUrl);
        }
    });
    for (int number = 1; number <= kMaxButtons; ++number) {
        auto *key = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)), this);
        connect(key, &QShortcut::activated, this, [this, number] {
            if (m_downtime || m_action == QLatin1String("downtime")) {
                if (number <= m_apps.size()) {
                    startApp(m_apps.at(number - 1));
                }
            }
        });
    }
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &TimeUpScreen::tick);
}

void TimeUpScreen::start(const ChildStatus &status, const QString &reason, std::chrono::seconds grace)
{
    m_left = grace;
    setStatus(status, reason);
    tick();
    m_timer.start();
    present(m_action != QLatin1String("downtime"));
}

void TimeUpScreen::setStatus(const ChildStatus &status, const QString &reason)
{
    m_reason->setText(reason);
    m_helpLine->setStatus(status);
    m_helpLineUrl = QUrl(status.helpLineUrl);
    m_action = status.lockoutAction;
    const bool downtimeBegins = status.downtime && !m_downtime;
    m_downtime = status.downtime;
    showApps(m_action == QLatin1String("downtime") || m_downtime ? status.offeredApps : QList<OfferedApp> {});
    m_countdown->setText(countdownText());
    if (downtimeBegins && !isVisible()) {
        present(false);
    }
}

QString TimeUpScreen::countdownText() const
{
    const int left = int(m_left.count());
    if (m_downtime || (m_action == QLatin1String("downtime") && left == 0)) {
        return tr("Other apps are closed until you have time again.");
    }
    if (m_action == QLatin1String("downtime")) {
        return tr("Save your work: in %n seconds, apps that are not shown here will close.", nullptr, left);
    }
    if (m_action == QLatin1String("logout")) {
        return tr(
            "Save your work now: in %n seconds you will be logged out, and anything not saved is lost.", nullptr, left);
    }
    if (m_action == QLatin1String("suspend")) {
        return tr("Save your work: the computer goes to sleep in %n seconds.", nullptr, left);
    }
    return tr("Save your work: the screen locks in %n seconds.", nullptr, left);
}

void TimeUpScreen::setRequestState(const QString &state, int minutes)
{
    m_requestState->setText(localizedRequestState(state, minutes));
    m_requestState->setVisible(!m_requestState->text().isEmpty());
}

void TimeUpScreen::tick()
{
    m_countdown->setText(countdownText());
    if (m_left.count() > 0) {
        m_left -= std::chrono::seconds {1};
    } else {
        m_timer.stop();
    }
}

void TimeUpScreen::showApps(const QList<OfferedApp> &apps)
{
    // The buttons are made again only when what they offer changed (a status comes every minute).
    const QList<OfferedApp> shown = apps.mid(0, kMaxButtons);
    if (shown == m_apps) {
        m_appsBox->setVisible(!m_apps.isEmpty());
        return;
    }
    m_apps = shown;
    while (QLayoutItem *item = m_appsRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (qsizetype i = 0; i < m_apps.size(); ++i) {
        const OfferedApp &app = m_apps.at(i);
        auto *button = new QToolButton(m_appsBox);
        button->setObjectName(QStringLiteral("offeredApp-") + app.id);
        button->setText(app.name);
        button->setIcon(appIcon(app.icon, app.name, palette()));
        button->setIconSize(QSize(64, 64));
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setMinimumWidth(120);
        button->setAutoRaise(true);
        button->setToolTip(tr("Open %1 (Ctrl+%2)").arg(app.name).arg(i + 1));
        button->setAccessibleName(tr("Open %1").arg(app.name));
        connect(button, &QToolButton::clicked, this, [this, app] { startApp(app); });
        m_appsRow->addWidget(button);
    }
    m_appsBox->setVisible(!m_apps.isEmpty());
}

void TimeUpScreen::startApp(const OfferedApp &app)
{
    const bool started = QProcess::startDetached(app.command.first(), app.command.mid(1));
    emit appStarted(app.id, started);
    if (started) {
        lower(); // what the screen offers opens above it
    }
}

void TimeUpScreen::present(bool onTop)
{
    // Kept on top while a lock is coming; in downtime the apps it starts must be able to cover it.
    const Qt::WindowFlags flags
        = Qt::Window | Qt::FramelessWindowHint | (onTop ? Qt::WindowStaysOnTopHint : Qt::Widget);
    if (windowFlags() != flags) {
        setWindowFlags(flags);
    }
    showFullScreen();
    raise();
    activateWindow();
}

void TimeUpScreen::closeEvent(QCloseEvent *event)
{
    // In downtime the screen is the way to the allowed apps and the help line: it stays.
    if (m_downtime) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

} // namespace sundial::ui
