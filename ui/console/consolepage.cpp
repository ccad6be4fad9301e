// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/consolepage.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalBlocker>

namespace sundial::ui
{

ConsolePage::ConsolePage(AdminClient &client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
}

void ConsolePage::fillChildren(QComboBox &picker, const QJsonDocument &children)
{
    const QSignalBlocker quiet(picker);
    const QVariant selected = picker.currentData();
    picker.clear();
    for (const QJsonValue &child : children.array()) {
        picker.addItem(child.toObject().value(QStringLiteral("name")).toString(),
            child.toObject().value(QStringLiteral("uid")).toInteger());
    }
    if (const int index = picker.findData(selected); index >= 0) {
        picker.setCurrentIndex(index);
    }
}

} // namespace sundial::ui
