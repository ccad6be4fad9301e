// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/onlinesafetypage.h"

#include <memory>

#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

namespace
{

QString bulletList(const QStringList &items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString &item : items) {
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    }
    return html + QStringLiteral("</ul>");
}

// Phone numbers compare by their digits ("116 111" is "116111"), addresses without case or a
// trailing slash.
QString phoneDigits(const QString &phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit() || c == QLatin1Char('+')) {
            digits += c;
        }
    }
    return digits;
}

QString comparableUrl(QString url)
{
    url = url.trimmed().toLower();
    while (url.endsWith(QLatin1Char('/'))) {
        url.chop(1);
    }
    return url;
}

// The table's entry for a child's help line (its status map): one whose number or web address is
// the line's, and of those the one that matches most (the name, then the computer's country, as
// "116 111" is the number of several countries' lines); -1 when none, or when several match
// equally: a guess would show another country's pages.
int entryFor(const HelpLineTable &table, const QVariantMap &status, const QLocale &country)
{
    const QString name = status.value(QStringLiteral("helpLineName")).toString().trimmed();
    const QString phone = phoneDigits(status.value(QStringLiteral("helpLinePhone")).toString());
    const QString url = comparableUrl(status.value(QStringLiteral("helpLineUrl")).toString());
    const QString territory = QLocale::territoryToCode(country.territory());
    int best = -1;
    int bestScore = 0;
    bool tied = false;
    for (int i = 0; i < table.entries().size(); ++i) {
        const HelpLineEntry &entry = table.entries()[i];
        const bool samePhone = !phone.isEmpty() && phoneDigits(entry.phone) == phone;
        const bool sameUrl = !url.isEmpty() && comparableUrl(entry.url) == url;
        if (!samePhone && !sameUrl) {
            continue;
        }
        const int score = (entry.name.compare(name, Qt::CaseInsensitive) == 0 ? 8 : 0) + (samePhone ? 2 : 0)
            + (sameUrl ? 2 : 0) + (entry.country == territory ? 1 : 0);
        if (score > bestScore) {
            best = i;
            bestScore = score;
            tied = false;
        } else if (score == bestScore) {
            tied = true;
        }
    }
    return tied ? -1 : best;
}

QLabel *section(QWidget *page, QVBoxLayout *layout, const QString &title, const QString &name)
{
    auto *box = new QGroupBox(title, page);
    box->setObjectName(name + QStringLiteral("Box"));
    auto *text = new QLabel(box);
    text->setObjectName(name);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    (new QVBoxLayout(box))->addWidget(text);
    layout->addWidget(box);
    return text;
}

} // namespace

OnlineSafetyPage::OnlineSafetyPage(
    AdminClient &client, const HelpLineTable &helpLines, const QLocale &country, QWidget *parent)
    : ConsolePage(client, parent)
    , m_helpLines(helpLines)
    , m_country(country)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *intro = new QLabel(tr("What to say to your child about life online, what to watch for, and what to do if "
                                "something goes wrong. Sundial records no messages and no screenshots: what matters "
                                "most is that your child tells you."),
        content);
    intro->setObjectName(QStringLiteral("safetyIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    section(content, layout, tr("How to talk about it"), QStringLiteral("safetyTalk"))
        ->setText(bulletList({tr("Stay calm, even if what you hear worries you."),
            tr("Listen first, and let your child tell it in their own words."),
            // The advice most often given: the fear of losing the device is why children keep quiet.
            tr("Do not blame them, and do not take their devices away as a punishment: children who fear that stop "
               "telling."),
            tr("Keep talking: ask about their apps, games and online friends often, not only when something is "
               "wrong.")}));

    section(content, layout, tr("Signs of bullying or grooming"), QStringLiteral("safetySigns"))
        ->setText(tr("Each can have other causes. If you notice one, ask gently.").toHtmlEscaped()
            + bulletList({tr("Secrecy about online friends or about what they do online."),
                tr("Gifts, money or game credit from someone they met online."),
                tr("Withdrawing from family, friends or things they used to enjoy."),
                tr("Being upset, anxious or angry after being online."),
                tr("New contacts who are much older than they are."),
                tr("Someone asking them to move to a private chat or another app.")}));

    section(content, layout, tr("If something happens"), QStringLiteral("safetyIncident"))
        ->setText(bulletList({tr("Keep the evidence: screenshots of the messages and profiles, user names, dates."),
            // Keeping or sending such images can itself be a crime, and it hurts the child again.
            tr("If there are sexual images of a child, do not copy or forward them, even as evidence: tell the "
               "police where they are."),
            tr("On the Activity page, open that day's bar: its timeline shows which apps (and sites, where known) "
               "were in use, and when, for as many days as the Settings page keeps details."),
            tr("Tell the school if other pupils are involved."),
            tr("Contact the help line your child sees (on the Settings page), or local counselling services."),
            tr("If a child is in danger, call the police.")}));

    m_sources = section(content, layout, tr("The help line's pages"), QStringLiteral("safetySources"));
    m_sources->setOpenExternalLinks(true);
    m_sources->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *pageLayout = new QVBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(scroll);
    showSourcesFor({});
}

void OnlineSafetyPage::refresh()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        const QJsonArray list = children.array();
        if (list.isEmpty()) {
            showSourcesFor({});
            emit loaded();
            return;
        }
        auto statuses = std::make_shared<QList<QVariantMap>>();
        for (const QJsonValue &child : list) {
            const uint uid = uint(child.toObject().value(QStringLiteral("uid")).toInteger());
            m_client.childStatus(uid, [this, statuses, expected = list.size()](const QVariantMap &status) {
                statuses->append(status);
                if (statuses->size() == expected) {
                    showSourcesFor(*statuses);
                    emit loaded();
                }
            });
        }
    });
}

void OnlineSafetyPage::showSourcesFor(const QList<QVariantMap> &childStatuses)
{
    QList<int> shown;
    for (const QVariantMap &status : childStatuses) {
        const int index = entryFor(m_helpLines, status, m_country);
        if (index >= 0 && !shown.contains(index)) {
            shown.append(index);
        }
    }
    QString html;
    if (shown.size() == 1) {
        html = tr("The help line your child sees, from Sundial's help line table.").toHtmlEscaped();
    } else if (shown.size() > 1) {
        html = tr("The help lines your children see, from Sundial's help line table.").toHtmlEscaped();
    } else if (const int index = m_helpLines.defaultIndex(m_country); index >= 0) {
        shown.append(index);
        html = tr("The help line for this computer's country, from Sundial's help line table.").toHtmlEscaped();
    } else {
        m_sources->setText(tr("Sundial's help line table could not be read.").toHtmlEscaped());
        return;
    }
    html += QLatin1Char(' ')
        + tr("The advice above is general. These links are not Sundial's: they are the help line's own website "
             "and the page Sundial took its number from.")
              .toHtmlEscaped();
    const auto link
        = [](const QString &url) { return QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()); };
    for (const int index : shown) {
        const HelpLineEntry &entry = m_helpLines.entries()[index];
        html += QStringLiteral("<p><b>%1</b>").arg(entry.name.toHtmlEscaped());
        if (!entry.url.isEmpty()) {
            html += QStringLiteral("<br>") + tr("Its website: %1").toHtmlEscaped().arg(link(entry.url));
        }
        html += QStringLiteral("<br>")
            + tr("Where Sundial found its number: %1").toHtmlEscaped().arg(link(entry.source)) + QStringLiteral("</p>");
    }
    m_sources->setText(html);
}

} // namespace sundial::ui
