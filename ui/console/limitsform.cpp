// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/limitsform.h"

#include <array>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTimeEdit>

namespace sundial::ui
{

namespace
{

// The rules' weekday keys with QLocale's day numbers (1 = Monday).
const std::array<QString, 7> kWeekdays {QStringLiteral("monday"), QStringLiteral("tuesday"),
    QStringLiteral("wednesday"), QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"),
    QStringLiteral("sunday")};

// docs/RULES-JSON.md's defaults, shown when the rules leave a field out.
constexpr int kDefaultIdleSeconds = 180;
constexpr int kDefaultGraceSeconds = 60;
constexpr int kDefaultLockConfirmSeconds = 5;
constexpr int kDefaultUnlocks = 3;

QSpinBox *spinBox(int from, int to, const QString &suffix)
{
    auto *spin = new QSpinBox;
    spin->setRange(from, to);
    spin->setSuffix(suffix);
    return spin;
}

} // namespace

LimitsForm::LimitsForm(QWidget *parent)
    : QWidget(parent)
    , m_dayStart(new QTimeEdit)
    , m_firstWeekday(new QComboBox)
    , m_weeklyLimited(new QCheckBox(tr("Limit the week to")))
    , m_weeklyHours(spinBox(0, 168, tr(" h")))
    , m_weeklyMinutes(spinBox(0, 59, tr(" min")))
    , m_warnings(new QLineEdit)
    , m_idle(spinBox(30, 3600, tr(" s")))
    , m_lockoutAction(new QComboBox)
    , m_downtime(new QCheckBox(tr("Keep always-allowed apps usable (downtime)")))
    , m_grace(spinBox(0, 600, tr(" s")))
    , m_lockConfirm(spinBox(1, 60, tr(" s")))
    , m_unlocks(spinBox(1, 100, QString()))
    , m_privateWindows(new QComboBox)
    , m_withoutExtension(new QComboBox)
{
    setObjectName(QStringLiteral("limitsForm"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_weeklyHours->setObjectName(QStringLiteral("weeklyHours"));
    m_weeklyMinutes->setObjectName(QStringLiteral("weeklyMinutes"));
    m_weeklyLimited->setAccessibleName(tr("Limit the week"));
    m_weeklyHours->setAccessibleName(tr("Weekly budget, hours"));
    m_weeklyMinutes->setAccessibleName(tr("Weekly budget, minutes"));
    m_weeklyMinutes->setSingleStep(15);
    m_weeklyHours->setEnabled(false);
    m_weeklyMinutes->setEnabled(false);
    connect(m_weeklyLimited, &QCheckBox::toggled, m_weeklyHours, &QWidget::setEnabled);
    connect(m_weeklyLimited, &QCheckBox::toggled, m_weeklyMinutes, &QWidget::setEnabled);
    addField(
        QStringLiteral("weeklyBudgetMinutes"), tr("Weekly budget:"), {m_weeklyLimited, m_weeklyHours, m_weeklyMinutes});

    m_warnings->setAccessibleName(tr("Warnings, minutes before time is up"));
    m_warnings->setPlaceholderText(tr("15, 5, 1"));
    m_warnings->setToolTip(tr("Up to 10 times, 1 to 120 minutes each, separated by commas"));
    m_warnings->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral(R"(^[\d\s,]*$)")), m_warnings));
    addField(QStringLiteral("warningMinutes"), tr("Warn (minutes before the end):"), {m_warnings});

    m_idle->setAccessibleName(tr("Idle after, seconds"));
    m_idle->setToolTip(tr("With no keyboard or mouse input this long, time stops counting"));
    m_idle->setSingleStep(30);
    addField(QStringLiteral("idleThresholdSeconds"), tr("Idle after:"), {m_idle});

    m_lockoutAction->addItem(tr("Lock the screen"), QStringLiteral("lock"));
    m_lockoutAction->addItem(tr("Log out"), QStringLiteral("logout"));
    m_lockoutAction->addItem(tr("Suspend the computer"), QStringLiteral("suspend"));
    m_lockoutAction->setAccessibleName(tr("When time is up"));
    addField(QStringLiteral("lockout.action"), tr("When time is up:"), {m_lockoutAction});

