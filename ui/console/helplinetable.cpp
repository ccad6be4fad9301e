// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/helplinetable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sundial::ui
{

HelpLineTable HelpLineTable::fromJson(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error) {
            *error = why;
        }
        return HelpLineTable {};
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(parseError.errorString());
    }
    const QJsonArray list = document.object().value(QStringLiteral("helplines")).toArray();
    if (list.isEmpty()) {
        return fail(QStringLiteral("no \"helplines\" list"));
    }
    HelpLineTable table;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject object = list[i].toObject();
        const auto text = [&object](const char *key) { return object.value(QLatin1String(key)).toString().trimmed(); };
        HelpLineEntry entry {text("country").toUpper(), text("language").toLower(), text("name"), text("phone"),
            text("url"), text("note"), text("source"), text("comment")};
        const QString where = QStringLiteral("helplines[%1]").arg(i);
        if (entry.country.size() != 2) {
            return fail(where + QStringLiteral(": country must be an ISO 3166-1 alpha-2 code"));
        }
        if (entry.name.isEmpty()) {
            return fail(where + QStringLiteral(": no name"));
        }
        if (entry.phone.isEmpty() && entry.url.isEmpty()) {
            return fail(where + QStringLiteral(": neither phone nor url"));
        }
        if (!entry.source.startsWith(QLatin1String("http"))) {
            return fail(where + QStringLiteral(": no source (the page that publishes the number)"));
        }
        table.m_entries.append(entry);
    }
    return table;
}

HelpLineTable HelpLineTable::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = file.errorString();
        }
        return {};
    }
    return fromJson(file.readAll(), error);
}

int HelpLineTable::defaultIndex(const QLocale &locale) const
{
    const QString territory
        = locale.territory() == QLocale::AnyTerritory ? QString {} : QLocale::territoryToCode(locale.territory());
    const QString language = QLocale::languageToCode(locale.language());
    int sameCountry = -1;
    int international = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        const HelpLineEntry &entry = m_entries[i];
        if (entry.isInternational() && international < 0) {
            international = i;
        }
        if (territory.isEmpty() || entry.country != territory) {
            continue;
        }
        if (entry.language.isEmpty() || entry.language == language) {
            return i;
        }
        if (sameCountry < 0) {
            sameCountry = i;
        }
    }
    return sameCountry >= 0 ? sameCountry : international;
}

QLocale HelpLineTable::systemLocale()
{
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        QString value = qEnvironmentVariable(variable);
        if (value.isEmpty()) {
            continue;
        }
        // "vi_VN.UTF-8@euro" → "vi_VN"; "C" and "POSIX" name no country.
        value = value.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
        if (value == QLatin1String("C") || value == QLatin1String("POSIX")) {
            return QLocale::c();
        }
        return QLocale(value);
    }
    return QLocale::system();
}

} // namespace sundial::ui
