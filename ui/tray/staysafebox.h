// SPDX-License-Identifier: GPL-3.0-or-later
// StaySafeBox: "Staying safe online" in the child's window: four short tips for a child of about
// 8–14, behind a title that opens them (the window is a small side window). Below the help line,
// which the tips point to and never repeat.
#pragma once

#include <QGroupBox>

class QLabel;
class QToolButton;

namespace sundial::ui
{

struct ChildStatus;

class StaySafeBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit StaySafeBox(QWidget *parent = nullptr);

    // The tips point to the help line box above only when it shows a way to reach a line.
    void setStatus(const ChildStatus &status);
    // Closed at first; the title opens and closes the tips.
    void setExpanded(bool expanded);
    bool isExpanded() const;

private:
    QToolButton *m_title;
    QWidget *m_tips;
    QLabel *m_tellSomeone;
};

} // namespace sundial::ui