    m_downtime->setAccessibleName(tr("Downtime: keep always-allowed apps usable when time is up"));
    m_downtime->setToolTip(tr("When time is up, Sundial closes the other apps and leaves the always-allowed ones and "
                              "the help line usable. With no always-allowed app, or with this off, the action above "
                              "is taken."));
    addField(QStringLiteral("lockout.downtime"), tr("Always-allowed apps:"), {m_downtime});

    m_grace->setAccessibleName(tr("Time to save work, seconds"));
    m_grace->setToolTip(tr("The countdown the child gets to save their work when time is up"));
    m_grace->setSingleStep(15);
    addField(QStringLiteral("lockout.graceSeconds"), tr("Time to save work:"), {m_grace});

    m_lockConfirm->setAccessibleName(tr("Wait for the screen lock, seconds"));
    m_lockConfirm->setToolTip(tr("If the screen is not locked within this time, the child is logged out"));
    addField(QStringLiteral("lockout.lockConfirmSeconds"), tr("Wait for the screen lock:"), {m_lockConfirm});

    m_unlocks->setAccessibleName(tr("Unlocks before the child is logged out"));
    m_unlocks->setToolTip(tr("How often the child may unlock while out of time before being logged out"));
    addField(
        QStringLiteral("lockout.unlocksBeforeTerminate"), tr("Unlocks before the child is logged out:"), {m_unlocks});

    m_dayStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_dayStart->setAccessibleName(tr("The day starts at"));
    m_dayStart->setToolTip(tr("Daily budgets start again at this time"));
    addField(QStringLiteral("dayStart"), tr("The day starts at:"), {m_dayStart});

    for (std::size_t day = 0; day < kWeekdays.size(); ++day) {
        m_firstWeekday->addItem(QLocale().dayName(int(day) + 1), kWeekdays[day]);
    }
    m_firstWeekday->setAccessibleName(tr("The week starts on"));
    m_firstWeekday->setToolTip(tr("The weekly budget starts again on this day"));
    addField(QStringLiteral("firstWeekday"), tr("The week starts on:"), {m_firstWeekday});

    auto *browsers = new QGroupBox(tr("Browsers"), this);
    browsers->setObjectName(QStringLiteral("browsersGroup"));
    auto *browsersForm = new QFormLayout(browsers);
    browsersForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(browsers);
    // The first choice of each is the default (docs/RULES-JSON.md), shown for an absent value.
    m_privateWindows->addItem(tr("Allowed (tracked like any window)"), QStringLiteral("allowed"));
    m_privateWindows->addItem(tr("Turned off"), QStringLiteral("off"));
    m_privateWindows->setAccessibleName(tr("Private windows"));
    addField(QStringLiteral("browsers.privateWindows"), tr("Private windows:"), {m_privateWindows}, browsersForm);
    m_withoutExtension->addItem(tr("Allowed and counted as the app"), QStringLiteral("allowed"));
    m_withoutExtension->addItem(tr("Closed"), QStringLiteral("closed"));
    m_withoutExtension->setAccessibleName(tr("A browser without Sundial's extension"));
    m_withoutExtension->setToolTip(tr("Sites are not recorded in such a browser, so site rules cannot apply there"));
    addField(QStringLiteral("browsers.withoutExtension"),
        tr("A browser without Sundial's extension (another browser, a portable copy, the extension removed):"),
        {m_withoutExtension}, browsersForm);
    // A long label (longer in Vietnamese): it wraps rather than widening the window.
    if (auto *label = qobject_cast<QLabel *>(browsersForm->labelForField(m_withoutExtension->parentWidget()))) {
        label->setWordWrap(true);
    }
    auto *note = new QLabel(tr("Private windows are set for the whole computer: if any child has them turned off, "
                               "they are off for every account."),
        browsers);
    note->setObjectName(QStringLiteral("browsersNote"));
    note->setWordWrap(true);
    browsersForm->addRow(note);
}

