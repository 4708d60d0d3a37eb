#pragma once

// Consensus: for now an overview of this node (network, head block, state
// root, audit trail size); the validator set and finality come later.

#include <QWidget>

#include <memory>

class QGroupBox;
class QLabel;

namespace gtx::interfaces {
struct NodeStatus;
}

namespace gtx::ui {

class ConsensusPage : public QWidget
{
    Q_OBJECT

public:
    explicit ConsensusPage(QWidget *parent = nullptr);
    ~ConsensusPage() override;

    void setStatus(const interfaces::NodeStatus &status);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

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
    QLabel *m_plannedLabel = nullptr;
};

} // namespace gtx::ui
