// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shared/categorynames.h"

#include <QHash>

namespace sundial::ui
{

namespace
{

struct Category {
    const char *key;
    const char *name;
};

constexpr Category kCategories[] = {
    {"AudioVideo", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Audio and video")},
    {"Audio", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Audio")},
    {"Video", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Video")},
    {"Development", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Programming")},
    {"Education", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Education")},
    {"Game", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Games")},
    {"Graphics", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Graphics")},
    {"Network", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Internet")},
    {"Office", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Office")},
    {"Science", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Science")},
    {"Settings", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Settings")},
    {"System", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "System")},
    {"Utility", QT_TRANSLATE_NOOP("sundial::ui::CategoryNames", "Accessories")},
};

} // namespace

QStringList CategoryNames::keys()
{
    QStringList keys;
    for (const Category &category : kCategories) {
        keys.append(QLatin1String(category.key));
    }
    return keys;
}

QString CategoryNames::displayName(const QString &key)
{
    if (key.isEmpty()) {
        return tr("Other");
    }
    for (const Category &category : kCategories) {
        if (key == QLatin1String(category.key)) {
            return tr(category.name);
        }
    }
    return key;
}

} // namespace sundial::ui