void LimitsForm::addField(const QString &key, const QString &label, const QList<QWidget *> &editors, QFormLayout *form)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *editor : editors) {
        layout->addWidget(editor);
        auto changed = [this, key] { touch(key); };
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            connect(box, &QComboBox::currentIndexChanged, this, changed);
        } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            connect(spin, &QSpinBox::valueChanged, this, changed);
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            connect(line, &QLineEdit::textChanged, this, changed);
        } else if (auto *time = qobject_cast<QTimeEdit *>(editor)) {
            connect(time, &QTimeEdit::timeChanged, this, changed);
        } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
            connect(check, &QCheckBox::toggled, this, changed);
        }
    }
    editors.front()->setObjectName(key);
    auto *error = new QLabel(row);
    error->setObjectName(QStringLiteral("error-") + key);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->hide();
    layout->addWidget(error, 1);
    // Editors keep their natural width; the spare width goes to the error, or to nothing.
    layout->addStretch();
    if (!form) {
        form = static_cast<QFormLayout *>(this->layout());
    }
    form->addRow(label, row);
    if (auto *text = qobject_cast<QLabel *>(form->labelForField(row))) {
        text->setBuddy(editors.front());
    }
    m_fields.push_back({key, editors.front(), error});
}

void LimitsForm::touch(const QString &key)
{
    if (m_loading) {
        return;
    }
    m_touched.insert(key);
    emit edited();
}

void LimitsForm::setFrom(const QJsonObject &rules)
{
    m_loading = true;
    clearErrors();
    const QJsonValue weekly = rules.value(QStringLiteral("weeklyBudgetMinutes"));
    m_weeklyLimited->setChecked(weekly.isDouble());
    m_weeklyHours->setValue(weekly.toInt() / 60);
    m_weeklyMinutes->setValue(weekly.toInt() % 60);

    QStringList warnings;
    const QJsonValue warningValue = rules.value(QStringLiteral("warningMinutes"));
    const QJsonArray warningList = warningValue.isArray() ? warningValue.toArray() : QJsonArray {15, 5, 1};
    for (const QJsonValue &warning : warningList) {
        warnings << QString::number(warning.toInt());
    }
    m_warnings->setText(warnings.join(QStringLiteral(", ")));
    m_idle->setValue(rules.value(QStringLiteral("idleThresholdSeconds")).toInt(kDefaultIdleSeconds));

    const QJsonObject lockout = rules.value(QStringLiteral("lockout")).toObject();
    m_lockoutAction->setCurrentIndex(
        qMax(0, m_lockoutAction->findData(lockout.value(QStringLiteral("action")).toString(QStringLiteral("lock")))));
    m_downtime->setChecked(lockout.value(QStringLiteral("downtime")).toBool(true));
    m_grace->setValue(lockout.value(QStringLiteral("graceSeconds")).toInt(kDefaultGraceSeconds));
    m_lockConfirm->setValue(lockout.value(QStringLiteral("lockConfirmSeconds")).toInt(kDefaultLockConfirmSeconds));
    m_unlocks->setValue(lockout.value(QStringLiteral("unlocksBeforeTerminate")).toInt(kDefaultUnlocks));

    const QTime dayStart = QTime::fromString(
        rules.value(QStringLiteral("dayStart")).toString(QStringLiteral("00:00")), QStringLiteral("HH:mm"));
    m_dayStart->setTime(dayStart.isValid() ? dayStart : QTime(0, 0));
    m_firstWeekday->setCurrentIndex(qMax(
        0, m_firstWeekday->findData(rules.value(QStringLiteral("firstWeekday")).toString(QStringLiteral("monday")))));

    // An absent or unknown choice shows the default, the first.
    const QJsonObject browsers = rules.value(QStringLiteral("browsers")).toObject();
    m_privateWindows->setCurrentIndex(
        qMax(0, m_privateWindows->findData(browsers.value(QStringLiteral("privateWindows")).toString())));
    m_withoutExtension->setCurrentIndex(
        qMax(0, m_withoutExtension->findData(browsers.value(QStringLiteral("withoutExtension")).toString())));
    m_touched.clear();
    m_loading = false;
}

