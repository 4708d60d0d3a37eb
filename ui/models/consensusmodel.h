#pragma once

// The console's view of consensus, kept on the GUI thread. It subscribes
// once to the node's consensus area (interfaces::ConsensusView), which
// reports at most every 250 ms from a node thread; each report is handed
// to the GUI thread and applied to the three table models by diff (rows
// inserted, changed or removed; never a reset). A report that arrives
// after the model is gone is dropped safely.

#include "core/node/interface.h"
#include "ui/models/guisubscription.h"
#include "ui/models/keyedtablemodel.h"

#include <QAbstractTableModel>
#include <QObject>

#include <memory>
#include <vector>

namespace gtx::ui {

// Recent blocks, newest first.
class BlockFeedModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Height, Slot, Time, Proposer, Transactions, FinalityColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::BlockRow> &rows);
    void retranslate();

private:
    std::vector<interfaces::BlockRow> m_rows;
};

// Authorities, then the validators of the current epoch.
class MemberTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Member, Key, Stake, BlocksMade, SlotsMissed, Uptime, Rewards, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::MemberRow> &rows);
    void retranslate();

private:
    std::vector<interfaces::MemberRow> m_rows;
};

// The node's peer links and their health: authorities first.
class PeerTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { Peer, Key, Link, LastHeard, Messages, Score, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(const std::vector<interfaces::PeerRow> &rows);
    void retranslate();

private:
    std::vector<interfaces::PeerRow> m_rows;
};

QString linkHealthName(interfaces::LinkHealth health);

// The authority's name as the console shows it (its Thai abbreviation in Thai).
QString authorityDisplayName(const std::string &shortName);
QString finalityName(interfaces::Finality finality);

class ConsensusModel : public QObject
{
    Q_OBJECT

public:
    explicit ConsensusModel(interfaces::ConsensusView &view, QObject *parent = nullptr);
    ~ConsensusModel() override;

    const interfaces::ConsensusSnapshot &snapshot() const { return m_snapshot; }
    BlockFeedModel *blocks() { return &m_blocks; }
    MemberTableModel *members() { return &m_members; }
    PeerTableModel *links() { return &m_links; }

    // Applies a snapshot (GUI thread); what the node's reports come to.
    void apply(const interfaces::ConsensusSnapshot &snapshot);

signals:
    void changed();

private:
    interfaces::ConsensusSnapshot m_snapshot;
    BlockFeedModel m_blocks;
    MemberTableModel m_members;
    PeerTableModel m_links;
    std::unique_ptr<GuiSubscription<ConsensusModel>> m_subscription;   // last: cut first
};

} // namespace gtx::ui
