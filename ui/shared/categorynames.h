// SPDX-License-Identifier: GPL-3.0-or-later
// CategoryNames: the freedesktop main categories (the keys rules and reports use) and their
// names as a parent reads them, translated. One table for the Activity page's charts, the rule
// tables and the used-apps picker.
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace sundial::ui
{

class CategoryNames
{
    Q_DECLARE_TR_FUNCTIONS(sundial::ui::CategoryNames)
public:
    // The main categories of the Desktop Menu Specification, in the order a picker lists them.
    static QStringList keys();
    // "Game" -> "Games" (translated); "" (apps without a category) -> "Other"; an unknown key
    // is shown as it is.
    static QString displayName(const QString &key);
};

} // namespace sundial::ui
