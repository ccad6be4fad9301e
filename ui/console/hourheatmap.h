// SPDX-License-Identifier: GPL-3.0-or-later
// HourHeatmap: when in the week the child uses the computer: weekday × hour of day, darker
// for more use.
#pragma once

#include <QJsonArray>
#include <QWidget>

namespace sundial::ui
{

class HourHeatmap : public QWidget
{
    Q_OBJECT
public:
    explicit HourHeatmap(QWidget *parent = nullptr);
    // Seven rows (Sunday first, as the service sends them) of 24 seconds counts.
    void setHours(const QJsonArray &hours);
    // The busiest cell as "weekday hour" (for tests and the accessible description).
    QString busiest() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_seconds[7][24] {};
    double m_highest = 0;
};

} // namespace sundial::ui
