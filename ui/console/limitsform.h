// SPDX-License-Identifier: GPL-3.0-or-later
// LimitsForm: the rules' fields that are one value each — the weekly budget, warnings, idle
// threshold, the lockout ladder, when the day starts, the first day of the week, and a group for
// the browsers (private windows, a browser without Sundial's extension). Each field
// has a label beside it for the service's refusal. Only the fields the parent changed are
// written back, so a value the form cannot show (one the service would refuse anyway) is never
// replaced behind the parent's back.
#pragma once

#include <vector>

#include <QJsonObject>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace sundial::ui
{

class LimitsForm : public QWidget
{
    Q_OBJECT
public:
    explicit LimitsForm(QWidget *parent = nullptr);

    // Shows the fields of `rules` (the JSON form; an absent field shows its default). Not an
    // edit: edited() is not emitted and every field counts as unchanged again.
    void setFrom(const QJsonObject &rules);
    // Writes the fields changed since setFrom() into `rules`; leaves the others as they are.
    void writeTo(QJsonObject &rules) const;
    bool isEdited() const { return !m_touched.isEmpty(); }

    // Shows `message` beside the field `path` names ("lockout.graceSeconds",
    // "warningMinutes[2]") and focuses it. Returns false when no field here has that path.
    bool showError(const QString &path, const QString &message);
    void clearErrors();
    // True when showError() has a field for `path`.
    bool hasField(const QString &path) const { return fieldFor(path) != nullptr; }
    // The label beside the field with JSON key `key` ("lockout.graceSeconds"); nullptr if none.
    QLabel *errorLabel(const QString &key) const;

signals:
    void edited();

private:
    struct Field {
        QString key; // the JSON path
        QWidget *focus; // what gets the focus when the field is wrong
        QLabel *error;
    };
    // Adds a row for `key` to `form` (the page's own form when null): `editors` side by side,
    // then the error label.
    void addField(
        const QString &key, const QString &label, const QList<QWidget *> &editors, QFormLayout *form = nullptr);
    void touch(const QString &key);
    const Field *field(const QString &key) const;
    // The field a refusal's path names: the field itself, or a part of it ("warningMinutes[2]").
    const Field *fieldFor(const QString &path) const;

    QTimeEdit *m_dayStart;
    QComboBox *m_firstWeekday;
    QCheckBox *m_weeklyLimited;
    QSpinBox *m_weeklyHours;
    QSpinBox *m_weeklyMinutes;
    QLineEdit *m_warnings;
    QSpinBox *m_idle;
    QComboBox *m_lockoutAction;
    QCheckBox *m_downtime;
    QSpinBox *m_grace;
    QSpinBox *m_lockConfirm;
    QSpinBox *m_unlocks;
    QComboBox *m_privateWindows;
    QComboBox *m_withoutExtension;
    std::vector<Field> m_fields;
    QSet<QString> m_touched;
    bool m_loading = false;
};

} // namespace sundial::ui
