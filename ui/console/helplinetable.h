// SPDX-License-Identifier: GPL-3.0-or-later
// HelpLineTable: the shipped table of national child helplines (resources/helplines), and the
// one to offer by default for this computer's country.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace sundial::ui
{

struct HelpLineEntry {
    QString country; // ISO 3166-1 alpha-2; "ZZ" for the international fallback
    QString language; // ISO 639-1, only where a country has one line per language
    QString name;
    QString phone;
    QString url;
    QString note; // what the line offers, in its language ("free, day and night"); may be empty
    QString source; // a public page that publishes the number
    QString comment; // what could not be confirmed, among other notes

    bool isInternational() const { return country == QLatin1String(kInternational); }
    static constexpr const char *kInternational = "ZZ";
};

class HelpLineTable
{
public:
    // The table embedded in the console (a Qt resource).
    static constexpr const char *kResource = ":/helplines/helplines.json";

    // Reads the table's JSON form. On failure the table is empty and `error` says why; entries
    // without a name, without both phone and url, or without a source are refused.
    static HelpLineTable fromJson(const QByteArray &json, QString *error = nullptr);
    static HelpLineTable load(const QString &path = QString::fromLatin1(kResource), QString *error = nullptr);

    const QList<HelpLineEntry> &entries() const { return m_entries; }

    // The entry for the locale's territory (and its language, where a country has several);
    // the international entry when the territory has none or the locale has no territory.
    // -1 only for a table without an international entry and no match.
    int defaultIndex(const QLocale &locale) const;

    // The locale whose territory says where this computer is: LC_ALL, LC_MESSAGES or LANG
    // (the first set, as the C library reads them; "vi_VN.UTF-8" is Vietnam), else
    // QLocale::system().
    static QLocale systemLocale();

private:
    QList<HelpLineEntry> m_entries;
};

} // namespace sundial::ui