void LimitsForm::writeTo(QJsonObject &rules) const
{
    const auto changed = [this](const char *key) { return m_touched.contains(QLatin1String(key)); };
    if (changed("weeklyBudgetMinutes")) {
        rules[QStringLiteral("weeklyBudgetMinutes")] = m_weeklyLimited->isChecked()
            ? QJsonValue(m_weeklyHours->value() * 60 + m_weeklyMinutes->value())
            : QJsonValue(QJsonValue::Null);
    }
    if (changed("warningMinutes")) {
        QJsonArray warnings;
        for (const QString &part : m_warnings->text().split(QRegularExpression(QStringLiteral(R"([\s,]+)")))) {
            if (!part.isEmpty()) {
                warnings.append(part.toInt());
            }
        }
        rules[QStringLiteral("warningMinutes")] = warnings;
    }
    if (changed("idleThresholdSeconds")) {
        rules[QStringLiteral("idleThresholdSeconds")] = m_idle->value();
    }
    QJsonObject lockout = rules.value(QStringLiteral("lockout")).toObject();
    if (changed("lockout.action")) {
        lockout[QStringLiteral("action")] = m_lockoutAction->currentData().toString();
    }
    if (changed("lockout.downtime")) {
        lockout[QStringLiteral("downtime")] = m_downtime->isChecked();
    }
    if (changed("lockout.graceSeconds")) {
        lockout[QStringLiteral("graceSeconds")] = m_grace->value();
    }
    if (changed("lockout.lockConfirmSeconds")) {
        lockout[QStringLiteral("lockConfirmSeconds")] = m_lockConfirm->value();
    }
    if (changed("lockout.unlocksBeforeTerminate")) {
        lockout[QStringLiteral("unlocksBeforeTerminate")] = m_unlocks->value();
    }
    if (!lockout.isEmpty()) {
        rules[QStringLiteral("lockout")] = lockout;
    }
    if (changed("dayStart")) {
        rules[QStringLiteral("dayStart")] = m_dayStart->time().toString(QStringLiteral("HH:mm"));
    }
    if (changed("firstWeekday")) {
        rules[QStringLiteral("firstWeekday")] = m_firstWeekday->currentData().toString();
    }
    QJsonObject browsers = rules.value(QStringLiteral("browsers")).toObject();
    if (changed("browsers.privateWindows")) {
        browsers[QStringLiteral("privateWindows")] = m_privateWindows->currentData().toString();
    }
    if (changed("browsers.withoutExtension")) {
        browsers[QStringLiteral("withoutExtension")] = m_withoutExtension->currentData().toString();
    }
    if (!browsers.isEmpty()) {
        rules[QStringLiteral("browsers")] = browsers;
    }
}

const LimitsForm::Field *LimitsForm::field(const QString &key) const
{
    for (const Field &candidate : m_fields) {
        if (candidate.key == key) {
            return &candidate;
        }
    }
    return nullptr;
}

const LimitsForm::Field *LimitsForm::fieldFor(const QString &path) const
{
    // "lockout" ("browsers") alone is the group as a whole: shown at its first field.
    const QString key = path == QLatin1String("lockout") ? QStringLiteral("lockout.action")
        : path == QLatin1String("browsers")              ? QStringLiteral("browsers.privateWindows")
                                                         : path;
    for (const Field &candidate : m_fields) {
        if (key == candidate.key || key.startsWith(candidate.key + QLatin1Char('.'))
            || key.startsWith(candidate.key + QLatin1Char('['))) {
            return &candidate;
        }
    }
    return nullptr;
}

bool LimitsForm::showError(const QString &path, const QString &message)
{
    const Field *found = fieldFor(path);
    if (!found) {
        return false;
    }
    clearErrors();
    found->error->setText(message);
    found->error->show();
    found->focus->setAccessibleDescription(message); // a screen reader says why on focus
    found->focus->setFocus(Qt::OtherFocusReason);
    return true;
}

void LimitsForm::clearErrors()
{
    for (const Field &candidate : m_fields) {
        candidate.error->clear();
        candidate.error->hide();
        candidate.focus->setAccessibleDescription(QString());
    }
}

QLabel *LimitsForm::errorLabel(const QString &key) const
{
    const Field *found = field(key);
    return found ? found->error : nullptr;
}

} // namespace sundial::ui
