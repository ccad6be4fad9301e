// SPDX-License-Identifier: GPL-3.0-or-later
// HelpLineBox: the help line's name, number and web link; part of every child view, never
// hidden, one click (or one tap of a number) away.
#pragma once

#include <QGroupBox>

class QLabel;
class QUrl;

namespace sundial::ui
{

struct ChildStatus;

class HelpLineBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit HelpLineBox(QWidget *parent = nullptr);
    void setStatus(const ChildStatus &status);

signals:
    // The child clicked the help line's page; the receiver opens it (after telling the service,
    // so that the browser is not closed in downtime).
    void pageRequested(const QUrl &url);

private:
    QLabel *m_name;
    QLabel *m_when;
    QLabel *m_phone;
    QLabel *m_note;
    QLabel *m_link;
};

} // namespace sundial::ui
