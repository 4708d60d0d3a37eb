#pragma once

// Consensus: the chain as this console's node sees it (the head and the
// heights at each finality level, how long finality lags, a live feed of
// recent blocks, the network's members with their performance, the node's
// peer links and their health) and facts about this node (network, head
// block, state root, audit trail size).

#include <QWidget>

#include <memory>

class QGroupBox;
class QLabel;
class QTableView;
class QTabWidget;

namespace gtx::interfaces {
struct NodeStatus;
}

namespace gtx::ui {

class ConsensusModel;

class ConsensusPage : public QWidget
{
    Q_OBJECT

public:
    explicit ConsensusPage(QWidget *parent = nullptr);
    ~ConsensusPage() override;

    void setStatus(const interfaces::NodeStatus &status);
    // The live view (the page does not own it); shown as it changes.
    void setModel(ConsensusModel *model);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showConsensus();
    void showTabTitles();

    std::unique_ptr<interfaces::NodeStatus> m_status;
    QLabel *m_titleLabel = nullptr;
    QGroupBox *m_nodeBox = nullptr;
    QLabel *m_networkName = nullptr;
    QLabel *m_networkValue = nullptr;
    QLabel *m_heightName = nullptr;
    QLabel *m_heightValue = nullptr;
    QLabel *m_headTimeName = nullptr;
    QLabel *m_headTimeValue = nullptr;
    QLabel *m_headHashName = nullptr;
    QLabel *m_headHashValue = nullptr;
    QLabel *m_stateRootName = nullptr;
    QLabel *m_stateRootValue = nullptr;
    QLabel *m_auditName = nullptr;
    QLabel *m_auditValue = nullptr;

    ConsensusModel *m_model = nullptr;
    QGroupBox *m_finalityBox = nullptr;
    QLabel *m_joinedNote = nullptr;
    QLabel *m_headName = nullptr;
    QLabel *m_headValue = nullptr;
    QLabel *m_fastName = nullptr;
    QLabel *m_fastValue = nullptr;
    QLabel *m_fullName = nullptr;
    QLabel *m_fullValue = nullptr;
    QLabel *m_economicName = nullptr;
    QLabel *m_economicValue = nullptr;
    QLabel *m_lagName = nullptr;
    QLabel *m_lagValue = nullptr;
    QLabel *m_peersName = nullptr;
    QLabel *m_peersValue = nullptr;
    QGroupBox *m_blocksBox = nullptr;
    QTableView *m_blocksView = nullptr;
    // The network: its members, and this node's links to them (the links
    // tab's title counts the lost ones, so they show without a click).
    QTabWidget *m_networkTabs = nullptr;
    QTableView *m_membersView = nullptr;
    QTableView *m_linksView = nullptr;
};

} // namespace gtx::ui
