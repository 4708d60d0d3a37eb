#pragma once

// Governance: every proposal on the chain, newest first, with its type,
// track and status, and for the proposal selected its text, its timeline
// (voting ends, executes), what it changes against the values in force,
// its tally per class of voters with each class's weight (40 / 35 / 15 /
// 10 by default), the weighted turnout and support against the thresholds
// it needs, its deposit and its outcome. The rules a new proposal would be
// judged by are stated, and a technical upgrade the chain has scheduled is
// announced, in amber while this software is below it and red once the
// chain has stopped for it.

#include <QWidget>

#include <string>

class QGroupBox;
class QLabel;
class QTableView;

namespace gtx::interfaces {
struct GovernanceSnapshot;
struct ProposalRow;
}

namespace gtx::ui {

class GovernanceModel;
class TallyTableModel;

class GovernancePage : public QWidget
{
    Q_OBJECT

public:
    explicit GovernancePage(QWidget *parent = nullptr);
    ~GovernancePage() override;

    // The live view (the page does not own it); shown as it changes.
    void setModel(GovernanceModel *model);
    // The proposal shown (its key); the newest until the operator picks one.
    std::string selectedProposal() const { return m_proposal; }
    void selectProposal(const std::string &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showProposals();
    void showProposal();
    void showProposalKey(const std::string &key);
    void showRules();
    // What became of a proposal, in the console's language.
    static QString outcomeText(const interfaces::ProposalRow &p, const interfaces::GovernanceSnapshot &s);

    GovernanceModel *m_model = nullptr;
    std::string m_proposal;
    bool m_proposalPicked = false;
    bool m_selecting = false;
    TallyTableModel *m_tally = nullptr;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_rules = nullptr;
    QLabel *m_upgrade = nullptr;
    QGroupBox *m_proposalsBox = nullptr;
    QTableView *m_proposalsView = nullptr;
    QGroupBox *m_proposalBox = nullptr;
    QLabel *m_emptyNote = nullptr;
    struct Fact
    {
        QLabel *name = nullptr;
        QLabel *value = nullptr;
    };
    Fact m_kind, m_proposer, m_text, m_changes, m_timeline, m_deposit, m_outcome;
    QGroupBox *m_tallyBox = nullptr;
    QTableView *m_tallyView = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace gtx::ui
