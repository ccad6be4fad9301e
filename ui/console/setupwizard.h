// SPDX-License-Identifier: GPL-3.0-or-later
// SetupWizard: the console's first-run setup. Three steps: which local accounts are children,
// a starting rule set, and the help line the children always see (from the helpline table,
// the computer's country preselected, every field editable, its source shown). Finish limits
// each new child (Admin.AddChild) and writes the starter rules and help line into each chosen
// child's current rules (Admin.GetRules, then SetRules); a failure is shown on the last page
// and the wizard stays open.
#pragma once

#include <QSet>
#include <QWizard>

#include "ui/console/helplinetable.h"
#include "ui/console/localaccounts.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace sundial::ui
{

class AdminClient;

class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum class Starter { SchoolDays, EveryDay, RecordOnly };
    enum PageId { ChildrenPage, StarterPage, HelpLinePage };

    // `limited`: accounts the service limits already (shown checked; not added again).
    // `currentUid`: the parent running the console, never preselected.
    SetupWizard(AdminClient &client, const QList<LocalAccount> &accounts, const QSet<uint> &limited,
        const HelpLineTable &table, int defaultHelpLine, uint currentUid, QWidget *parent = nullptr);

    const QList<LocalAccount> &accounts() const { return m_accounts; }
    const HelpLineTable &table() const { return m_table; }

    QSet<uint> chosenChildren() const;
    void setChosenChildren(const QSet<uint> &uids);
    Starter starter() const;
    void setStarter(Starter starter);
    // Fills the help-line fields from the table's entry `index`.
    void selectHelpLine(int index);
    // The help line's fields as shown (name, phone, url, note), trimmed.
    void setHelpLineFields(const HelpLineEntry &line);
    HelpLineEntry helpLine() const;

    // `rulesJson` (docs/RULES-JSON.md) with every weekday's budget and windows replaced by the
    // starter set's and the help line's name, phone, url and note set; everything else kept.
    // Empty, with `error` set, when `rulesJson` is not a JSON object.
    static QString withStarter(
        const QString &rulesJson, Starter starter, const HelpLineEntry &helpLine, QString *error = nullptr);

    // Whether this user finished the setup once (QSettings: sundial/sundial-console).
    static bool completed();

    // Applies the choices; closes the wizard only when every call succeeded.
    void accept() override;

signals:
    // After every Finish: ok, or the problems shown to the parent (one per failed account).
    void applied(bool ok, const QStringList &problems);

private:
    void applyNext();
    void writeRules(uint uid, const QString &who);
    void finishApplying();

    AdminClient &m_client;
    QList<LocalAccount> m_accounts;
    QSet<uint> m_limited;
    HelpLineTable m_table;
    QList<QCheckBox *> m_accountBoxes;
    QButtonGroup *m_starters;
    QComboBox *m_helpChoice;
    QLineEdit *m_helpName;
    QLineEdit *m_helpPhone;
    QLineEdit *m_helpUrl;
    QLineEdit *m_helpNote;
    QLabel *m_helpSource;
    QLabel *m_message;
    QList<uint> m_queue;
    QStringList m_problems;
    bool m_applying = false;
};

} // namespace sundial::ui
