#pragma once

// The node's state in the status bar: network, block height, head block
// time (Bangkok time; Buddhist Era in Thai) and whether the ledger is
// unlocked.

#include <QWidget>

#include <memory>

class QLabel;

namespace gtx::interfaces {
struct NodeStatus;
}

namespace gtx::ui {

class NodeStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit NodeStatusWidget(QWidget *parent = nullptr);
    ~NodeStatusWidget() override;

    void setStatus(const interfaces::NodeStatus &status);
    // Null until the first status arrives.
    const interfaces::NodeStatus *status() const { return m_status.get(); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    std::unique_ptr<interfaces::NodeStatus> m_status;
    QLabel *m_networkLabel = nullptr;
    QLabel *m_heightLabel = nullptr;
    QLabel *m_headTimeLabel = nullptr;
    QLabel *m_lockLabel = nullptr;
};

} // namespace gtx::ui
