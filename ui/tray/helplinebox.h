// SPDX-License-Identifier: GPL-3.0-or-later
// HelpLineBox: the help line's name, number and web link; part of every child view, never
// hidden, one click (or one tap of a number) away.
#pragma once

#include <QGroupBox>

class QLabel;

namespace sundial::ui
{

struct ChildStatus;

class HelpLineBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit HelpLineBox(QWidget *parent = nullptr);
    void setStatus(const ChildStatus &status);

private:
    QLabel *m_name;
    QLabel *m_when;
    QLabel *m_phone;
    QLabel *m_link;
};

} // namespace sundial::ui
